package site

import "encoding/json"

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
	Min, Max int
	DataURL  string
	OPD      []struct{ Kode, Nama string }
	KPIs     []bandingKPI
	Texts    map[string]string
}

type bandingKPI struct{ Name, Title, Definition string }

// bandingBody is the page in language l: the headline KPIs compared are
// the built-in ones and the share rated Sangat Baik, the curve's concern.
func bandingBody(d *siteData, l lang) bandingView {
	v := bandingView{Min: bandingMin, Max: bandingMax, Texts: map[string]string{}}
	// Only the OPDs the data file has a month of: a comparison with no
	// line is none.
	monthly := d.Files["kpi_opd_bulanan"]
	has := map[string]bool{}
	for _, r := range monthly.Rows {
		if k, ok := monthly.cell(r, "opd_kode").(string); ok {
			has[k] = true
		}
	}
	for _, o := range d.OPD {
		if has[o.Kode] {
			v.OPD = append(v.OPD, struct{ Kode, Nama string }{o.Kode, o.Nama})
		}
	}
	v.KPIs = bandingKPIs(l)
	for _, k := range []string{"pilih", "dipilih", "provinsi", "bulan", "gagal"} {
		v.Texts[k] = l.T("banding_" + k)
	}
	return v
}

// bandingKPIs are the KPIs compared, in language l.
func bandingKPIs(l lang) []bandingKPI {
	var out []bandingKPI
	for _, k := range builtinKPIs {
		def := k.Definisi
		if l.Code == "en" {
			def = k.Definition
		}
		out = append(out, bandingKPI{k.Name, k.title(l), def})
		if k.Name == "dinilai_tepat_waktu_persen" {
			out = append(out, bandingKPI{"sangat_baik_persen", l.T("sangat_baik_share") + " (%)", l.T("banding_sb_def")})
		}
	}
	return out
}

// bandingKPINames are the columns banding/data.json carries.
func bandingKPINames() []string {
	var out []string
	for _, k := range bandingKPIs(langID) {
		out = append(out, k.Name)
	}
	return out
}

// bandingData is banding/data.json: the values of the compared KPIs from
// the published files, by month, for the province and each OPD, in the
// compact shape the page draws (a phone parses a few kilobytes, not the
// whole of data/kpi_opd_bulanan.json). Suppressed cells stay null.
func bandingData(d *siteData) ([]byte, error) {
	prov, opd := d.Files["kpi_provinsi_bulanan"], d.Files["kpi_opd_bulanan"]
	kpis := bandingKPINames()
	out := struct {
		Bulan    []string                         `json:"bulan"`
		Provinsi map[string][]*float64            `json:"provinsi"`
		OPD      map[string]map[string][]*float64 `json:"opd"`
	}{Provinsi: map[string][]*float64{}, OPD: map[string]map[string][]*float64{}}
	at := map[string]int{}
	for _, r := range prov.Rows {
		p := cellText(prov.cell(r, "periode"))
		at[p] = len(out.Bulan)
		out.Bulan = append(out.Bulan, p)
	}
	for _, k := range kpis {
		for _, r := range prov.Rows {
			out.Provinsi[k] = append(out.Provinsi[k], ptr(prov.cell(r, k)))
		}
	}
	for _, r := range opd.Rows {
		kode := cellText(opd.cell(r, "opd_kode"))
		i, ok := at[cellText(opd.cell(r, "periode"))]
		if !ok {
			continue
		}
		if out.OPD[kode] == nil {
			out.OPD[kode] = map[string][]*float64{}
			for _, k := range kpis {
				out.OPD[kode][k] = make([]*float64, len(out.Bulan))
			}
		}
		for _, k := range kpis {
			out.OPD[kode][k][i] = ptr(opd.cell(r, k))
		}
	}
	b, err := json.Marshal(out)
	return append(b, '\n'), err
}

// Script is the page's own script, beside app.js.
func (bandingView) Script() string { return "banding.js" }
