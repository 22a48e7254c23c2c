package demo

import (
	"math/rand/v2"
	"time"
)

// Every random decision is drawn from a PCG stream keyed by the seed and by
// what is being decided (an employee and a month, a file, ...). A row is
// therefore the same whichever file or goroutine produces it, and files can
// be written in parallel without changing a byte.

// Tags separate the streams of different kinds of decision.
const (
	tagBuild uint64 = iota + 1
	tagMonthly
	tagAnnual
	tagStatus
	tagKoreksi
	tagTrain
	tagFile
	tagIKU
	tagID
	tagActing
)

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// key folds parts into one 64-bit key.
func key(parts ...uint64) uint64 {
	h := uint64(0x6a09e667f3bcc909)
	for _, p := range parts {
		h = mix(h ^ p)
	}
	return h
}

// rng returns the stream for one decision.
func (g *gen) rng(parts ...uint64) *rand.Rand {
	k := key(parts...)
	return rand.New(rand.NewPCG(g.seed^k, mix(k)))
}

// uuid returns a deterministic UUID-shaped identifier (version 4 layout).
func (g *gen) uuid(parts ...uint64) string {
	a := mix(g.seed ^ key(parts...))
	b := mix(a ^ 0x5851f42d4c957f2d)
	a = a&^(0xf<<12) | 0x4<<12 // version nibble
	b = b&^(0x3<<62) | 0x2<<62 // variant bits
	const hex = "0123456789abcdef"
	var buf [36]byte
	j := 0
	put := func(v uint64, nibbles int) {
		for k := nibbles - 1; k >= 0; k-- {
			buf[j] = hex[(v>>(uint(k)*4))&0xf]
			j++
		}
	}
	put(a>>32, 8)
	buf[j] = '-'
	j++
	put(a>>16, 4)
	buf[j] = '-'
	j++
	put(a, 4)
	buf[j] = '-'
	j++
	put(b>>48, 4)
	buf[j] = '-'
	j++
	put(b, 12)
	return string(buf[:])
}

// pick returns a weighted index.
func pick(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// oneOf returns a random element.
func oneOf[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// wib is Asia/Jakarta time (no daylight saving), fixed so the output does
// not depend on the machine's time zone database.
var wib = time.FixedZone("WIB", 7*3600)

// excelSerial is the Excel 1900 date system serial of a wall-clock time.
func excelSerial(t time.Time) float64 {
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	secs := t.Hour()*3600 + t.Minute()*60 + t.Second()
	return days + float64(secs)/86400
}
