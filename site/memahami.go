package site

import "strings"

// The explainer (memahami/, "Memahami kinerja ASN"): what SKP, the ratings,
// the predikat matrix, the distribution curve and 20 JP are, and how to read
// each chart, in plain words for citizens and for civil servants. Its worked
// examples are tables computed by the project's own SQL (Input.Explainer,
// queries/publish/memahami/), never numbers typed into the page.

type memahamiView struct {
	T        map[string]string
	Perilaku []string   // the matrix's column heads: ratings of behaviour
	Matrix   [][]string // a row per rating of work results: its label, then the predikat
	IKU      []ikuExample
	Curve    []curveExample
	JPTarget string
}

type ikuExample struct{ Polaritas, Target, Realisasi, Capaian string }

type curveExample struct {
	Counts  string
	Rules   [][2]string // the rule, and whether it is kept (or why not)
	Verdict string
}

// memahamiBody fills the explainer in language l from the worked examples.
func memahamiBody(in *Input, l lang) memahamiView {
	v := memahamiView{T: memahamiID}
	if l.Code == "en" {
		v.T = memahamiEN
	}
	rating := func(r string) string { return v.T["rating_"+r] }
	pred := func(p string) string {
		for i, k := range predikatKeys {
			if k == p {
				return predikatLabel[l.Code][i]
			}
		}
		return p
	}
	m := in.Explainer["matriks"]
	for _, r := range m.Rows {
		h, p := cellText(m.cell(r, "hasil_kerja")), cellText(m.cell(r, "perilaku_kerja"))
		if len(v.Matrix) == 0 || v.Matrix[len(v.Matrix)-1][0] != rating(h) {
			v.Matrix = append(v.Matrix, []string{rating(h)})
		}
		if len(v.Matrix) == 1 {
			v.Perilaku = append(v.Perilaku, rating(p))
		}
		v.Matrix[len(v.Matrix)-1] = append(v.Matrix[len(v.Matrix)-1], pred(cellText(m.cell(r, "predikat"))))
	}
	c := in.Explainer["capaian_iku"]
	for _, r := range c.Rows {
		get := func(col string) (float64, bool) { return num(c.cell(r, col)) }
		t, _ := get("target")
		target := l.Number(t, 1)
		if top, ok := get("target_atas"); ok {
			target = l.Number(t, 1) + "–" + l.Number(top, 1)
		}
		re, _ := get("realisasi")
		ex := ikuExample{Polaritas: v.T["polaritas_"+cellText(c.cell(r, "polaritas"))], Target: target, Realisasi: l.Number(re, 1)}
		if cp, ok := get("capaian_persen"); ok {
			ex.Capaian = l.Number(cp, 2) + "%"
		}
		v.IKU = append(v.IKU, ex)
	}
	v.Curve = curveExamples(in.Explainer["kurva"], l, v.T)
	if t := in.Explainer["jp"]; len(t.Rows) > 0 {
		if x, ok := num(t.Rows[0][0]); ok {
			v.JPTarget = l.Number(x, 0)
		}
	}
	return v
}

// curveExamples groups the rows of publish/memahami/kurva by example.
func curveExamples(t Table, l lang, tx map[string]string) []curveExample {
	var out []curveExample
	last := ""
	lang := l.Code
	for _, r := range t.Rows {
		get := func(col string) any { return t.cell(r, col) }
		id := cellText(get("contoh"))
		if id != last {
			last = id
			var parts []string
			for i, k := range predikatKeys {
				n, _ := num(get(k))
				parts = append(parts, predikatLabel[lang][i]+" "+l.Number(n, 0))
			}
			total, _ := num(get("jumlah_dinilai"))
			out = append(out, curveExample{Counts: l.Number(total, 0) + " " + tx["dinilai"] + ": " + strings.Join(parts, ", "), Verdict: tx["kurva_ya"]})
		}
		ex := &out[len(out)-1]
		group := cellText(get("kelompok_" + lang))
		limit, _ := num(get("nilai"))
		rule := strings.NewReplacer("{k}", group, "{n}", l.Number(limit, 0)).Replace(tx["aturan_"+cellText(get("jenis"))])
		kept := tx["terpenuhi"]
		if ok, _ := get("patuh").(bool); !ok {
			kept = cellText(get("alasan_" + lang))
			ex.Verdict = tx["kurva_tidak"]
		}
		ex.Rules = append(ex.Rules, [2]string{rule, kept})
	}
	return out
}

// helpAnchor is the section of memahami/ that explains a chart, from the
// chart's id.
func helpAnchor(id string) string {
	for _, s := range []string{"cakupan", "predikat", "kurva", "iku", "jp"} {
		if strings.HasSuffix(id, s) {
			return s
		}
	}
	return "membaca"
}
