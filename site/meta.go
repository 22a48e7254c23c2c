package site

import (
	"fmt"
	"net/url"
	"strings"
)

// What a page's head tells search engines, feed readers and link previews
// (Open Graph, Twitter cards): docs/cli.md "The published site".

// pageMeta is the part of a page's head that depends on where the site is
// published.
type pageMeta struct {
	// Canonical is the page's absolute address; "" without a base URL.
	Canonical string
	// AltAbs is the other language's page for the hreflang alternate:
	// absolute with a base URL, else relative (the visible language switch
	// always stays relative).
	AltAbs   string
	FeedHref string // the Atom feed of the page's language
	OGImage  string // the social card of the page's language
	Headline string // the latest headline number, as og:description
}

// baseURL checks and normalises Input.BaseURL: an absolute http(s) URL
// ending in "/", or "" for relative links.
func baseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("site: base URL %q is not an absolute http(s) address of the site's root", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// href is the address of path (relative to the site's root) as a page at
// root (its relative path to the root) links to it: absolute with a base
// URL, relative without.
func (d *siteData) href(root, path string) string {
	if d.BaseURL != "" {
		return d.BaseURL + path
	}
	if root+path == "" {
		return "./"
	}
	return root + path
}

// meta is the head of the page at rel (its folder inside language l, ""
// for the overview) whose relative path to the root is root.
func (d *siteData) meta(l lang, rel, root string) pageMeta {
	other := langEN
	if l.Code == "en" {
		other = langID
	}
	m := pageMeta{
		AltAbs:   d.href(root, other.Prefix+rel),
		FeedHref: d.href(root, l.Prefix+"feed.xml"),
		OGImage:  d.href(root, l.Prefix+"og.png"),
		Headline: d.headline(l, rel),
	}
	if d.BaseURL != "" {
		m.Canonical = d.BaseURL + l.Prefix + rel
	}
	return m
}

// headline is a page's og:description: the latest coverage of the OPD of an
// OPD page, else of the province; the tagline while there is no data.
func (d *siteData) headline(l lang, rel string) string {
	if d.Latest == "" {
		return l.T("site_tagline")
	}
	who, ms := l.T("province"), d.Province
	if kode, ok := strings.CutPrefix(rel, "opd/"); ok {
		kode = strings.TrimSuffix(kode, "/")
		for _, o := range d.OPD {
			if o.Kode == kode {
				who, ms = o.Nama, o.Months
			}
		}
	}
	var cov *float64
	if m := find(ms, d.Latest); m != nil {
		cov = m.Cakupan
	}
	return l.Tf("og_headline", who, l.Month(d.Latest), l.Pct(cov))
}

// exportSource is the line under a downloaded chart image: the source of
// the data, its month, and the site's name and address.
func (p page) exportSource() string {
	parts := []string{p.L.T("chart_source")}
	if p.DataAsOf != "" {
		parts = append(parts, p.DataAsOf)
	}
	parts = append(parts, p.L.T("site_title"))
	if p.Canonical != "" {
		parts = append(parts, p.Canonical)
	}
	return strings.Join(parts, " · ")
}
