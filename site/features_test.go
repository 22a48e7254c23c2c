package site_test

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/site"
)

// render renders in (with a province trend of every built-in KPI when it
// has none), failing the test on an error.
func render(t *testing.T, in *site.Input) map[string][]byte {
	t.Helper()
	if len(in.Trends) == 0 {
		for _, k := range site.BuiltinKPIs() {
			in.Trends[k] = tableOf("periode,opd_kode,nilai", []any{"2026-02", "", 90.0}, []any{"2026-02", "x1", 90.0})
		}
	}
	files, _, err := site.Render(in)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// pages are the HTML pages of a rendered site.
func pages(files map[string][]byte) map[string]string {
	out := map[string]string{}
	for p, b := range files {
		if strings.HasSuffix(p, ".html") {
			out[p] = string(b)
		}
	}
	return out
}

type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

func TestFeedsAreAtomWithOneEntryPerMonth(t *testing.T) {
	in := input()
	// The first publication after January ended; none after February.
	in.Log = []site.LogEntry{{Nomor: 1, Waktu: time.Date(2026, 2, 3, 1, 2, 3, 0, time.UTC)}}
	files := render(t, in)
	for _, name := range []string{"feed.xml", "en/feed.xml"} {
		raw := files[name]
		if bytes.Contains(raw, []byte("Dinas <Uji>")) {
			t.Errorf("%s: the OPD's name is not escaped", name)
		}
		var f atom
		if err := xml.Unmarshal(raw, &f); err != nil {
			t.Fatalf("%s is not XML in the Atom namespace: %v", name, err)
		}
		if f.ID == "" || f.Title == "" || f.Author == "" || f.Updated != "2026-02-28T16:59:59Z" {
			t.Errorf("%s: feed id %q, title %q, author %q, updated %q", name, f.ID, f.Title, f.Author, f.Updated)
		}
		if len(f.Entries) != 2 {
			t.Fatalf("%s: %d entries, want one per month (2)", name, len(f.Entries))
		}
		feb, jan := f.Entries[0], f.Entries[1]
		if !strings.HasSuffix(feb.ID, "/2026-02") || !strings.HasSuffix(jan.ID, "/2026-01") || !strings.HasPrefix(feb.ID, "tag:") {
			t.Errorf("%s: entry ids %q, %q: want tag URIs ending in the month, newest first", name, feb.ID, jan.ID)
		}
		if jan.Updated != "2026-02-03T01:02:03Z" || feb.Updated != "2026-02-28T16:59:59Z" {
			t.Errorf("%s: updated %q (January, first published on 3 February) and %q (February, not yet published after its end)", name, jan.Updated, feb.Updated)
		}
		if feb.Link.Href != "./" {
			t.Errorf("%s: entry links to %q, want the overview ./", name, feb.Link.Href)
		}
		for _, want := range []string{"90", "95", "Dinas <Uji>", "+15"} {
			if !strings.Contains(feb.Summary, want) {
				t.Errorf("%s: February's summary %q lacks %q (coverage, IKU, the OPD whose coverage rose 15 points)", name, feb.Summary, want)
			}
		}
	}
	if !strings.Contains(string(files["feed.xml"]), `xml:lang="id"`) || !strings.Contains(string(files["en/feed.xml"]), `xml:lang="en"`) {
		t.Error("the feeds do not say their language")
	}
	// Linked from every page's head, in its language.
	for p, html := range pages(files) {
		want := `type="application/atom+xml"`
		if !strings.Contains(html, want) {
			t.Errorf("%s does not link a feed", p)
		}
	}
	if !strings.Contains(string(files["en/opd/x1/index.html"]), `href="../../../en/feed.xml"`) {
		t.Error("en/opd/x1/ does not link en/feed.xml")
	}
	// Same input, same bytes.
	if again := render(t, in); !bytes.Equal(again["feed.xml"], files["feed.xml"]) {
		t.Error("feed.xml differs between two renders of the same input")
	}
}

func TestFaviconIsServedAndLinked(t *testing.T) {
	files := render(t, input())
	ico := files["favicon.ico"]
	if len(ico) < 22+8 || !bytes.Equal(ico[:4], []byte{0, 0, 1, 0}) {
		t.Fatalf("favicon.ico is not an ICO file: % x", ico[:min(len(ico), 8)])
	}
	img, err := png.Decode(bytes.NewReader(ico[22:]))
	if err != nil || img.Bounds().Dx() != 32 {
		t.Errorf("favicon.ico does not hold a 32 px PNG: %v", err)
	}
	if !bytes.Contains(files["assets/favicon.svg"], []byte("<svg")) {
		t.Error("no assets/favicon.svg")
	}
	for p, html := range pages(files) {
		if !strings.Contains(html, `<link rel="icon" href="`) || !strings.Contains(html, `favicon.svg" type="image/svg+xml">`) {
			t.Errorf("%s does not link the favicons", p)
		}
	}
	if !strings.Contains(string(files["opd/x1/index.html"]), `href="../../favicon.ico"`) {
		t.Error("opd/x1/ links the favicon at a wrong path")
	}
}

func TestBaseURLMakesHeadLinksAbsolute(t *testing.T) {
	rel := render(t, input())
	page := string(rel["opd/x1/index.html"])
	for _, absent := range []string{`rel="canonical"`, `og:url`, `https://`} {
		if strings.Contains(page, absent) {
			t.Errorf("without a base URL, opd/x1/ has %s", absent)
		}
	}
	// A relative hreflang alternate is invalid (search engines and
	// Lighthouse want absolute ones): without a base URL there is none,
	// only the visible language switch.
	if strings.Contains(page, `<link rel="alternate" hreflang=`) {
		t.Error("without a base URL the page has a (relative, invalid) hreflang alternate")
	}

	in := input()
	in.BaseURL = "https://kinerja.example.go.id/situs"
	abs := render(t, in)
	page = string(abs["opd/x1/index.html"])
	for _, want := range []string{
		`<link rel="canonical" href="https://kinerja.example.go.id/situs/opd/x1/">`,
		`<link rel="alternate" hreflang="id" href="https://kinerja.example.go.id/situs/opd/x1/">`,
		`<link rel="alternate" hreflang="en" href="https://kinerja.example.go.id/situs/en/opd/x1/">`,
		`href="https://kinerja.example.go.id/situs/feed.xml"`,
		`<meta property="og:url" content="https://kinerja.example.go.id/situs/opd/x1/">`,
		`<meta property="og:image" content="https://kinerja.example.go.id/situs/og.png">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("with a base URL, opd/x1/ lacks %s", want)
		}
	}
	// The language switch a visitor clicks stays relative.
	if !strings.Contains(page, `class="lang-switch" hreflang="en" lang="en" href="../../en/opd/x1/"`) {
		t.Error("the visible language switch became absolute")
	}
	if !strings.Contains(string(abs["en/feed.xml"]), `href="https://kinerja.example.go.id/situs/en/"`) {
		t.Error("en/feed.xml does not link the absolute English overview")
	}
	in.BaseURL = "kinerja.example.go.id"
	if len(in.Trends) == 0 {
		t.Fatal("no trends")
	}
	if _, _, err := site.Render(in); err == nil {
		t.Error("a base URL without a scheme is accepted")
	}
}

func TestSuppressedPredikatAreNamedWithTheRule(t *testing.T) {
	files := render(t, input())
	id, en := string(files["opd/x1/index.html"]), string(files["en/opd/x1/index.html"])
	for _, c := range []struct{ page, want string }{
		{id, "Pada Februari 2026, jumlah pegawai berpredikat Sangat Baik dan Baik disembunyikan untuk melindungi privasi pegawai: jumlah 1–4 orang tidak diterbitkan"},
		{id, `(<a href="../../metodologi/#privasi">aturan privasi</a>).`},
		{en, "In February 2026 the numbers rated Very good and Good are hidden to protect employees&#39; privacy: counts of 1–4 people are not published"},
		{en, `(<a href="../../../en/metodologi/#privasi">privacy rule</a>).`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("the predikat chart lacks %q", c.want)
		}
	}
	if strings.Contains(id, "disembunyikan pegawai yang dinilai") || strings.Contains(id, "dan disembunyikan Baik") {
		t.Error("the old garbled sentence is still on the page")
	}
	if !strings.Contains(string(files["metodologi/index.html"]), `id="privasi"`) {
		t.Error("the methodology page has no privacy anchor")
	}
}

func TestEveryHeadlineTileHasASparkline(t *testing.T) {
	files := render(t, input())
	for _, p := range []string{"index.html", "en/index.html", "opd/x1/index.html"} {
		html := string(files[p])
		tiles, sparks := strings.Count(html, `<li class="tile">`), strings.Count(html, `<svg class="spark"`)
		if tiles != 5 || sparks != tiles {
			t.Errorf("%s: %d tiles, %d sparklines", p, tiles, sparks)
		}
		if !regexp.MustCompile(`<path d="M0\.0 [0-9.]+L100\.0 [0-9.]+"`).MatchString(html) {
			t.Errorf("%s: no sparkline from the first to the last month", p)
		}
	}
}

func TestSocialCardsAndChartControls(t *testing.T) {
	files := render(t, input())
	for _, p := range []string{"og.png", "en/og.png"} {
		img, err := png.Decode(bytes.NewReader(files[p]))
		if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 630 {
			t.Errorf("%s is not a 1200×630 PNG: %v", p, err)
		}
	}
	page := string(files["opd/x1/index.html"])
	for _, want := range []string{
		`<meta property="og:image" content="../../og.png">`,
		`<meta property="og:description" content="Cakupan penilaian Dinas &lt;Uji&gt;, Februari 2026: 90,0%.">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`id="grafik-opd-cakupan"`, `data-file="cakupan-penilaian-x1-2026-02"`,
		`data-title="Cakupan penilaian dan ketepatan waktu per bulan — Dinas &lt;Uji&gt;"`,
		`<button type="button" class="export" data-format="png" hidden>Unduh PNG</button>`,
		`<a class="permalink" href="#grafik-opd-cakupan">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("opd/x1/ lacks %s", want)
		}
	}
	en := string(files["en/opd/x1/index.html"])
	for _, want := range []string{`data-file="evaluation-coverage-x1-2026-02"`, `>Download SVG</button>`} {
		if !strings.Contains(en, want) {
			t.Errorf("en/opd/x1/ lacks %s", want)
		}
	}
	// Legends wrap instead of paging.
	if strings.Contains(page, `&#34;type&#34;:&#34;scroll&#34;`) || !strings.Contains(page, `&#34;type&#34;:&#34;plain&#34;`) {
		t.Error("a chart legend is not of type plain")
	}
}

func TestMethodologyListsPublishedFiguresFirst(t *testing.T) {
	in := input()
	in.Models = []site.Model{
		{Name: "kpi/10_pegawai_bulan", Header: map[string]string{"model": "pegawai_bulan", "judul": "Pegawai per bulan", "title": "Employees per month"}},
		{Name: "kpi/20_kpi_opd_bulanan", Header: map[string]string{"model": "kpi_opd_bulanan", "judul": "KPI per OPD", "title": "KPIs per agency"}},
	}
	page := string(render(t, in)["metodologi/index.html"])
	order := []string{"Angka yang diterbitkan", "KPI per OPD", `id="privasi"`, "Langkah perhitungan internal", "Pegawai per bulan"}
	at := -1
	for _, s := range order {
		i := strings.Index(page, s)
		if i <= at {
			t.Fatalf("metodologi/: %q is not after %v (at %d)", s, order[:slices.Index(order, s)], i)
		}
		at = i
	}
}

func TestEveryTextOfEveryPageExists(t *testing.T) {
	in := input()
	in.Models = []site.Model{{Name: "kpi/20_kpi_opd_bulanan", Header: map[string]string{"model": "kpi_opd_bulanan"}}, {Name: "kpi/01_x", Header: map[string]string{"model": "x"}}}
	for p, html := range pages(render(t, in)) {
		if i := strings.Index(html, "??"); i >= 0 {
			t.Errorf("%s has a missing text: %s", p, html[i:min(len(html), i+40)])
		}
	}
}

// TestEveryChartHasAnEmbedPage: every chart of every page offers an
// <iframe> snippet of its embed page, which holds that chart (its id, title
// and option), a link back to the chart on its page and no navigation.
func TestEveryChartHasAnEmbedPage(t *testing.T) {
	files := render(t, input())
	all := pages(files)
	figure := regexp.MustCompile(`<figure class="card chart-card" id="(grafik-([a-z0-9-]+))"[^>]*data-title="([^"]*)"`)
	snippet := regexp.MustCompile(`data-src="([^"]+)">&lt;iframe src=&#34;([^&]+)&#34; title=`)
	charts := 0
	for p, html := range all {
		if strings.Contains(p, "embed/") {
			continue
		}
		dir := strings.TrimSuffix(p, "index.html")
		figs := figure.FindAllStringSubmatchIndex(html, -1)
		for i, m := range figs {
			charts++
			id, chartID := html[m[2]:m[3]], html[m[4]:m[5]]
			end := len(html)
			if i+1 < len(figs) {
				end = figs[i+1][0]
			}
			fig := html[m[0]:end]
			if !strings.Contains(fig, `<summary>Sematkan</summary>`) && !strings.Contains(fig, `<summary>Embed</summary>`) {
				t.Errorf("%s: %s has no embed control", p, id)
			}
			s := snippet.FindStringSubmatch(fig)
			if s == nil {
				t.Errorf("%s: %s has no iframe snippet", p, id)
				continue
			}
			lang := ""
			if strings.HasPrefix(p, "en/") {
				lang = "en/"
			}
			want := lang + "embed/" + strings.TrimPrefix(dir, lang) + id + "/"
			target := path.Clean(dir+s[1]) + "/"
			if target != want || s[2] != s[1] {
				t.Errorf("%s: %s embeds %q (%q), want %s", p, id, s[1], s[2], want)
				continue
			}
			embed, ok := all[want+"index.html"]
			if !ok {
				t.Errorf("%s: no embed page %s for %s", p, want, id)
				continue
			}
			title := strings.SplitN(html[m[6]:m[7]], " — ", 2)[0]
			back := strings.Repeat("../", strings.Count(want, "/")) + dir + "#" + id
			for _, w := range []string{`id="` + id + `"`, `id="` + chartID + `" data-option="{`, `>` + title, `href="` + back + `" target="_blank" rel="noopener"`, `<p class="source">`} {
				if !strings.Contains(embed, w) {
					t.Errorf("%s (embed of %s on %s) lacks %s", want, id, p, w)
				}
			}
			for _, bad := range []string{"<nav", "<header", "<footer", `class="lang-switch"`, "<details"} {
				if strings.Contains(embed, bad) {
					t.Errorf("%s has %s", want, bad)
				}
			}
			if strings.Count(embed, `class="chart"`) != 1 {
				t.Errorf("%s does not hold exactly one chart", want)
			}
		}
	}
	if charts == 0 {
		t.Fatal("no chart on any page")
	}
	for _, p := range []string{"embed/opd/x1/grafik-opd-cakupan/index.html", "en/embed/opd/x1/grafik-opd-cakupan/index.html", "embed/grafik-provinsi-cakupan/index.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	// With a base URL the snippet's address is absolute.
	in := input()
	in.BaseURL = "https://kinerja.example.go.id/"
	abs := string(render(t, in)["opd/x1/index.html"])
	if !strings.Contains(abs, `&lt;iframe src=&#34;https://kinerja.example.go.id/embed/opd/x1/grafik-opd-cakupan/&#34;`) {
		t.Error("with a base URL the embed snippet's address is not absolute")
	}
}
