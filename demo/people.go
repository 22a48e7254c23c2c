package demo

import (
	"fmt"
	"math/rand/v2"
)

// Names, NIPs and rank suffixes of the demo's employees.

// tierSuffix gives the jenjang of a functional position from its golongan.
func tierSuffix(base, track, golru string, pppk bool) string {
	if track == "pelaksana" {
		return ""
	}
	rank := 0
	for i, g := range golruLadder {
		if g == golru {
			rank = i
		}
	}
	if track == "terampil" {
		switch {
		case pppk || rank <= 7:
			return " Terampil"
		case rank <= 9:
			return " Mahir"
		default:
			return " Penyelia"
		}
	}
	switch {
	case pppk || rank <= 9:
		return " Ahli Pertama"
	case rank <= 11:
		return " Ahli Muda"
	default:
		return " Ahli Madya"
	}
}

// personName composes an Indonesian name.
func (g *gen) personName(r *rand.Rand, male bool, prefix, suffix string) string {
	var name string
	single := r.IntN(100) < 8
	switch {
	case single && male:
		name = oneOf(r, namaTunggalL)
	case single:
		name = oneOf(r, namaTunggalP)
	case male:
		name = oneOf(r, namaDepanL)
		if r.IntN(100) < 22 {
			name += " " + oneOf(r, namaTengahL)
		}
		name += " " + oneOf(r, namaBelakang)
	default:
		name = oneOf(r, namaDepanP)
		if r.IntN(100) < 22 {
			name += " " + oneOf(r, namaTengahP)
		}
		if r.IntN(100) < 80 {
			name += " " + oneOf(r, namaBelakangP)
		} else {
			name += " " + oneOf(r, namaBelakang[29:34])
		}
	}
	if prefix != "" {
		name = prefix + " " + name
	}
	return name + suffix
}

// makeNIP returns a unique 18-digit NIP: birth date, appointment (YYYYMM;
// PPPK numbers carry "21" where PNS carry the month), sex digit, sequence.
func (g *gen) makeNIP(by, bm, bd, ty, tm int, male, pppk bool) string {
	sex := 2
	if male {
		sex = 1
	}
	if pppk {
		tm = 21
	}
	prefix := fmt.Sprintf("%04d%02d%02d%04d%02d%d", by, bm, bd, ty, tm, sex)
	g.nipSeq[prefix]++
	return fmt.Sprintf("%s%03d", prefix, g.nipSeq[prefix])
}
