package site

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// Every chart has an embed page, embed/<page>/grafik-<id>/ in its language
// (en/embed/... in English): the chart, its title, its source line and a
// link back to the chart on its page, and nothing else, for other sites to
// show in an <iframe>. The rest of the site may not be framed; the embed
// pages may (a meta CSP cannot say so: the server's headers do, see
// Handler and docs/cli.md).

// embedHeight is the iframe's height in the snippet: a 320 px chart with
// its title above and its source and link below.
const embedHeight = 460

// embedDir is the folder of chart c's embed page, from the site's root, for
// the page at rel of language l.
func embedDir(l lang, rel string, c chartView) string {
	return l.Prefix + "embed/" + rel + "grafik-" + c.ID + "/"
}

// embedCode is the address of chart c's embed page as its page (at root)
// links it, and the <iframe> snippet that shows it. The snippet's address is
// absolute with a base URL; without one the site's script makes it so from
// the page's own address.
func (d *siteData) embedCode(l lang, rel, root string, c chartView) (string, string) {
	href := d.href(root, embedDir(l, rel, c))
	title := c.Title
	if c.Who != "" {
		title += " — " + c.Who
	}
	code := fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="%d" loading="lazy"></iframe>`,
		html.EscapeString(href), html.EscapeString(title), embedHeight)
	return href, code
}

// chartsOfBody are the charts of a page's body (shared with it, so setting
// a field of one sets it on the page).
func chartsOfBody(body any) []chartView {
	switch b := body.(type) {
	case overviewBody:
		return b.Charts
	case opdView:
		return b.Charts
	case kpiView:
		return b.Charts
	}
	return nil
}

type embedView struct {
	page
	Chart  chartView
	Source string // the chart's source line, as under its downloaded image
	Back   string // the chart on its page
}

// writeEmbed writes the embed page of chart c of page p (at rel).
func (d *siteData) writeEmbed(t *template.Template, p page, rel string, c chartView, files map[string][]byte) error {
	dir := embedDir(p.L, rel, c)
	root := strings.Repeat("../", strings.Count(dir, "/"))
	e := embedView{
		page:   page{L: p.L, Title: c.Title, Root: root, DataAsOf: p.DataAsOf, pageMeta: d.meta(p.L, strings.TrimPrefix(dir, p.L.Prefix), root)},
		Chart:  c,
		Source: p.exportSource(),
		Back:   d.href(root, p.L.Prefix+rel) + "#grafik-" + c.ID,
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, "embed", e); err != nil {
		return fmt.Errorf("rendering %sindex.html: %w", dir, err)
	}
	files[dir+"index.html"] = []byte(b.String())
	return nil
}
