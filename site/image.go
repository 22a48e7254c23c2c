package site

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"strings"
)

// The site's raster images, drawn at build time with the standard library
// so that they need no tool and the same data gives the same bytes:
// favicon.ico (browsers ask for /favicon.ico whatever a page links) and the
// social card og.png of each language (link previews read PNG, rarely SVG).
// The vector favicon is the static site/assets/favicon.svg, which these
// follow.

var (
	accent = color.NRGBA{0x0b, 0x53, 0x94, 0xff}
	white  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	pale   = color.NRGBA{0xc9, 0xdc, 0xf0, 0xff}
)

// fill paints the rectangle r of img with c.
func fill(img *image.NRGBA, r image.Rectangle, c color.NRGBA) {
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

// bars draws the site's mark (three rising bars) in a square of side s at
// (x, y), on the scale of site/assets/favicon.svg (a 32-unit square).
func bars(img *image.NRGBA, x, y, s int) {
	u := func(v int) int { return v * s / 32 }
	for _, b := range [][4]int{{7, 16, 4, 9}, {14, 11, 4, 14}, {21, 6, 4, 19}} {
		fill(img, image.Rect(x+u(b[0]), y+u(b[1]), x+u(b[0]+b[2]), y+u(b[1]+b[3])), white)
	}
}

// icon is the favicon as an RGBA image of side s: the accent square with
// rounded corners and the bars.
func icon(s int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, s, s))
	r := s * 6 / 32
	for y := 0; y < s; y++ {
		for x := 0; x < s; x++ {
			// Outside a corner's quarter circle stays transparent.
			cx, cy := min(max(x, r), s-1-r), min(max(y, r), s-1-r)
			if dx, dy := x-cx, y-cy; dx*dx+dy*dy <= r*r {
				img.SetNRGBA(x, y, accent)
			}
		}
	}
	bars(img, 0, 0, s)
	return img
}

func encodePNG(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ico wraps one PNG of side s in an ICO file: one ICONDIR and one
// ICONDIRENTRY before the image. ICO files may hold PNG images since
// Windows Vista, and every current browser reads them.
func ico(pngData []byte, s int) []byte {
	var b bytes.Buffer
	// Writes to a bytes.Buffer cannot fail.
	_ = binary.Write(&b, binary.LittleEndian, [3]uint16{0, 1, 1}) // reserved, type icon, one image
	b.Write([]byte{byte(s % 256), byte(s % 256), 0, 0})           // width, height (0 is 256), no palette, reserved
	_ = binary.Write(&b, binary.LittleEndian, [2]uint16{1, 32})   // colour planes, bits per pixel
	_ = binary.Write(&b, binary.LittleEndian, [2]uint32{uint32(len(pngData)), 6 + 16})
	b.Write(pngData)
	return b.Bytes()
}

// writeIcons adds favicon.ico at the root of the site.
func writeIcons(files map[string][]byte) error {
	p, err := encodePNG(icon(32))
	if err != nil {
		return err
	}
	files["favicon.ico"] = ico(p, 32)
	return nil
}

// text writes s at (x, y) with the 7×13 glyphs enlarged scale times; a
// character outside printable ASCII is written as "?". It returns the
// width written.
func text(img *image.NRGBA, s string, x, y, scale int, c color.NRGBA) int {
	w := 0
	for _, r := range s {
		if r < ' ' || r > '~' {
			r = '?'
		}
		g := glyphs7x13[r-' ']
		for row, bits := range g {
			for col := 0; col < 7; col++ {
				if bits&(1<<(6-col)) != 0 {
					px, py := x+w+col*scale, y+row*scale
					fill(img, image.Rect(px, py, px+scale, py+scale), c)
				}
			}
		}
		w += 7 * scale
	}
	return w
}

// wrapWords breaks s into lines of at most n characters, at spaces.
func wrapWords(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// socialCard is the og:image of language l: 1200×630 (the size Open Graph
// and Twitter's large card expect) with the site's mark and title and the
// province's latest coverage.
func socialCard(l lang, d *siteData) ([]byte, error) {
	const W, H, margin = 1200, 630, 64
	img := image.NewNRGBA(image.Rect(0, 0, W, H))
	fill(img, img.Bounds(), accent)
	bars(img, margin-12, margin-16, 96)
	y := margin
	for _, line := range wrapWords(asciiText(l.T("site_title")), (W-2*margin-112)/(7*4)) {
		text(img, line, margin+112, y, 4, white)
		y += 13*4 + 8
	}
	y = max(y+24, 260)
	if d.Latest == "" {
		text(img, asciiText(l.T("no_data")), margin, y, 5, pale)
	} else {
		var cov *float64
		if m := find(d.Province, d.Latest); m != nil {
			cov = m.Cakupan
		}
		label := asciiText(l.T("coverage") + ", " + l.Month(d.Latest))
		text(img, label, margin, y, 4, pale)
		text(img, asciiText(l.Pct(cov)), margin-8, y+13*4+24, 16, white)
	}
	return encodePNG(img)
}

// asciiText replaces the typographic characters the site's texts use with
// their ASCII look-alikes, for the 7×13 glyphs.
func asciiText(s string) string {
	return strings.NewReplacer("–", "-", "−", "-", "—", "-", "·", "-", "’", "'").Replace(s)
}
