package report

import (
	"strings"
	"unicode"
)

// Chinese line-breaking rules (禁则): these never start a line ...
const noLineStart = "，。、；：！？）》」』】〉”’％%…—·,.;:!?)]}"

// ... and these never end one.
const noLineEnd = "（《「『【〈“‘([{"

// wrap breaks text into lines no wider than width, as measured. Chinese and
// Japanese characters may break anywhere; Latin words break at spaces (a
// word wider than the line breaks by character). Closing punctuation is
// never pushed to the start of a line, nor opening punctuation left at the
// end: the character before or after moves with it. Explicit newlines are
// kept; leading spaces of a wrapped line are dropped.
func wrap(text string, width float64, measure func(string) float64) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		out = append(out, wrapLine(para, width, measure)...)
	}
	return out
}

// token is an unbreakable piece: a CJK character, a Latin word, or a space run.
type token struct {
	text  string
	space bool
}

func tokenize(s string) []token {
	var toks []token
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			toks = append(toks, token{text: word.String()})
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t':
			flush()
			if n := len(toks); n > 0 && toks[n-1].space {
				toks[n-1].text += " "
			} else {
				toks = append(toks, token{text: " ", space: true})
			}
		case breaksAnywhere(r):
			flush()
			toks = append(toks, token{text: string(r)})
		default:
			word.WriteRune(r)
		}
	}
	flush()
	return glue(toks)
}

// breaksAnywhere is true for scripts written without spaces, and for
// full-width punctuation.
func breaksAnywhere(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '…' || r == '—' || r == '“' || r == '”' || r == '‘' || r == '’'
}

// glue joins tokens that must not be split: a no-line-start character to the
// token before it, and a no-line-end character to the token after it.
func glue(toks []token) []token {
	var out []token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.space && len(out) > 0 && !out[len(out)-1].space && strings.ContainsRune(noLineStart, firstRune(t.text)) {
			out[len(out)-1].text += t.text
			continue
		}
		out = append(out, t)
	}
	// opening punctuation joins what follows it
	var res []token
	for i := 0; i < len(out); i++ {
		t := out[i]
		for !t.space && strings.ContainsRune(noLineEnd, lastRune(t.text)) && i+1 < len(out) && !out[i+1].space {
			i++
			t.text += out[i].text
		}
		res = append(res, t)
	}
	return res
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

func wrapLine(s string, width float64, measure func(string) float64) []string {
	if strings.TrimSpace(s) == "" {
		return []string{""}
	}
	var lines []string
	var cur strings.Builder
	curW := 0.0
	emit := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curW = 0
	}
	add := func(text string, w float64) {
		cur.WriteString(text)
		curW += w
	}
	for _, t := range tokenize(s) {
		w := measure(t.text)
		if t.space {
			switch {
			case cur.Len() == 0: // no leading spaces on a wrapped line
			case curW+w <= width:
				add(t.text, w)
			default:
				emit()
			}
			continue
		}
		if curW+w <= width {
			add(t.text, w)
			continue
		}
		if cur.Len() > 0 {
			emit()
		}
		if w <= width || !isLatin(t.text) {
			add(t.text, w) // a glued CJK group wider than a very narrow line overflows rather than break its rule
			continue
		}
		for _, r := range t.text { // a Latin word wider than the line breaks by character
			rw := measure(string(r))
			if curW+rw > width && cur.Len() > 0 {
				emit()
			}
			add(string(r), rw)
		}
	}
	if cur.Len() > 0 {
		emit()
	}
	return lines
}

// isLatin is true when no character of s breaks anywhere (a Latin word).
func isLatin(s string) bool {
	for _, r := range s {
		if breaksAnywhere(r) {
			return false
		}
	}
	return true
}
