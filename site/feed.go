package site

import (
	"encoding/xml"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// The Atom 1.0 feeds feed.xml and en/feed.xml (RFC 4287): one entry per
// published month, newest first, with the province's headline numbers and
// the largest changes among OPDs since the month before. Only published
// (suppressed) monthly tables are read, so an entry holds nothing a page
// does not show; encoding/xml escapes agency names.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary atomText `xml:"summary"`
}

// feedTag starts every id of the feeds: a tag URI (RFC 4151) under the
// province's domain, so ids stay the same whatever address the site is
// published at.
const feedTag = "tag:lampungprov.go.id,2025:kinerja/"

// feed is the Atom feed of language l, written at l.Prefix+"feed.xml".
func (d *siteData) feed(l lang) ([]byte, error) {
	overview, self := "./", "feed.xml"
	if d.BaseURL != "" {
		overview, self = d.BaseURL+l.Prefix, d.BaseURL+l.Prefix+"feed.xml"
	}
	f := atomFeed{Lang: l.Code, ID: feedTag + l.Code + "/feed", Title: l.T("feed_title") + " · " + l.T("site_title"),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: overview},
		},
		Author: atomPerson{Name: l.T("feed_author")},
	}
	var newest time.Time
	for i := len(d.Province) - 1; i >= 0; i-- {
		m := d.Province[i]
		at := d.firstPublished(m.Periode)
		if at.After(newest) {
			newest = at
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:      feedTag + l.Code + "/" + m.Periode,
			Title:   l.Tf("feed_entry", l.Month(m.Periode)),
			Updated: at.UTC().Format(time.RFC3339),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: overview},
			Summary: atomText{Type: "text", Text: d.feedSummary(l, m)},
		})
	}
	if newest.IsZero() {
		// No month yet: the feed is as old as its first publication.
		newest = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		if len(d.Log) > 0 {
			newest = d.Log[0].Waktu
		}
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("site: feed: %w", err)
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

// firstPublished is an entry's updated time: the first publication of the
// revision log after the month ended (the log records each publication's
// files, not which months it held, and a month is complete only once it
// ended), else the month's last second in WIB. Both come from the input,
// so the same data gives the same feed.
func (d *siteData) firstPublished(periode string) time.Time {
	var y, mo int
	if _, err := fmt.Sscanf(periode, "%d-%d", &y, &mo); err != nil {
		return time.Time{}
	}
	end := time.Date(y, time.Month(mo)+1, 1, 0, 0, 0, 0, wib)
	for _, e := range d.Log {
		if !e.Waktu.Before(end) {
			return e.Waktu
		}
	}
	return end.Add(-time.Second)
}

// headlineKPIs are the numbers of the headline tiles, in their order.
var headlineKPIs = []struct {
	key string
	get func(month) *float64
}{
	{"coverage", func(m month) *float64 { return m.Cakupan }},
	{"ontime", func(m month) *float64 { return m.TepatWaktu }},
	{"sangat_baik_share", func(m month) *float64 { return m.Persen[0] }},
	{"iku", func(m month) *float64 { return m.Capaian }},
	{"jp20", func(m month) *float64 { return m.Patuh20JP }},
}

// feedSummary is an entry's text: the province's headline numbers of m and
// the three largest changes of one OPD's headline number since the month
// before.
func (d *siteData) feedSummary(l lang, m month) string {
	var nums []any
	nums = append(nums, l.Month(m.Periode))
	for _, k := range headlineKPIs {
		nums = append(nums, l.Pct(k.get(m)))
	}
	s := l.Tf("feed_summary", nums...)
	prevPeriode := shiftMonth(m.Periode, -1)
	type change struct {
		nama string
		kpi  int
		d    float64
	}
	var cs []change
	for _, o := range d.OPD {
		cur, prev := find(o.Months, m.Periode), find(o.Months, prevPeriode)
		if cur == nil || prev == nil {
			continue
		}
		for i, k := range headlineKPIs {
			a, b := k.get(*cur), k.get(*prev)
			if a == nil || b == nil || math.Abs(*a-*b) < 0.05 {
				continue // a change that rounds to 0,0 points is none
			}
			cs = append(cs, change{o.Nama, i, *a - *b})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if x, y := math.Abs(cs[i].d), math.Abs(cs[j].d); x != y {
			return x > y
		}
		if cs[i].nama != cs[j].nama {
			return cs[i].nama < cs[j].nama
		}
		return cs[i].kpi < cs[j].kpi
	})
	if len(cs) == 0 {
		return s
	}
	var parts []string
	for _, c := range cs[:min(3, len(cs))] {
		parts = append(parts, l.Tf("feed_change", c.nama, l.T(headlineKPIs[c.kpi].key), l.Change(c.d)))
	}
	return s + l.Tf("feed_changes", l.Month(prevPeriode), strings.Join(parts, "; "))
}
