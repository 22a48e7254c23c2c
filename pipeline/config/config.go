// Package config is kinerja's one configuration struct: defaults from docs/cli.md
// and docs/kpi.md, overridden by kinerja.toml and then by command-line flags.
// It is passed down explicitly; nothing reads a global.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config holds every setting.
type Config struct {
	DB       string `toml:"db"`
	Inbox    string `toml:"inbox"`
	Out      string `toml:"out"`
	Reports  string `toml:"reports"`   // folder of the leadership reports
	TimeZone string `toml:"time_zone"` // schedules and "now"; data is WIB wall-clock
	// KeyFile holds the secret of the keyed NIP hash. It is created on first
	// run and never stored in the database.
	KeyFile string `toml:"key_file"`

	KPI      KPI      `toml:"kpi"`
	Ingest   Ingest   `toml:"ingest"`
	SQL      SQL      `toml:"sql"`
	Kurva    []Aturan `toml:"kurva"`
	Schedule Schedule `toml:"schedule"`
	Site     Site     `toml:"site"`
	DuckDB   DuckDB   `toml:"duckdb"`
	Laporan  Laporan  `toml:"laporan"`
	Surel    Surel    `toml:"surel"`
}

// KPI holds the thresholds of docs/kpi.md.
type KPI struct {
	DeadlineDay      int     `toml:"batas_hari_penilaian"` // evaluations due by this day of the next month, 23:59:59 WIB
	SuppressBelow    int     `toml:"ambang_sensor"`        // predikat counts 1..SuppressBelow-1 are suppressed
	TrainingTargetJP float64 `toml:"target_jp_tahunan"`
	CapaianCap       float64 `toml:"batas_atas_capaian"`
	CoverageAlert    float64 `toml:"peringatan_cakupan"`       // attention below this coverage %
	CapaianAlert     float64 `toml:"peringatan_capaian_iku"`   // attention below this IKU achievement %
	FallingMonths    int     `toml:"peringatan_bulan_menurun"` // attention when coverage falls this many months in a row
	// MaxDataAgeDays is the freshness data test: compute fails when the
	// newest accepted evaluation file is older than this many days (0: off).
	MaxDataAgeDays   int    `toml:"batas_kesegaran_hari"`
	CustomQueriesDir string `toml:"folder_kpi_analis"` // analysts' own .sql KPIs
}

// Ingest bounds the reading of the agencies' files.
type Ingest struct {
	// FileTimeout stops the reading of one file; a file that fails or
	// times out twice is rejected with a report, so that it cannot block
	// every later round.
	FileTimeout time.Duration `toml:"batas_waktu_berkas"`
}

// SQL bounds the SQL that analysts write: `kinerja sql` and the KPIs of
// folder_kpi_analis, which run sandboxed (pipeline/store/sandbox.go).
type SQL struct {
	// Timeout stops one query (the default of `kinerja sql --timeout`, and
	// each analyst KPI during compute).
	Timeout time.Duration `toml:"timeout"`
	// MemoryLimit is the most `kinerja sql` may use (a DuckDB size, e.g.
	// "1GB"), so that one query cannot take the server down.
	MemoryLimit string `toml:"memory_limit"`
}

// Aturan is one rule of the distribution curve (docs/kpi.md): for organisations
// rated PredikatOrganisasi, the employee predikat in Predikat must be the
// largest group (terbesar), at most or at least Nilai percent (maks_persen,
// min_persen), or at least Nilai people (min_jumlah).
type Aturan struct {
	PredikatOrganisasi string   `toml:"predikat_organisasi"`
	Jenis              string   `toml:"jenis"`
	Predikat           []string `toml:"predikat"`
	Nilai              float64  `toml:"nilai"`
}

// Schedule holds the cron expressions of the daemon (Asia/Jakarta).
type Schedule struct {
	Ingest      string `toml:"ingest"`
	Report      string `toml:"report"`
	Backup      string `toml:"backup"`
	Freshness   string `toml:"freshness"`
	BackupDir   string `toml:"backup_dir"`
	BackupsKept int    `toml:"backups_kept"`
}

// Site holds settings of the public site.
type Site struct {
	Title string `toml:"title"`
	// BaseURL is the site's public address (https://…/): hreflang,
	// canonical, feed and Open Graph links are absolute with it, relative
	// without.
	BaseURL string `toml:"base_url"`
}

// DuckDB bounds what the database engine may take of the server, so that a
// big load spills to temp_directory instead of growing until the server
// kills it (pipeline/store/limits.go).
type DuckDB struct {
	MemoryLimit   string `toml:"memory_limit"`   // a DuckDB size; default "640MB": an ingest then peaks under 1 GiB, and a 4 GiB server has room
	TempDirectory string `toml:"temp_directory"` // "" : <database>.tmp beside the file
	Threads       int    `toml:"threads"`        // 0: one per core
}

// Laporan holds the settings of the leadership report.
type Laporan struct {
	// PDF also prints every report to PDF (laporan-YYYY-MM.pdf) with
	// headless Chromium. Off by default: a run then spawns no browser, and
	// the same data gives the same files (a PDF carries its print time).
	PDF bool `toml:"pdf"`
	// Chromium is the browser to print with, a path or a command name; ""
	// looks for chromium, chromium-browser or google-chrome on PATH.
	Chromium string `toml:"chromium"`
}

// Surel is the SMTP delivery of the month's report by `kinerja schedule`:
// sent when Host and To are set.
type Surel struct {
	Host string `toml:"host"`
	Port int    `toml:"port"`
	User string `toml:"user"`
	// PasswordEnv names the environment variable that holds the password,
	// so that the password is in neither the file nor the database.
	PasswordEnv string   `toml:"password_env"`
	From        string   `toml:"from"`
	To          []string `toml:"to"`
	// StartTLS upgrades the connection before authenticating; off only for
	// a relay on this machine.
	StartTLS bool `toml:"starttls"`
}

// Enabled reports whether the report is to be mailed.
func (s Surel) Enabled() bool { return s.Host != "" && len(s.To) > 0 }

// Default returns the configuration of docs/cli.md and docs/kpi.md.
func Default() Config {
	return Config{
		DB:       "data/kinerja.duckdb",
		Inbox:    "data/inbox",
		Out:      "public",
		Reports:  "data/laporan",
		TimeZone: "Asia/Jakarta",
		KeyFile:  "data/kunci-nip.key",
		KPI: KPI{
			DeadlineDay:      5,
			SuppressBelow:    5,
			TrainingTargetJP: 20,
			CapaianCap:       120,
			CoverageAlert:    90,
			CapaianAlert:     80,
			FallingMonths:    3,
			MaxDataAgeDays:   45,
			CustomQueriesDir: "kpi-analis",
		},
		Ingest: Ingest{FileTimeout: 30 * time.Minute},
		SQL:    SQL{Timeout: 60 * time.Second, MemoryLimit: "1GB"},
		Kurva:  DefaultKurva(),
		Schedule: Schedule{
			Ingest:      "*/15 * * * *",
			Report:      "0 6 6 * *",
			Backup:      "30 1 * * *",
			Freshness:   "0 8 * * *",
			BackupDir:   "data/cadangan",
			BackupsKept: 7,
		},
		Site:   Site{Title: "Kinerja ASN Pemerintah Provinsi Lampung"},
		DuckDB: DuckDB{MemoryLimit: "640MB"},
		Surel:  Surel{Port: 587, StartTLS: true},
	}
}

// DefaultKurva is the distribution curve of PermenPAN-RB 6/2022 as docs/kpi.md
// states it.
func DefaultKurva() []Aturan {
	sb, b, bp, k, sk := "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"
	return []Aturan{
		{"istimewa", "terbesar", []string{sb}, 0},
		{"istimewa", "maks_persen", []string{sb}, 70},
		{"baik", "terbesar", []string{b}, 0},
		{"baik", "maks_persen", []string{b}, 70},
		{"baik", "min_jumlah", []string{bp, k}, 1},
		{"butuh_perbaikan", "min_persen", []string{bp}, 60},
		{"butuh_perbaikan", "maks_persen", []string{sb}, 10},
		{"kurang", "min_persen", []string{k}, 60},
		{"kurang", "min_persen", []string{bp}, 10},
		{"kurang", "maks_persen", []string{sb}, 10},
		{"sangat_kurang", "min_persen", []string{sk}, 60},
		{"sangat_kurang", "min_persen", []string{k, bp}, 10},
		{"sangat_kurang", "maks_persen", []string{sb}, 0},
	}
}

// Load reads a TOML file over the defaults. A missing file is an error only
// when required (the user named it).
func Load(path string, required bool) (Config, error) {
	c := Default()
	if path == "" {
		return c, nil
	}
	meta, err := toml.DecodeFile(path, &c)
	if errors.Is(err, os.ErrNotExist) && !required {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("reading config %s: %w", path, err)
	}
	if und := meta.Undecoded(); len(und) > 0 {
		var keys []string
		for _, k := range und {
			keys = append(keys, k.String())
		}
		return c, fmt.Errorf("reading config %s: unknown settings %s", path, strings.Join(keys, ", "))
	}
	return c, c.Validate()
}

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	var errs []error
	if _, err := time.LoadLocation(c.TimeZone); err != nil {
		errs = append(errs, fmt.Errorf("time_zone %q: %w", c.TimeZone, err))
	}
	if c.KPI.DeadlineDay < 1 || c.KPI.DeadlineDay > 28 {
		errs = append(errs, fmt.Errorf("kpi.batas_hari_penilaian %d: must be a day 1-28", c.KPI.DeadlineDay))
	}
	if u := c.Site.BaseURL; u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		errs = append(errs, fmt.Errorf("site.base_url %q: must be an absolute http(s) address, e.g. \"https://kinerja.lampungprov.go.id/\"", u))
	}
	if c.DuckDB.Threads < 0 {
		errs = append(errs, fmt.Errorf("duckdb.threads %d: must be 0 (one per core) or more", c.DuckDB.Threads))
	}
	if c.KPI.MaxDataAgeDays < 0 {
		errs = append(errs, fmt.Errorf("kpi.batas_kesegaran_hari %d: must be 0 (no freshness test) or more", c.KPI.MaxDataAgeDays))
	}
	if c.Ingest.FileTimeout < 0 {
		errs = append(errs, fmt.Errorf("ingest.batas_waktu_berkas %s: must be 0 (none) or positive, e.g. \"30m\"", c.Ingest.FileTimeout))
	}
	if c.SQL.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("sql.timeout %s: must be positive, e.g. \"60s\"", c.SQL.Timeout))
	}
	if c.SQL.MemoryLimit != "" && !memorySize.MatchString(c.SQL.MemoryLimit) {
		errs = append(errs, fmt.Errorf("sql.memory_limit %q: a size such as \"1GB\" or \"512MB\"", c.SQL.MemoryLimit))
	}
	if c.KPI.SuppressBelow < 1 {
		errs = append(errs, fmt.Errorf("kpi.ambang_sensor %d: must be at least 1 (1 suppresses nothing)", c.KPI.SuppressBelow))
	}
	errs = append(errs, c.Surel.validate()...)
	if inside(c.Reports, c.Out) {
		errs = append(errs, fmt.Errorf("reports %q lies inside out %q: the leadership report is internal and must not be published with the site", c.Reports, c.Out))
	}
	valid := map[string]bool{"sangat_baik": true, "baik": true, "butuh_perbaikan": true, "kurang": true, "sangat_kurang": true}
	org := map[string]bool{"istimewa": true, "baik": true, "butuh_perbaikan": true, "kurang": true, "sangat_kurang": true}
	for i, a := range c.Kurva {
		if !org[a.PredikatOrganisasi] {
			errs = append(errs, fmt.Errorf("kurva[%d].predikat_organisasi %q: use istimewa, baik, butuh_perbaikan, kurang or sangat_kurang", i, a.PredikatOrganisasi))
		}
		switch a.Jenis {
		case "terbesar", "maks_persen", "min_persen", "min_jumlah":
		default:
			errs = append(errs, fmt.Errorf("kurva[%d].jenis %q: use terbesar, maks_persen, min_persen or min_jumlah", i, a.Jenis))
		}
		if len(a.Predikat) == 0 {
			errs = append(errs, fmt.Errorf("kurva[%d].predikat: name at least one predikat", i))
		}
		for _, p := range a.Predikat {
			if !valid[p] {
				errs = append(errs, fmt.Errorf("kurva[%d].predikat %q: use sangat_baik, baik, butuh_perbaikan, kurang or sangat_kurang", i, p))
			}
		}
	}
	return errors.Join(errs...)
}

// validate reports a [surel] section that cannot send: checked at start,
// not a month later when the report is due.
func (s Surel) validate() []error {
	if s.Host == "" && len(s.To) == 0 {
		return nil
	}
	var errs []error
	if s.Host == "" {
		errs = append(errs, errors.New("surel.host: name the SMTP server that sends to surel.to"))
	}
	if len(s.To) == 0 {
		errs = append(errs, errors.New("surel.to: list at least one address, e.g. [\"pimpinan@lampungprov.go.id\"]"))
	}
	if s.Port < 1 || s.Port > 65535 {
		errs = append(errs, fmt.Errorf("surel.port %d: a TCP port, usually 587", s.Port))
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		errs = append(errs, fmt.Errorf("surel.from %q: %v", s.From, err))
	}
	for _, a := range s.To {
		if _, err := mail.ParseAddress(a); err != nil {
			errs = append(errs, fmt.Errorf("surel.to %q: %v", a, err))
		}
	}
	if s.User != "" && s.PasswordEnv == "" {
		errs = append(errs, errors.New("surel.password_env: name the environment variable that holds the password of surel.user"))
	}
	if s.User != "" && !s.StartTLS && !localHost(s.Host) {
		errs = append(errs, errors.New("surel.starttls = false with surel.user: the password would cross the network in clear; only a relay on this machine (localhost) may do without STARTTLS"))
	}
	return errs
}

// inside reports whether path is dir or a folder under it.
func inside(path, dir string) bool {
	if path == "" || dir == "" {
		return false
	}
	p, errP := filepath.Abs(path)
	d, errD := filepath.Abs(dir)
	if errP != nil || errD != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func localHost(h string) bool {
	return h == "localhost" || h == "127.0.0.1" || h == "::1"
}

var memorySize = regexp.MustCompile(`^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$`)

// Location is the configured time zone.
func (c Config) Location() *time.Location {
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return time.FixedZone("WIB", 7*3600)
	}
	return loc
}

// NIPKey returns the secret of the keyed NIP hash, creating it (32 random
// bytes, hex, mode 0600) on first use.
func (c Config) NIPKey() ([]byte, error) {
	b, err := os.ReadFile(c.KeyFile)
	if err == nil {
		key, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(key) < 16 {
			return nil, fmt.Errorf("reading NIP key %s: not a hex key of at least 16 bytes", c.KeyFile)
		}
		return key, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("reading NIP key %s: %w", c.KeyFile, err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(c.KeyFile), 0o700); err != nil {
		return nil, fmt.Errorf("creating NIP key %s: %w", c.KeyFile, err)
	}
	f, err := os.OpenFile(c.KeyFile, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("creating NIP key %s: %w", c.KeyFile, err)
	}
	if _, err := f.WriteString(hex.EncodeToString(key) + "\n"); err != nil {
		_ = f.Close() // the write error is the one to report
		return nil, err
	}
	return key, f.Close()
}
