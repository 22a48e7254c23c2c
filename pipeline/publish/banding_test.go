package publish_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestBandingDataIsThePublishedValues: what banding/ draws is the published
// file's value for every OPD, month and compared KPI, suppressed cells
// (null) included.
func TestBandingDataIsThePublishedValues(t *testing.T) {
	out := buildFixture(t, nil)
	var published []map[string]any
	b, err := os.ReadFile(filepath.Join(out, "data", "kpi_opd_bulanan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &published); err != nil {
		t.Fatal(err)
	}
	var drawn struct {
		Bulan []string                         `json:"bulan"`
		OPD   map[string]map[string][]*float64 `json:"opd"`
	}
	b, err = os.ReadFile(filepath.Join(out, "banding", "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &drawn); err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for i, m := range drawn.Bulan {
		at[m] = i
	}
	checked := 0
	for _, r := range published {
		kode, month := r["opd_kode"].(string), r["periode"].(string)
		for _, k := range []string{"cakupan_penilaian_persen", "dinilai_tepat_waktu_persen", "sangat_baik_persen", "rata_capaian_iku_persen", "persen_memenuhi_20jp"} {
			series := drawn.OPD[kode][k]
			i, ok := at[month]
			if !ok || i >= len(series) {
				t.Fatalf("banding/data.json has no %s of %s in %s", k, kode, month)
			}
			want, got := r[k], series[i]
			switch w := want.(type) {
			case nil:
				if got != nil {
					t.Errorf("%s %s %s: drawn %v, published null", kode, month, k, *got)
				}
			case float64:
				if got == nil || *got != w {
					t.Errorf("%s %s %s: drawn %v, published %v", kode, month, k, got, w)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("nothing compared")
	}
}
