package compute_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
)

const analystHeader = `-- judul: Rasio dinilai
-- title: Evaluated ratio
-- definisi: Jumlah dinilai dibagi jumlah pegawai.
-- definition: Evaluated over headcount.
-- unit: rasio
-- higher_is_better: true
`

func TestAnalystKPIsArePickedUpAndChecked(t *testing.T) {
	cases := []struct {
		name, file, sql, wantErr string
	}{
		{"good", "rasio_dinilai.sql", analystHeader + "SELECT periode, opd_kode, jumlah_dinilai / nullif(jumlah_pegawai, 0) AS nilai FROM kpi_opd_bulanan;", ""},
		{"no header", "tanpa_judul.sql", "SELECT periode, opd_kode, 1 AS nilai FROM kpi_opd_bulanan", "add the header lines"},
		{"writes", "hapus.sql", analystHeader + "DELETE FROM penilaian", "must be a SELECT"},
		{"two statements", "dua.sql", analystHeader + "SELECT 1; DROP TABLE penilaian", "exactly one SELECT"},
		{"no nilai", "tanpa_nilai.sql", analystHeader + "SELECT periode, opd_kode FROM kpi_opd_bulanan", "nilai is missing"},
		{"per employee key", "per_pegawai.sql", analystHeader + "SELECT printf('%04d-%02d', tahun, bulan) AS periode, opd_key AS opd_kode, pegawai_id, 1 AS nilai FROM penilaian", "personal data"},
		{"per person", "per_orang.sql", analystHeader + "SELECT printf('%04d-%02d', tahun, bulan) AS periode, opd_key AS opd_kode, nip_hash, 1 AS nilai FROM penilaian", "personal data"},
		{"reads a file", "berkas.sql", analystHeader + "SELECT '2026-02' AS periode, 'bu' AS opd_kode, length(content) AS nilai FROM read_text('/etc/hostname')", "reaches outside the database"},
		{"reads the key", "kunci.sql", analystHeader + "SELECT '2026-02' AS periode, 'bu' AS opd_kode, 1 AS nilai FROM 'data/kunci-nip.key'", "does not exist"},
		{"lists files", "glob.sql", analystHeader + "SELECT '2026-02' AS periode, 'bu' AS opd_kode, count(*) AS nilai FROM glob('/*')", "reaches outside the database"},
		{"copies out", "salin.sql", analystHeader + "COPY (SELECT 1) TO '/tmp/kinerja-analis.csv'", "must be a SELECT"},
		{"not aggregated", "ganda.sql", analystHeader + "SELECT printf('%04d-%02d', tahun, bulan) AS periode, opd_key AS opd_kode, 1 AS nilai FROM penilaian WHERE NOT tahunan", "one row per OPD and month"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, c.file), []byte(c.sql), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg := config.Default()
			cfg.KPI.CustomQueriesDir = dir
			_, err := compute.Run(context.Background(), db, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				var v float64
				if err := db.Row(context.Background(), `SELECT nilai FROM analis_rasio_dinilai WHERE periode = '2026-02' AND opd_kode = 'bu'`).Scan(&v); err != nil || v != 0.5 {
					t.Errorf("analis_rasio_dinilai bu 2026-02 = %v, %v; want 0.5", v, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), c.file) {
				t.Errorf("want an error naming %s and saying %q, got %v", c.file, c.wantErr, err)
			}
			var n int
			if err := db.Row(context.Background(), `SELECT count(*) FROM penilaian`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Error("a refused analyst KPI must not change the data")
			}
		})
	}
}
