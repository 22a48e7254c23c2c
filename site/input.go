package site

// Table is a query's result as the site reads it: the column names and the
// rows of values (nil for NULL). The site never queries the database:
// pipeline/publish fills an Input with the queries of queries/publish and
// the site renders it, so rendering can be tested without a database.
type Table struct {
	Cols []string
	Rows [][]any
}

// table is the name the rendering code uses for a Table.
type table = Table

func (t Table) col(name string) int {
	for i, c := range t.Cols {
		if c == name {
			return i
		}
	}
	panic("site: no column " + name)
}

// cell is row r's value of column col, or nil when the table has no such
// column.
func (t Table) cell(r []any, col string) any {
	for i, c := range t.Cols {
		if c == col && i < len(r) {
			return r[i]
		}
	}
	return nil
}

// Model is one KPI model's documentation on the methodology page: its SQL
// file (kpi/10_pegawai_bulan) and the "-- key: value" lines of its header.
type Model struct {
	Name   string
	Header map[string]string
}

// PublishedFiles are the files of the site's data/ folder, each read with
// queries/publish/<name>.sql.
var PublishedFiles = []string{"kpi_opd_bulanan", "kpi_provinsi_bulanan", "iku_capaian", "kurva_distribusi_tahunan"}

// BuiltinKPIs are the KPIs with a page of their own, by their tren name.
func BuiltinKPIs() []string {
	out := make([]string, len(builtinKPIs))
	for i, k := range builtinKPIs {
		out[i] = k.Name
	}
	return out
}

// Input is everything the site is built from: the published (suppressed)
// tables and what the pages need beside them. Each table names the query
// of queries/publish that fills it.
type Input struct {
	Files          map[string]Table // PublishedFiles, by name
	OPD            Table            // publish/situs/opd
	Freshness      Table            // publish/situs/kesegaran
	Attention      Table            // publish/situs/perhatian
	CurveReasonsEN Table            // publish/situs/alasan_kurva_en
	CurveLimits    Table            // publish/situs/batas_kurva
	Trends         map[string]Table // publish/situs/tren, by BuiltinKPIs name
	AnalystKPIs    Table            // publish/situs/kpi_analis
	AnalystTables  map[string]Table // each analyst KPI's table analis_<nama>, by nama
	Models         []Model          // queries/kpi, for the methodology page
	// Explainer holds the worked examples of memahami/, by query name
	// under publish/memahami (matriks, capaian_iku, kurva, jp): computed by
	// the macros validation and the models use, so that the explainer
	// cannot disagree with the numbers.
	Explainer map[string]Table
	Log       []LogEntry // the revision log, this publication included
	Revisions []Revision
	// Datasets and Templates are the guide for agencies (panduan/): each
	// dataset's required columns and its empty templates, by file name
	// (templat_penilaian.xlsx), as `kinerja template` writes them.
	Datasets  []Dataset
	Templates map[string][]byte
	// BaseURL is the public address of the site's root
	// (https://kinerja.lampungprov.go.id/), from [situs] base_url of
	// kinerja.toml. When set, the alternates, canonical links, feeds and
	// Open Graph URLs of every page are absolute, as search engines and
	// link previews need; when empty, links stay relative and pages have
	// no canonical link or og:url.
	BaseURL string
}

// Dataset is one input dataset as the guide lists it.
type Dataset struct{ Name, Required string }
