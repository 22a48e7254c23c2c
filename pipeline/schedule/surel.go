package schedule

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/site/format"
)

// The month's report goes to the leadership by mail ([surel] of
// kinerja.toml) with the standard library's SMTP client: STARTTLS, then
// PLAIN authentication, then one message whose body is the Ringkasan and
// whose attachments are the report's PDF and HTML.

// Mail is one message.
type Mail struct {
	From        string // as in [surel] from: "Kinerja <kinerja@lampungprov.go.id>"
	To          []string
	Subject     string
	Text, HTML  string // the body, plain and as HTML (alternatives)
	Attachments []Attachment
	Date        time.Time
}

// Attachment is one attached file.
type Attachment struct {
	Name, Type string // file name and MIME type
	Data       []byte
}

// Bytes is the message as sent (RFC 5322, MIME): multipart/mixed of a
// multipart/alternative body and the attachments, lines ending in CRLF.
func (m Mail) Bytes() ([]byte, error) {
	from, err := mail.ParseAddress(m.From)
	if err != nil {
		return nil, fmt.Errorf("surel.from %q: %w", m.From, err)
	}
	var to []string
	for _, a := range m.To {
		addr, err := mail.ParseAddress(a)
		if err != nil {
			return nil, fmt.Errorf("surel.to %q: %w", a, err)
		}
		to = append(to, addr.String())
	}
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	host := from.Address[strings.LastIndex(from.Address, "@")+1:]
	for _, h := range [][2]string{
		{"From", from.String()},
		{"To", strings.Join(to, ", ")},
		{"Subject", mime.QEncoding.Encode("utf-8", m.Subject)},
		{"Date", m.Date.Format(time.RFC1123Z)},
		{"Message-ID", "<" + randomID() + "@" + host + ">"},
		{"MIME-Version", "1.0"},
		{"Content-Type", `multipart/mixed; boundary="` + w.Boundary() + `"`},
	} {
		fmt.Fprintf(&b, "%s: %s\r\n", h[0], h[1])
	}
	b.WriteString("\r\n")

	// The alternatives' boundary is announced in their part's header,
	// written before the writer that fills the part exists.
	inner := multipart.NewWriter(io.Discard).Boundary()
	part, err := w.CreatePart(textproto.MIMEHeader{"Content-Type": {`multipart/alternative; boundary="` + inner + `"`}})
	if err != nil {
		return nil, err
	}
	alt := multipart.NewWriter(part)
	if err := alt.SetBoundary(inner); err != nil {
		return nil, err
	}
	for _, body := range []struct{ typ, text string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		p, err := alt.CreatePart(textproto.MIMEHeader{"Content-Type": {body.typ + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"}})
		if err != nil {
			return nil, err
		}
		qp := quotedprintable.NewWriter(p)
		if _, err := qp.Write([]byte(body.text)); err != nil {
			return nil, err
		}
		if err := qp.Close(); err != nil {
			return nil, err
		}
	}
	if err := alt.Close(); err != nil {
		return nil, err
	}
	for _, a := range m.Attachments {
		p, err := w.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {mime.FormatMediaType(a.Type, map[string]string{"name": a.Name})},
			"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": a.Name})},
			"Content-Transfer-Encoding": {"base64"}})
		if err != nil {
			return nil, err
		}
		enc := base64.StdEncoding.EncodeToString(a.Data)
		for len(enc) > 76 {
			if _, err := io.WriteString(p, enc[:76]+"\r\n"); err != nil {
				return nil, err
			}
			enc = enc[76:]
		}
		if _, err := io.WriteString(p, enc+"\r\n"); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func randomID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	return hex.EncodeToString(b)
}

// Mailer sends mail through the SMTP server of [surel].
type Mailer struct {
	Cfg config.Surel
	// TLS is the client's STARTTLS configuration; nil verifies the
	// server's certificate for Cfg.Host against the system's roots. Tests
	// give their own roots.
	TLS *tls.Config
	// Timeout bounds one attempt, connection to QUIT (default 2 minutes):
	// a server that stops answering must not hold the job.
	Timeout time.Duration
	// Getenv reads the password's variable (default os.Getenv).
	Getenv func(string) string
}

// Send delivers m in one SMTP session.
func (s Mailer) Send(ctx context.Context, m Mail) error {
	cfg := s.Cfg
	msg, err := m.Bytes()
	if err != nil {
		return err
	}
	from, err := mail.ParseAddress(m.From)
	if err != nil {
		return err
	}
	var rcpt []string
	for _, a := range m.To {
		addr, err := mail.ParseAddress(a)
		if err != nil {
			return err
		}
		rcpt = append(rcpt, addr.Address)
	}
	var password string
	if cfg.User != "" {
		getenv := s.Getenv
		if getenv == nil {
			getenv = os.Getenv
		}
		if password = getenv(cfg.PasswordEnv); password == "" {
			return fmt.Errorf("surel: the environment variable %s (surel.password_env) holding the password of %s is empty", cfg.PasswordEnv, cfg.User)
		}
	}
	timeout := orDefault(s.Timeout, 2*time.Minute)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("surel: connecting to %s: %w", addr, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl) // a net.Conn from Dial always accepts a deadline
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() }) // cancelled: the session's next read fails
	defer stop()
	c, err := smtp.NewClient(conn, cfg.Host)
	if err != nil {
		_ = conn.Close() // the greeting failed; that error is the one to report
		return fmt.Errorf("surel: %s: %w", addr, err)
	}
	defer func() { _ = c.Close() }() // after Quit a no-op; else the session's error is reported
	step := func(what string, err error) error {
		if err != nil {
			return fmt.Errorf("surel: %s: %s: %w", addr, what, err)
		}
		return nil
	}
	name, _ := os.Hostname()
	if err := step("EHLO", c.Hello(orDefault(name, "localhost"))); err != nil {
		return err
	}
	if cfg.StartTLS {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return fmt.Errorf("surel: %s does not offer STARTTLS (surel.starttls = true)", addr)
		}
		tc := &tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12}
		if s.TLS != nil {
			tc = s.TLS.Clone()
		}
		if err := step("STARTTLS", c.StartTLS(tc)); err != nil {
			return err
		}
	}
	if cfg.User != "" {
		if err := step("AUTH PLAIN", c.Auth(smtp.PlainAuth("", cfg.User, password, cfg.Host))); err != nil {
			return err
		}
	}
	if err := step("MAIL FROM", c.Mail(from.Address)); err != nil {
		return err
	}
	for _, a := range rcpt {
		if err := step("RCPT TO "+a, c.Rcpt(a)); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err := step("DATA", err); err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return step("DATA", err)
	}
	if err := step("DATA", w.Close()); err != nil {
		return err
	}
	return step("QUIT", c.Quit())
}

// reportMail is the month's report as a message: the Ringkasan as body,
// the PDF (when there is one) and the HTML file attached.
func reportMail(cfg config.Surel, month string, summary []string, htmlPath, pdfPath string, now time.Time) (Mail, error) {
	m := Mail{From: cfg.From, To: cfg.To, Date: now,
		Subject: "Laporan kinerja ASN Pemerintah Provinsi Lampung — " + format.ID.Month(month)}
	var text, body strings.Builder
	text.WriteString(m.Subject + "\r\n\r\nRingkasan\r\n\r\n")
	body.WriteString("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"></head><body>")
	fmt.Fprintf(&body, "<h1 style=\"font-size:1.2em\">%s</h1><h2 style=\"font-size:1em\">Ringkasan</h2>", html.EscapeString(m.Subject))
	for _, s := range summary {
		text.WriteString(s + "\r\n\r\n")
		fmt.Fprintf(&body, "<p>%s</p>", html.EscapeString(s))
	}
	const foot = "Laporan lengkap terlampir. Laporan internal untuk pimpinan: jangan diteruskan atau diterbitkan."
	text.WriteString(foot + "\r\n")
	fmt.Fprintf(&body, "<p style=\"color:#555\">%s</p></body></html>", html.EscapeString(foot))
	m.Text, m.HTML = text.String(), body.String()
	for _, f := range []struct{ path, typ string }{{pdfPath, "application/pdf"}, {htmlPath, "text/html"}} {
		if f.path == "" {
			continue
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			return m, fmt.Errorf("attaching %s: %w", f.path, err)
		}
		m.Attachments = append(m.Attachments, Attachment{Name: filepath.Base(f.path), Type: f.typ, Data: b})
	}
	return m, nil
}
