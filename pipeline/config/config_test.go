package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/config"
)

func load(t *testing.T, text string) (config.Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kinerja.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return config.Load(path, true)
}

// TestReportAndMailDefaults: no PDF and no mail unless configured;
// STARTTLS on port 587 when mail is.
func TestReportAndMailDefaults(t *testing.T) {
	c := config.Default()
	if c.Laporan.PDF || c.Laporan.Chromium != "" || c.Surel.Enabled() || c.Surel.Port != 587 || !c.Surel.StartTLS {
		t.Errorf("defaults: %+v %+v", c.Laporan, c.Surel)
	}
	if err := c.Validate(); err != nil {
		t.Error(err)
	}
}

func TestReportAndMailSettingsAreRead(t *testing.T) {
	c, err := load(t, `
[laporan]
pdf = true
chromium = "/opt/chromium/chrome"

[surel]
host = "smtp.lampungprov.go.id"
user = "kinerja"
password_env = "KINERJA_SMTP_SANDI"
from = "Kinerja ASN <kinerja@lampungprov.go.id>"
to = ["gubernur@lampungprov.go.id", "sekda@lampungprov.go.id"]
`)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Laporan.PDF || c.Laporan.Chromium != "/opt/chromium/chrome" {
		t.Errorf("laporan %+v", c.Laporan)
	}
	s := c.Surel
	if !s.Enabled() || s.Host != "smtp.lampungprov.go.id" || s.Port != 587 || !s.StartTLS || s.PasswordEnv != "KINERJA_SMTP_SANDI" || len(s.To) != 2 {
		t.Errorf("surel %+v", s)
	}
}

// TestAMailSectionThatCannotSendStopsAtStart: checked when the daemon
// starts, not a month later when the report is due.
func TestAMailSectionThatCannotSendStopsAtStart(t *testing.T) {
	for _, c := range []struct{ toml, says string }{
		{"[surel]\nto = [\"a@b.go.id\"]\nfrom = \"k@b.go.id\"", "surel.host"},
		{"[surel]\nhost = \"smtp.b.go.id\"\nfrom = \"k@b.go.id\"", "surel.to"},
		{"[surel]\nhost = \"smtp.b.go.id\"\nto = [\"a@b.go.id\"]", "surel.from"},
		{"[surel]\nhost = \"smtp.b.go.id\"\nfrom = \"k@b.go.id\"\nto = [\"bukan alamat\"]", `surel.to "bukan alamat"`},
		{"[surel]\nhost = \"smtp.b.go.id\"\nfrom = \"k@b.go.id\"\nto = [\"a@b.go.id\"]\nport = 0", "surel.port"},
		{"[surel]\nhost = \"smtp.b.go.id\"\nfrom = \"k@b.go.id\"\nto = [\"a@b.go.id\"]\nuser = \"k\"", "surel.password_env"},
		{"[surel]\nhost = \"smtp.b.go.id\"\nfrom = \"k@b.go.id\"\nto = [\"a@b.go.id\"]\nuser = \"k\"\npassword_env = \"P\"\nstarttls = false", "in clear"},
		{"[laporan]\npdf = \"ya\"", "laporan.pdf"},
		{"[surel]\nsandi = \"rahasia\"", "unknown settings surel.sandi"},
		{"out = \"public\"\nreports = \"public/laporan\"", "internal"},
	} {
		_, err := load(t, c.toml)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%q: err = %v, want it to say %q", c.toml, err, c.says)
		}
	}
	// A relay on this machine may take a password without STARTTLS.
	if _, err := load(t, "[surel]\nhost = \"localhost\"\nport = 25\nfrom = \"k@b.go.id\"\nto = [\"a@b.go.id\"]\nuser = \"k\"\npassword_env = \"P\"\nstarttls = false"); err != nil {
		t.Error(err)
	}
}
