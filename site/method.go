package site

import (
	"fmt"
	"path"
)

// The methodology page: every KPI model with its definition, the predikat
// matrix of the regulation and how fresh each OPD's data is.

type modelView struct{ Name, File, Title, Definition, Unit, Direction, Sources string }

type methodView struct {
	// Published are the models of the published files (PublishedFiles
	// order): what a reader of the site looks for first. Models are the
	// internal steps before them, in file order.
	Published  []modelView
	Models     []modelView
	MatrixHead []string
	Matrix     [][]string
	Freshness  [][]string
}

func methodBody(d *siteData, l lang) methodView {
	var v methodView
	for _, q := range d.Models {
		h := q.Header
		mv := modelView{Name: h["model"], File: path.Base(q.Name), Unit: h["unit"], Sources: h["sources"]}
		switch h["higher_is_better"] {
		case "true":
			mv.Direction = l.T("higher_better")
		case "false":
			mv.Direction = l.T("lower_better")
		}
		if l.Code == "id" {
			mv.Title, mv.Definition = h["judul"], h["definisi"]
		} else {
			mv.Title, mv.Definition = h["title"], h["definition"]
		}
		v.Models = append(v.Models, mv)
	}
	for _, name := range PublishedFiles {
		for i, mv := range v.Models {
			if mv.Name == name {
				v.Published = append(v.Published, mv)
				v.Models = append(v.Models[:i:i], v.Models[i+1:]...)
				break
			}
		}
	}
	lbl := predikatLabel[l.Code]
	if l.Code == "id" {
		v.MatrixHead = []string{"Hasil kerja \\ perilaku kerja", "Di bawah ekspektasi", "Sesuai ekspektasi", "Di atas ekspektasi"}
		v.Matrix = [][]string{
			{"Di atas ekspektasi", lbl[3], lbl[1], lbl[0]},
			{"Sesuai ekspektasi", lbl[3], lbl[1], lbl[1]},
			{"Di bawah ekspektasi", lbl[4], lbl[2], lbl[2]},
		}
	} else {
		v.MatrixHead = []string{"Work results \\ behaviour", "Below expectations", "As expected", "Above expectations"}
		v.Matrix = [][]string{
			{"Above expectations", lbl[3], lbl[1], lbl[0]},
			{"As expected", lbl[3], lbl[1], lbl[1]},
			{"Below expectations", lbl[4], lbl[2], lbl[2]},
		}
	}
	for _, r := range d.Freshness.Rows {
		last := "–"
		if s, ok := r[2].(string); ok {
			last = l.Month(s)
		}
		v.Freshness = append(v.Freshness, []string{fmt.Sprint(r[1]), last})
	}
	return v
}
