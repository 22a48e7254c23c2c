package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/formula"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
)

// bknHeader is the header row of e-Kinerja's penilaian export.
var bknHeader = strings.Split("jenis;id;nip;nama;periode_awal_skp;periode_akhir_skp;skp_unor_id;skp_unor;skp_unor_induk;skp_jabatan;skp_jenis_jabatan;is_skp_plt_plh_pjb;hasil_kerja;perilaku_kerja;hasil_akhir;pegawai_atasan_id;pegawai_atasan_nip;pegawai_atasan_nama;pegawai_atasan_unor_id;pegawai_atasan_unor;pegawai_atasan_jabatan;pegawai_atasan_golru;waktu_dinilai;pegawai_penilai_id;tahun_skp;skp_id;periode_id;skp_penilaian_id;golru;jenis_pegawai;bulan_skp", ";")

// writeXLSX writes a minimal workbook by hand, so that a test can make
// sheets no spreadsheet program would (millions of rows, a gigabyte cell)
// in seconds. rows writes the sheetData's rows; shared, when not nil, the
// one shared string.
func writeXLSX(t *testing.T, path string, rows func(w io.Writer) error, shared func(w io.Writer) error) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	parts := []struct {
		name string
		fill func(w io.Writer) error
	}{
		{"[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)},
		{"_rels/.rels", text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", text(`<?xml version="1.0" encoding="UTF-8"?><workbook ` + ns + `><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)},
		{"xl/worksheets/sheet1.xml", func(w io.Writer) error {
			if _, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet `+ns+`><sheetData>`); err != nil {
				return err
			}
			if err := rows(w); err != nil {
				return err
			}
			_, err := io.WriteString(w, `</sheetData></worksheet>`)
			return err
		}},
		{"xl/sharedStrings.xml", func(w io.Writer) error {
			if _, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst `+ns+` count="1" uniqueCount="1"><si><t>`); err != nil {
				return err
			}
			if shared != nil {
				if err := shared(w); err != nil {
					return err
				}
			}
			_, err := io.WriteString(w, `</t></si></sst>`)
			return err
		}},
	}
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		if err := p.fill(bw); err != nil {
			t.Fatal(err)
		}
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// headerRow is the XML of row 1 with the BKN header.
func headerRow(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for _, h := range bknHeader {
		fmt.Fprintf(&b, `<c t="inlineStr"><is><t>%s</t></is></c>`, h)
	}
	b.WriteString(`</row>`)
	_, err := io.WriteString(w, b.String())
	return err
}

// hostileInbox writes the hostile files of the issue beside the fixture
// province's good ones and returns, by file name, a word its rejection
// report must hold.
func hostileInbox(t *testing.T, inbox string) map[string]string {
	t.Helper()
	want := map[string]string{}
	put := func(name, content, says string) {
		if err := os.WriteFile(filepath.Join(inbox, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		want[name] = says
	}
	// Four million rows under a real header, each with one cell: a sheet
	// formatted down on purpose. 570 KB that unpacks to hundreds of MB.
	writeXLSX(t, filepath.Join(inbox, "penilaian_4juta_baris.xlsx"), func(w io.Writer) error {
		if err := headerRow(w); err != nil {
			return err
		}
		for r := 2; r <= 4_000_001; r++ {
			if _, err := fmt.Fprintf(w, `<row r="%d"><c r="AC%d" t="inlineStr"><is><t>x</t></is></c></row>`, r, r); err != nil {
				return err
			}
		}
		return nil
	}, nil)
	want["penilaian_4juta_baris.xlsx"] = "mengembang|berhenti dibaca"
	// One shared string of 1 GiB.
	writeXLSX(t, filepath.Join(inbox, "penilaian_sel_1gib.xlsx"), func(w io.Writer) error {
		if err := headerRow(w); err != nil {
			return err
		}
		_, err := io.WriteString(w, `<row r="2"><c r="I2" t="s"><v>0</v></c></row>`)
		return err
	}, func(w io.Writer) error {
		chunk := bytes.Repeat([]byte("A"), 1<<20)
		for range 1024 {
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
		return nil
	})
	want["penilaian_sel_1gib.xlsx"] = "mengembang"
	// Sixty thousand rows with a value only in a column that is not
	// required: the reading stops after a thousand.
	writeXLSX(t, filepath.Join(inbox, "penilaian_baris_kosong.xlsx"), func(w io.Writer) error {
		if err := headerRow(w); err != nil {
			return err
		}
		for r := 2; r <= 60_001; r++ {
			if _, err := fmt.Fprintf(w, `<row r="%d"><c r="AC%d" t="inlineStr"><is><t>III/a</t></is></c></row>`, r, r); err != nil {
				return err
			}
		}
		return nil
	}, nil)
	want["penilaian_baris_kosong.xlsx"] = "berhenti dibaca"
	// A million columns.
	put("penilaian_sejuta_kolom.csv", "nip;"+strings.Repeat("x;", 1_000_000)+"\n1;2\n", "batas Excel")
	// Twenty thousand rows with a bad NIP: a report of 1,000 lines and a count.
	var bad strings.Builder
	bad.WriteString("nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp\n")
	for i := range 20_000 {
		fmt.Fprintf(&bad, "%d;DINAS CONTOH;SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;2\n", 1000+i)
	}
	put("penilaian_nip_salah.csv", bad.String(), "masalah lain")
	// OPD codes that are paths, and a 20 MB agency name.
	put("opd_kode_jalur.csv", "opd;singkatan\nDINAS JALUR;..\nDINAS JALUR DUA;../x\n", "kode halaman")
	put("opd_nama_20mb.csv", "opd;singkatan\n"+strings.Repeat("DINAS ", 20<<20/6)+";PANJANG\n", "terlalu panjang")
	// Files that were already refused before, kept so.
	put("nul.csv", "nip;nama\x00\x00\x00;jp\n\x00\x00", "")
	put("palsu.xlsx", "bukan xlsx sama sekali", "XLSX")
	put("dalam.json", strings.Repeat("[", 200_000)+strings.Repeat("]", 200_000), "")
	put("$(touch kena);`id`.csv", "nip;nama\n1;x\n", "")
	return want
}

// TestHostileFilesAreRejectedShortlyAndTheRestIsPublished runs `kinerja run`
// as a real process over an inbox of hostile files beside the fixture
// province: each is rejected with a short report, the good files load, the
// site is published, and the process stays under 1 GiB.
func TestHostileFilesAreRejectedShortlyAndTheRestIsPublished(t *testing.T) {
	if testing.Short() {
		t.Skip("writes about 1.5 GB of compressed test files")
	}
	dir := t.TempDir()
	inbox := filepath.Join(dir, "data", "inbox")
	copyTree(t, pipelinetest.CopyFixture(t, func(name string, b []byte) []byte {
		// Agency text that is a formula, through to every CSV written.
		return bytes.ReplaceAll(b, []byte("Angka kejadian"), []byte("@SUM(1+1)"))
	}), inbox)
	want := hostileInbox(t, inbox)
	if err := os.Mkdir(filepath.Join(inbox, "catatan"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{".unggahan.csv.part"} {
		if err := os.WriteFile(filepath.Join(inbox, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(inbox, "tautan.csv")); err != nil {
		t.Fatal(err)
	}
	cmd := kinerja(dir, "", "run")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitRejected {
		t.Fatalf("run: %v, want exit 3\n%s", err, out.String())
	}
	if rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss; rss > 1<<20 {
		t.Errorf("peak resident memory %d MiB, want under 1 GiB", rss>>10)
	}
	for name, says := range want {
		report := filepath.Join(inbox, "_ditolak", name+".galat.txt")
		b, err := os.ReadFile(report)
		if err != nil {
			t.Errorf("%s was not rejected with a report: %v", name, err)
			continue
		}
		if len(b) > 256<<10 {
			t.Errorf("%s: report of %d KB", name, len(b)>>10)
		}
		if lines := strings.Count(string(b), "\n"); lines > 1001 {
			t.Errorf("%s: report of %d lines", name, lines)
		}
		if !containsAny(string(b), strings.Split(says, "|")) {
			t.Errorf("%s: the report does not say %q:\n%.600s", name, says, b)
		}
	}
	if b, err := os.ReadFile(filepath.Join(inbox, "_ditolak", "penilaian_nip_salah.csv.galat.txt")); err == nil &&
		(strings.Count(string(b), "\n") != 1001 || !strings.Contains(string(b), "dan 19.000 masalah lain")) {
		t.Errorf("the report of 20,000 bad rows does not list 1,000 and count the rest:\n...%s", b[max(0, len(b)-300):])
	}
	for _, n := range []string{"catatan", ".unggahan.csv.part", "tautan.csv"} {
		if !strings.Contains(out.String(), n+": ") {
			t.Errorf("%s is not listed as not read, with why:\n%s", n, out.String())
		}
		if _, err := os.Lstat(filepath.Join(inbox, n)); err != nil {
			t.Errorf("%s was moved: %v", n, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "kena")); err == nil {
		t.Error("a file name ran as a shell command")
	}
	accepted, _ := filepath.Glob(filepath.Join(inbox, "_diterima", "*_2026.*"))
	if len(accepted) < 4 {
		t.Errorf("the good files beside the hostile ones: %v", accepted)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Fatalf("no site published: %v\n%s", err, out.String())
	}
	// No cell of any CSV a person opens in a spreadsheet is a formula: the
	// site's, the analysts' export and `kinerja sql --format csv`.
	runOK(t, dir, "export", "--format", "csv", "--out", "ekspor")
	sqlOut, err := kinerja(dir, "", "sql", "--format", "csv", "SELECT * FROM iku").Output()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ekspor", "sql.csv"), sqlOut, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{filepath.Join(dir, "public"), filepath.Join(dir, "ekspor")} {
		n := noFormulaCells(t, root)
		if n < 3 {
			t.Errorf("%s: only %d CSV files", root, n)
		}
	}
	runOK(t, dir, "export", "--format", "parquet", "--out", "ekspor-parquet")
	noKey(t, dir, "public", "ekspor", "ekspor-parquet", filepath.Join("data", "laporan"))
	if !bytes.Contains(sqlOut, []byte("'@SUM(1+1)")) {
		t.Errorf("kinerja sql --format csv does not hold the neutralised indicator:\n%s", sqlOut)
	}
}

// noFormulaCells fails the test for any cell of a CSV under root that a
// spreadsheet would read as a formula; it returns the number of CSVs read.
func noFormulaCells(t *testing.T, root string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") || strings.HasPrefix(d.Name(), "templat_") {
			return err
		}
		n++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for i, rec := range recs {
			for _, cell := range rec {
				if _, num := strconv.ParseFloat(cell, 64); formula.Dangerous(cell) && num != nil {
					t.Errorf("%s row %d: %q is a formula", p, i+1, cell)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// noKey fails the test when the NIP key of the folder dir, as its bytes, as
// hex or as base64, is in any file under the given folders of dir: with it
// anyone could undo the NIP pseudonymisation.
func noKey(t *testing.T, dir string, folders ...string) {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(dir, "data", "kunci-nip.key"))
	if err != nil {
		t.Fatal(err)
	}
	hexKey := strings.TrimSpace(string(text))
	raw, err := hex.DecodeString(hexKey)
	if err != nil {
		t.Fatal(err)
	}
	needles := [][]byte{[]byte(hexKey), []byte(strings.ToUpper(hexKey)), raw,
		[]byte(base64.StdEncoding.EncodeToString(raw)), []byte(base64.RawURLEncoding.EncodeToString(raw))}
	files := 0
	for _, f := range folders {
		err := filepath.WalkDir(filepath.Join(dir, f), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			files++
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, n := range needles {
				if bytes.Contains(b, n) {
					t.Errorf("%s holds the NIP key", p)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 20 {
		t.Fatalf("only %d files looked at", files)
	}
}
