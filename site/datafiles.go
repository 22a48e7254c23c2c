package site

import "strings"

// The open data: the published tables as CSV and JSON with a
// datapackage.json describing them, their page, and the agencies' templates.

// writeDataFiles writes the published files as CSV and JSON and the
// datapackage.json describing them.
func writeDataFiles(d *siteData, files map[string][]byte) error {
	var resources []map[string]any
	for _, name := range d.fileNames() {
		t := d.Files[name]
		files["data/"+name+".csv"] = tableCSV(t)
		j, err := tableJSON(t)
		if err != nil {
			return err
		}
		files["data/"+name+".json"] = j
		var fields []map[string]any
		for _, c := range t.Cols {
			doc := fieldDocs[c]
			fields = append(fields, map[string]any{"name": c, "type": doc.Type, "description": doc.EN, "description_id": doc.ID})
		}
		resources = append(resources, map[string]any{
			"name": strings.ReplaceAll(name, "_", "-"), "path": name + ".csv", "format": "csv", "mediatype": "text/csv",
			"encoding": "utf-8", "title": d.fileTitle(name)[1], "title_id": d.fileTitle(name)[0],
			"schema": map[string]any{"fields": fields, "missingValues": []string{""}},
		})
	}
	pkg := map[string]any{
		"name":      "kinerja-asn-provinsi-lampung",
		"title":     langEN.T("site_title"),
		"title_id":  langID.T("site_title"),
		"profile":   "tabular-data-package",
		"resources": resources,
	}
	b, err := marshalIndent(pkg)
	if err != nil {
		return err
	}
	files["data/datapackage.json"] = b
	return nil
}

type fileView struct {
	Name, Title string
	Rows        int
	Fields      []struct{ Name, Description string }
}

func dataBody(d *siteData, l lang) []fileView {
	var out []fileView
	for _, name := range d.fileNames() {
		t := d.Files[name]
		fv := fileView{Name: name, Rows: len(t.Rows)}
		titles := d.fileTitle(name)
		if l.Code == "id" {
			fv.Title = titles[0]
		} else {
			fv.Title = titles[1]
		}
		for _, c := range t.Cols {
			desc := fieldDocs[c].ID
			if l.Code == "en" {
				desc = fieldDocs[c].EN
			}
			fv.Fields = append(fv.Fields, struct{ Name, Description string }{c, desc})
		}
		out = append(out, fv)
	}
	return out
}

// fileNames lists every published data file: the four of docs/kpi.md, then one
// per analyst KPI.
func (d *siteData) fileNames() []string {
	return append(append([]string{}, PublishedFiles...), d.AnalystFiles...)
}

func (d *siteData) fileTitle(name string) [2]string {
	if t, ok := fileTitles[name]; ok {
		return t
	}
	for _, k := range d.KPIs {
		if "analis_"+k.Name == name {
			return [2]string{k.Judul + " (KPI analis)", k.Title + " (analyst KPI)"}
		}
	}
	return [2]string{name, name}
}

type guideView struct{ Datasets []Dataset }

// writeTemplates puts the agencies' templates (the same as `kinerja
// template`) under panduan/, shared by both languages.
func writeTemplates(in *Input, files map[string][]byte) {
	for name, b := range in.Templates {
		files["panduan/"+name] = b
	}
}
