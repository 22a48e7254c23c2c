package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"
)

// The public revision log (docs/kpi.md "Revision log"). A correction changes
// numbers that were already published, and the public must be able to see
// that: each publication whose data files differ from the one before is an
// entry of a hash-chained log, published as data/riwayat/NNNN.txt (the text
// whose SHA-256 is the entry's hash: the hash of the entry before and a
// sha256sum line per data file, so that anyone can check a copy with
// sha256sum alone) and as data/riwayat.json; riwayat/ lists every published
// value that a later publication changed. `kinerja verify` checks a copy.

// LogFile and LogDir are the revision log's files in the site.
const (
	LogFile = "data/riwayat.json"
	LogDir  = "data/riwayat/"
)

// LogEntry is one publication of the log, as data/riwayat.json holds it.
type LogEntry struct {
	Nomor      int               `json:"nomor"`
	Waktu      time.Time         `json:"waktu"`
	Sebelumnya string            `json:"sebelumnya"` // hash of the entry before; "" for the first
	Hash       string            `json:"hash"`       // sha256 of the text file
	Teks       string            `json:"teks"`       // the text file, relative to data/
	Berkas     map[string]string `json:"berkas"`     // data file (relative to data/) -> sha256
	// Perubahan are the published values this publication changed.
	Perubahan []Change `json:"perubahan"`
	// Text is the entry's text file (data/riwayat/NNNN.txt).
	Text string `json:"-"`
}

// Change is one published value that a publication changed, as
// data/riwayat.json holds it (nil: empty or suppressed).
type Change struct {
	Periode string   `json:"periode"`
	OPDKode string   `json:"opd_kode"` // "" for the province
	OPDNama string   `json:"opd_nama"`
	Kolom   string   `json:"kolom"`
	Lama    *float64 `json:"lama"`
	Baru    *float64 `json:"baru"`
	Alasan  string   `json:"alasan"`
}

// LogText is the text of an entry whose SHA-256 is its hash: comment lines,
// then one sha256sum line per data file, in name order.
func LogText(nomor int, at time.Time, prev string, files map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# kinerja: terbitan data %d\n# waktu %s\n# sebelumnya %s\n", nomor, at.UTC().Format(time.RFC3339), orDash(prev))
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", files[n], n)
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// ParseLogText reads an entry's text back: what `kinerja verify` checks.
func ParseLogText(text string) (nomor int, at time.Time, prev string, files map[string]string, err error) {
	files = map[string]string{}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		switch i {
		case 0:
			if _, err := fmt.Sscanf(line, "# kinerja: terbitan data %d", &nomor); err != nil {
				return 0, at, "", nil, fmt.Errorf("line 1 %q is not the header of a publication", line)
			}
		case 1:
			if at, err = time.Parse("# waktu "+time.RFC3339, line); err != nil {
				return 0, at, "", nil, fmt.Errorf("line 2 %q: %w", line, err)
			}
		case 2:
			prev = strings.TrimPrefix(line, "# sebelumnya ")
			if prev == "-" {
				prev = ""
			}
		default:
			sum, name, ok := strings.Cut(line, "  ")
			if !ok || len(sum) != 64 || name == "" {
				return 0, at, "", nil, fmt.Errorf("line %d %q is not a sha256sum line", i+1, line)
			}
			files[name] = sum
		}
	}
	return nomor, at, prev, files, nil
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// DataHashes are the files of a publication: everything under data/ but
// its page and the log itself.
func DataHashes(files map[string][]byte) map[string]string {
	out := map[string]string{}
	for p, b := range files {
		name, ok := strings.CutPrefix(p, "data/")
		if !ok || name == "index.html" || p == LogFile || strings.HasPrefix(p, LogDir) {
			continue
		}
		out[name] = sha256Hex(b)
	}
	return out
}

// Revision is one published value that a later publication changed
// (queries/riwayat/daftar.sql).
type Revision struct {
	Nomor               int
	Waktu               time.Time
	Periode, Kode, Nama string
	Kolom               string
	Lama, Baru          *float64
	Alasan              string
}

// writeLog puts the log's files into the site, each entry with the changes
// it made.
func writeLog(entries []LogEntry, revs []Revision, files map[string][]byte) error {
	byEntry := map[int][]Change{}
	for _, r := range revs {
		byEntry[r.Nomor] = append(byEntry[r.Nomor], Change{r.Periode, r.Kode, r.Nama, r.Kolom, r.Lama, r.Baru, r.Alasan})
	}
	out := make([]LogEntry, 0, len(entries))
	for _, e := range entries {
		files[LogDir+fmt.Sprintf("%04d.txt", e.Nomor)] = []byte(e.Text)
		e.Perubahan = byEntry[e.Nomor]
		if e.Perubahan == nil {
			e.Perubahan = []Change{}
		}
		out = append(out, e)
	}
	entries = out
	b, err := marshalIndent(entries)
	if err != nil {
		return err
	}
	files[LogFile] = b
	return nil
}

// revisionView is the riwayat/ page.
type revisionView struct {
	Entries  int
	Latest   string // time of the latest publication, as the page's language writes it
	Sections []revisionSection
}

type revisionSection struct {
	ID, Name string
	Rows     [][]string
}

func riwayatBody(entries []LogEntry, revs []Revision, l lang) revisionView {
	v := revisionView{Entries: len(entries)}
	if n := len(entries); n > 0 {
		v.Latest = entries[n-1].Waktu.In(wib).Format("2006-01-02 15:04") + " WIB"
	}
	byOPD := map[string]*revisionSection{}
	var order []string
	for _, r := range revs {
		id := "opd-" + r.Kode
		name := r.Nama
		if r.Kode == "" {
			id, name = "provinsi", l.T("province")
		}
		sec, ok := byOPD[id]
		if !ok {
			sec = &revisionSection{ID: id, Name: name}
			byOPD[id] = sec
			order = append(order, id)
		}
		desc := fieldDocs[r.Kolom].ID
		if l.Code == "en" {
			desc = fieldDocs[r.Kolom].EN
		}
		sec.Rows = append(sec.Rows, []string{l.Month(r.Periode), r.Kolom, desc, revValue(l, r.Lama), revValue(l, r.Baru),
			r.Waktu.In(wib).Format("2006-01-02 15:04"), fmt.Sprintf("%d", r.Nomor), r.Alasan})
	}
	sort.SliceStable(order, func(i, j int) bool {
		if (order[i] == "provinsi") != (order[j] == "provinsi") {
			return order[i] == "provinsi"
		}
		return byOPD[order[i]].Name < byOPD[order[j]].Name
	})
	for _, id := range order {
		v.Sections = append(v.Sections, *byOPD[id])
	}
	return v
}

// wib is the zone the site writes times in.
var wib = time.FixedZone("WIB", 7*3600)

func revValue(l lang, v *float64) string {
	if v == nil {
		return "—"
	}
	return l.Number(*v, 2)
}
