package site

// The comparison page (banding/): two to four OPDs side by side on the
// headline KPIs, drawn in the browser by assets/banding.js from the
// published open data, so that the page shows nothing the data files do not.

// Comparing fewer than bandingMin OPDs is no comparison; more than
// bandingMax lines on one chart cannot be told apart on a phone.
const (
	bandingMin = 2
	bandingMax = 4
)

type bandingView struct {
	Min, Max        int
	OPDURL, ProvURL string
	OPD             []struct{ Kode, Nama string }
	KPIs            []bandingKPI
	Texts           map[string]string
}

type bandingKPI struct{ Name, Title, Definition string }

// bandingKPIs are the headline KPIs compared: the built-in ones and the
// share rated Sangat Baik, the curve's concern.
func bandingBody(d *siteData, l lang, root string) bandingView {
	v := bandingView{Min: bandingMin, Max: bandingMax,
		OPDURL: root + "data/kpi_opd_bulanan.json", ProvURL: root + "data/kpi_provinsi_bulanan.json",
		Texts: map[string]string{}}
	// Only the OPDs the data file has a month of: a comparison with no
	// line is none.
	monthly := d.Files["kpi_opd_bulanan"]
	has := map[string]bool{}
	if i := monthly.col("opd_kode"); i >= 0 {
		for _, r := range monthly.Rows {
			if k, ok := r[i].(string); ok {
				has[k] = true
			}
		}
	}
	for _, o := range d.OPD {
		if has[o.Kode] {
			v.OPD = append(v.OPD, struct{ Kode, Nama string }{o.Kode, o.Nama})
		}
	}
	for _, k := range builtinKPIs {
		def := k.Definisi
		if l.Code == "en" {
			def = k.Definition
		}
		v.KPIs = append(v.KPIs, bandingKPI{k.Name, k.title(l), def})
		if k.Name == "dinilai_tepat_waktu_persen" {
			v.KPIs = append(v.KPIs, bandingKPI{"sangat_baik_persen", l.T("sangat_baik_share") + " (%)", l.T("banding_sb_def")})
		}
	}
	for _, k := range []string{"pilih", "dipilih", "provinsi", "bulan", "gagal"} {
		v.Texts[k] = l.T("banding_" + k)
	}
	return v
}

// Script is the page's own script, beside app.js.
func (bandingView) Script() string { return "banding.js" }
