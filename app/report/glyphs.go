package report

import (
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// The embedded font has no emoji and misses some rare characters. gofpdf
// would print those as nothing (or an empty box pdftotext cannot read), so
// text is passed through visible first: a character the font lacks becomes
// its code point in brackets, "[U+1F600]" — the reader sees something was
// there and what it was, and nothing is lost silently.

var (
	coverOnce sync.Once
	covered   map[rune]bool // the runes the regular font maps to a glyph
)

func coverage() map[rune]bool {
	coverOnce.Do(func() { covered = cmapRunes(fontRegular) })
	return covered
}

// HasGlyph reports whether the embedded font can draw r.
func HasGlyph(r rune) bool { return coverage()[r] }

// visible replaces what the font cannot draw with its code point; tabs
// become spaces and other control characters their code point too.
func visible(s string) string {
	cov := coverage()
	ok := true
	for _, r := range s {
		if r != '\n' && !cov[r] {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || cov[r]:
			b.WriteRune(r)
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == 0xFE0F || r == 0x200D: // emoji variation selector and joiner: part of the emoji before
			fmt.Fprintf(&b, "[U+%04X]", r)
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			fmt.Fprintf(&b, "[U+%04X]", r)
		}
	}
	return b.String()
}

// Placeholder is how a character the font lacks appears in the PDF.
func Placeholder(r rune) string { return fmt.Sprintf("[U+%04X]", r) }

// cmapRunes reads the runes a TrueType font maps (cmap formats 4 and 12).
func cmapRunes(ttf []byte) map[rune]bool {
	out := map[rune]bool{}
	u16 := func(o int) int { return int(binary.BigEndian.Uint16(ttf[o:])) }
	u32 := func(o int) int { return int(binary.BigEndian.Uint32(ttf[o:])) }
	if len(ttf) < 12 {
		return out
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if string(ttf[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return out
	}
	best, bestFormat := -1, 0
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, enc, off := u16(rec), u16(rec+2), cmap+u32(rec+4)
		if platform != 3 && platform != 0 {
			continue
		}
		f := u16(off)
		if (f == 12 && (enc == 10 || platform == 0)) || (f == 4 && bestFormat != 12) {
			best, bestFormat = off, f
		}
	}
	switch bestFormat {
	case 12:
		for g, n := 0, u32(best+12); g < n; g++ {
			grp := best + 16 + 12*g
			start, end, gid := u32(grp), u32(grp+4), u32(grp+8)
			for c := start; c <= end; c++ {
				if gid+(c-start) != 0 && c < 0xFFFF {
					out[rune(c)] = true // gofpdf draws the basic plane only
				}
			}
		}
	case 4:
		segs := u16(best+6) / 2
		ends, starts, deltas, ranges := best+14, best+16+2*segs, best+16+4*segs, best+16+6*segs
		for i := 0; i < segs; i++ {
			end, start, delta, ro := u16(ends+2*i), u16(starts+2*i), u16(deltas+2*i), u16(ranges+2*i)
			for c := start; c <= end && c != 0xFFFF; c++ {
				gid := 0
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else if p := ranges + 2*i + ro + 2*(c-start); p+2 <= len(ttf) {
					if gid = u16(p); gid != 0 {
						gid = (gid + delta) & 0xFFFF
					}
				}
				if gid != 0 {
					out[rune(c)] = true
				}
			}
		}
	}
	return out
}
