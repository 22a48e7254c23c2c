package schedule

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/reports"
)

// smtpServer is a real SMTP server on the loopback (github.com/emersion/go-smtp)
// that offers STARTTLS with its own certificate and AUTH PLAIN only over
// TLS, and keeps what it receives.
type smtpServer struct {
	addr   string
	client *tls.Config // trusts the server's certificate
	refuse bool        // answer RCPT with 550

	mu       sync.Mutex
	sessions int // SMTP sessions, one more after each STARTTLS
	rcpts    int // RCPT commands: one per attempt when refusing
	got      []received
}

type received struct {
	user, from string
	to         []string
	data       []byte
	tls        bool
}

func startSMTP(t *testing.T, refuse bool) *smtpServer {
	t.Helper()
	cert, pool := selfSigned(t)
	s := &smtpServer{refuse: refuse, client: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		s.mu.Lock()
		s.sessions++
		s.mu.Unlock()
		return &session{s: s, c: c}, nil
	}))
	srv.Domain = "localhost"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	srv.AllowInsecureAuth = false
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	go func() { _ = srv.Serve(l) }() // ends with Close
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

type session struct {
	s   *smtpServer
	c   *smtp.Conn
	cur received
}

func (x *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (x *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != "kinerja" || pass != "rahasia-uji" {
			return errors.New("invalid credentials")
		}
		x.cur.user = user
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if x.cur.user == "" {
		return smtp.ErrAuthRequired
	}
	_, x.cur.tls = x.c.TLSConnectionState()
	x.cur.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.s.mu.Lock()
	x.s.rcpts++
	x.s.mu.Unlock()
	if x.s.refuse {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "mailbox unavailable"}
	}
	x.cur.to = append(x.cur.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.cur.data = b
	x.s.mu.Lock()
	x.s.got = append(x.s.got, x.cur)
	x.s.mu.Unlock()
	return nil
}

func (x *session) Reset()        { x.cur = received{user: x.cur.user} }
func (x *session) Logout() error { return nil }

// selfSigned is a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kinerja-uji"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// mailingRunner is a loaded runner whose report job mails through s, and
// prints its PDF with Chromium when there is one, else with a stand-in
// that writes a small PDF the way Chromium is called.
func mailingRunner(t *testing.T, s *smtpServer) *Runner {
	t.Helper()
	r, _ := loadedRunner(t, time.Date(2026, 3, 6, 6, 0, 0, 0, wib))
	host, port, _ := net.SplitHostPort(s.addr)
	r.Cfg.Surel.Host = host
	var err error
	if r.Cfg.Surel.Port, err = strconv.Atoi(port); err != nil {
		t.Fatal(err)
	}
	r.Cfg.Surel.User, r.Cfg.Surel.PasswordEnv = "kinerja", "KINERJA_UJI_SANDI_SMTP"
	r.Cfg.Surel.From = "Kinerja ASN <kinerja@lampungprov.go.id>"
	r.Cfg.Surel.To = []string{"gubernur@lampungprov.go.id", "Sekda <sekda@lampungprov.go.id>"}
	t.Setenv("KINERJA_UJI_SANDI_SMTP", "rahasia-uji")
	r.MailTLS, r.MailTimeout = s.client, 20*time.Second
	r.Cfg.Laporan.PDF = true
	if _, err := reports.FindChromium(""); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI installs Chromium: ", err)
		}
		fake := filepath.Join(t.TempDir(), "chromium")
		script := "#!/bin/sh\nfor a; do case $a in --print-to-pdf=*) printf '%%PDF-1.4 pengganti\\n/Type /Page\\n' > \"${a#--print-to-pdf=}\";; esac; done\n"
		if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		r.Cfg.Laporan.Chromium = fake
	}
	return r
}

// TestTheReportIsMailedWithItsPDFAndRingkasan: over STARTTLS and AUTH
// PLAIN, one message to both addresses whose body is the Ringkasan and
// whose attachments are the PDF and HTML files as written; the send is a
// task of its own in the run history.
func TestTheReportIsMailedWithItsPDFAndRingkasan(t *testing.T) {
	s := startSMTP(t, false)
	r := mailingRunner(t, s)
	if err := r.Report(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(s.got) != 1 {
		t.Fatalf("%d messages received, want 1", len(s.got))
	}
	m := s.got[0]
	if !m.tls || m.user != "kinerja" || m.from != "kinerja@lampungprov.go.id" ||
		strings.Join(m.to, " ") != "gubernur@lampungprov.go.id sekda@lampungprov.go.id" {
		t.Errorf("envelope: tls %v, user %q, from %q, to %v", m.tls, m.user, m.from, m.to)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(m.data))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != "Laporan kinerja ASN Pemerintah Provinsi Lampung — Februari 2026" {
		t.Errorf("subject %q", subject)
	}
	if to := msg.Header.Get("To"); !strings.Contains(to, "<gubernur@lampungprov.go.id>") || !strings.Contains(to, `"Sekda" <sekda@`) {
		t.Errorf("To: %s", to)
	}
	parts := readParts(t, msg.Header.Get("Content-Type"), msg.Body)
	dir := r.Cfg.Reports
	htmlFile, _ := os.ReadFile(filepath.Join(dir, "laporan-2026-02.html"))
	pdfFile, _ := os.ReadFile(filepath.Join(dir, "laporan-2026-02.pdf"))
	if !bytes.HasPrefix(pdfFile, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %.20q", pdfFile)
	}
	if !strings.Contains(parts["text/plain"], "Ringkasan") || !strings.Contains(parts["text/plain"], "Cakupan penilaian provinsi tetap 75,0%;") ||
		!strings.Contains(parts["text/html"], "<p>Semua OPD sudah mengirim penilaian Februari 2026.</p>") {
		t.Errorf("body:\n%s\n%s", parts["text/plain"], parts["text/html"])
	}
	if parts["laporan-2026-02.pdf"] != string(pdfFile) || parts["laporan-2026-02.html"] != string(htmlFile) {
		t.Errorf("attachments %d and %d bytes, files %d and %d", len(parts["laporan-2026-02.pdf"]), len(parts["laporan-2026-02.html"]),
			len(pdfFile), len(htmlFile))
	}
	runs := history(t, r)
	if runs[0].Task != pipeline.TaskMail || runs[0].Outcome != pipeline.OutcomeOK || runs[0].Note != "laporan 2026-02 ke 2 penerima" ||
		runs[1].Task != pipeline.TaskReport || runs[1].Outcome != pipeline.OutcomeOK {
		t.Errorf("history: %+v", runs[:2])
	}
}

// TestARefusedMailIsRetriedAndRecordedWhileTheReportStands: a server that
// refuses the recipients gets three tries with the pauses between them;
// the send is recorded as failed, the report job itself succeeds.
func TestARefusedMailIsRetriedAndRecordedWhileTheReportStands(t *testing.T) {
	s := startSMTP(t, true)
	r := mailingRunner(t, s)
	var pauses []time.Duration
	r.MailRetries = []time.Duration{time.Minute, 5 * time.Minute}
	r.Sleep = func(_ context.Context, d time.Duration) error {
		pauses = append(pauses, d)
		return nil
	}
	if err := r.Report(context.Background()); err != nil {
		t.Fatalf("the report job must succeed when only the mail fails: %v", err)
	}
	if s.rcpts != 3 || len(s.got) != 0 || len(pauses) != 2 || pauses[0] != time.Minute || pauses[1] != 5*time.Minute {
		t.Errorf("%d refused RCPTs, %d messages, pauses %v; want 3 tries, nothing delivered, 1m and 5m between", s.rcpts, len(s.got), pauses)
	}
	if _, err := os.Stat(filepath.Join(r.Cfg.Reports, "laporan-2026-02.html")); err != nil {
		t.Error(err)
	}
	runs := history(t, r)
	if runs[0].Task != pipeline.TaskMail || runs[0].Outcome != pipeline.OutcomeFailed ||
		!strings.Contains(runs[0].Error, "after 3 tries") || !strings.Contains(runs[0].Error, "550") {
		t.Errorf("mail run %+v", runs[0])
	}
	if runs[1].Task != pipeline.TaskReport || runs[1].Outcome != pipeline.OutcomeOK {
		t.Errorf("report run %+v", runs[1])
	}
}

// TestAMissingPasswordIsAFailedSendNotAHang: the variable named by
// password_env is empty: no connection is tried for nothing.
func TestAMissingPasswordIsAFailedSendNotAHang(t *testing.T) {
	s := startSMTP(t, false)
	r := mailingRunner(t, s)
	t.Setenv("KINERJA_UJI_SANDI_SMTP", "")
	r.MailRetries = []time.Duration{}
	if err := r.Report(context.Background()); err != nil {
		t.Fatal(err)
	}
	runs := history(t, r)
	if runs[0].Task != pipeline.TaskMail || runs[0].Outcome != pipeline.OutcomeFailed || !strings.Contains(runs[0].Error, "KINERJA_UJI_SANDI_SMTP") {
		t.Errorf("mail run %+v", runs[0])
	}
	if s.sessions != 0 {
		t.Errorf("%d sessions opened without a password", s.sessions)
	}
}

// readParts flattens a MIME message: bodies by type, attachments by file
// name, decoded.
func readParts(t *testing.T, contentType string, body io.Reader) map[string]string {
	t.Helper()
	out := map[string]string{}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		typ, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if strings.HasPrefix(typ, "multipart/") {
			for k, v := range readParts(t, p.Header.Get("Content-Type"), p) {
				out[k] = v
			}
			continue
		}
		var r io.Reader = p // multipart decodes quoted-printable itself
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			r = base64.NewDecoder(base64.StdEncoding, p)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if name := p.FileName(); name != "" {
			out[name] = string(b)
		} else {
			out[typ] = string(b)
		}
	}
}
