package publish_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/site"
)

// TestExplainerExamplesAreComputedByTheProjectsSQL: the worked examples of
// memahami/ come from the macros validation and the models use, and give
// what the regulation and docs/kpi.md say.
func TestExplainerExamplesAreComputedByTheProjectsSQL(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	in, err := publish.LoadSite(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	rows := func(name string, cols ...string) map[string]string {
		tb := in.Explainer[name]
		out := map[string]string{}
		for _, r := range tb.Rows {
			var key []string
			for _, c := range cols[:len(cols)-1] {
				key = append(key, fmt.Sprint(cell(tb, r, c)))
			}
			out[strings.Join(key, " ")] = fmt.Sprint(cell(tb, r, cols[len(cols)-1]))
		}
		return out
	}
	// PermenPAN-RB 6/2022's matrix.
	matrix := rows("matriks", "hasil_kerja", "perilaku_kerja", "predikat")
	for pair, want := range map[string]string{
		"di_atas di_atas": "sangat_baik", "sesuai sesuai": "baik", "di_atas sesuai": "baik", "sesuai di_atas": "baik",
		"di_bawah sesuai": "butuh_perbaikan", "di_bawah di_atas": "butuh_perbaikan", "sesuai di_bawah": "kurang",
		"di_atas di_bawah": "kurang", "di_bawah di_bawah": "sangat_kurang",
	} {
		if matrix[pair] != want {
			t.Errorf("matrix %s = %q, want %q", pair, matrix[pair], want)
		}
	}
	// docs/kpi.md's worked examples, and the target range.
	capaian := rows("capaian_iku", "polaritas", "target", "target_atas", "realisasi", "capaian_persen")
	for ex, want := range map[string]string{
		"minimal 7 <nil> 6.5": "107.14", "minimal 8 <nil> 9": "87.5", "maksimal 80 <nil> 72": "90",
		"maksimal 90 95 93": "100", "maksimal 90 95 99": "104.21",
	} {
		if capaian[ex] != want {
			t.Errorf("capaian of %s = %q, want %s (examples %v)", ex, capaian[ex], want, capaian)
		}
	}
	// Example 1 keeps every rule for an agency rated Baik; example 2 (9
	// Sangat Baik, 8 Baik) breaks "Baik is the largest group".
	kurva := in.Explainer["kurva"]
	broken := map[string][]string{}
	for _, r := range kurva.Rows {
		if ok, _ := cell(kurva, r, "patuh").(bool); !ok {
			ex := fmt.Sprint(cell(kurva, r, "contoh"))
			broken[ex] = append(broken[ex], fmt.Sprint(cell(kurva, r, "jenis"), " ", cell(kurva, r, "kelompok_id")))
		}
	}
	if len(kurva.Rows) == 0 || len(broken["1"]) != 0 || !strings.Contains(strings.Join(broken["2"], ";"), "terbesar Baik") {
		t.Errorf("curve examples: broken rules %v, want none in 1 and Baik not the largest in 2", broken)
	}

	out := filepath.Join(t.TempDir(), "public")
	if _, err := publish.Site(context.Background(), db, out, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string][]string{
		"memahami/index.html":    {"107,14%", "87,50%", "Sangat Kurang", "Tidak sesuai kurva.", "Baik bukan kelompok terbesar", ">20 jam pelajaran"},
		"en/memahami/index.html": {"107.14%", "87.50%", "Very poor", "Does not follow the curve.", "Good is not the largest group", ">20 training hours"},
	} {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		text := regexp.MustCompile(`\s+`).ReplaceAllString(string(b), " ")
		for _, w := range want {
			if !strings.Contains(strings.ReplaceAll(text, "paling sedikit ", ">"), w) && !strings.Contains(strings.ReplaceAll(text, "at least ", ">"), w) {
				t.Errorf("%s does not say %q", page, w)
			}
		}
	}
	// Every chart of the overview has its "?" into the explainer, and the
	// overview links to it.
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	charts := strings.Count(string(b), `class="card chart-card"`)
	helps := regexp.MustCompile(`class="help" href="memahami/#(cakupan|predikat|kurva|iku|jp|membaca)"`).FindAllString(string(b), -1)
	if charts == 0 || len(helps) != charts || !strings.Contains(string(b), `<a href="memahami/">`) {
		t.Errorf("%d charts, %d links to their explanation; overview links to memahami/: %v", charts, len(helps), strings.Contains(string(b), `<a href="memahami/">`))
	}
}

func cell(t site.Table, r []any, col string) any {
	for i, c := range t.Cols {
		if c == col {
			return r[i]
		}
	}
	return nil
}
