package report

import (
	"math"
	"strings"
)

// Align is a column's alignment.
type Align int

// Alignments.
const (
	Left Align = iota
	Right
	Center
)

// Column is a table column: a title, a relative width and an alignment.
type Column struct {
	Title string
	Width float64
	Align Align
}

// Table is data to set as a table. Rows listed in Strong (e.g. totals) are
// set in bold with a rule above.
type Table struct {
	Columns []Column
	Rows    [][]string
	Strong  map[int]bool
}

const (
	cellPad   = 2.0
	tableSize = 8.5
)

// Table sets a table; a row never splits, and a table that runs onto the
// next page repeats its header there.
func (d *Doc) Table(t Table) {
	if len(t.Columns) == 0 {
		return
	}
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = contentW * c.Width / total
	}
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	d.need(d.rowHeight(titles, widths, 7.5, true) + d.rowHeight(firstRow(t), widths, tableSize, false))
	d.tableHeader(t.Columns, widths)
	for i, row := range t.Rows {
		h := d.rowHeight(row, widths, tableSize, t.Strong[i])
		if d.y()+h > bottom {
			d.AddPage()
			d.tableHeader(t.Columns, widths)
		}
		top := d.y()
		if t.Strong[i] {
			d.stroke(Muted)
			d.pdf.SetLineWidth(0.3)
			d.pdf.Line(marginL, top, marginL+contentW, top)
		} else if i%2 == 1 {
			d.fill(Panel)
			d.pdf.Rect(marginL, top, contentW, h, "F")
		}
		d.cells(row, widths, t.Columns, tableSize, t.Strong[i], Ink, top)
		d.pdf.SetY(top + h)
	}
	d.stroke(Rule)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginL, d.y(), marginL+contentW, d.y())
	d.space(5)
}

func firstRow(t Table) []string {
	if len(t.Rows) == 0 {
		return nil
	}
	return t.Rows[0]
}

func (d *Doc) tableHeader(cols []Column, widths []float64) {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	h := d.rowHeight(titles, widths, 7.5, true)
	top := d.y()
	d.stroke(Ink)
	d.pdf.SetLineWidth(0.4)
	d.pdf.Line(marginL, top, marginL+contentW, top)
	d.cells(titles, widths, cols, 7.5, true, Muted, top)
	d.stroke(Rule)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginL, top+h, marginL+contentW, top+h)
	d.pdf.SetY(top + h)
}

// rowHeight is the height of a row whose cells wrap in their columns.
func (d *Doc) rowHeight(cells []string, widths []float64, size float64, bold bool) float64 {
	d.font(size, bold)
	lines := 1
	for i, c := range cells {
		if i >= len(widths) {
			break
		}
		lines = max(lines, len(d.wrap(c, widths[i]-2*cellPad)))
	}
	return float64(lines)*size*ptToMM*1.4 + 2*cellPad
}

func (d *Doc) cells(cells []string, widths []float64, cols []Column, size float64, bold bool, c RGB, top float64) {
	d.font(size, bold)
	d.color(c)
	lh := size * ptToMM * 1.4
	x := marginL
	for i, w := range widths {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		for k, line := range d.wrap(text, w-2*cellPad) {
			lx := x + cellPad
			switch cols[i].Align {
			case Right:
				lx = x + w - cellPad - d.width(line)
			case Center:
				lx = x + w/2 - d.width(line)/2
			}
			d.put(lx, top+cellPad+size*ptToMM+float64(k)*lh, line)
		}
		x += w
	}
}

// Tone colours a KPI's detail line.
type Tone int

// Tones.
const (
	Neutral Tone = iota
	Positive
	Caution
	Negative
)

// KPI is one tile: a label, the figure, and a line of context.
type KPI struct {
	Label  string
	Value  string
	Detail string
	Tone   Tone
}

// KPIs sets up to four tiles per row.
func (d *Doc) KPIs(tiles []KPI) {
	const perRow, gap, h = 4, 4.0, 25.0
	w := (contentW - gap*(perRow-1)) / perRow
	for start := 0; start < len(tiles); start += perRow {
		d.need(h + 4)
		top := d.y()
		for i, k := range tiles[start:min(len(tiles), start+perRow)] {
			x := marginL + float64(i)*(w+gap)
			d.fill(Panel)
			d.pdf.RoundedRect(x, top, w, h, 2, "1234", "F")
			d.fill(toneColor(k.Tone))
			d.pdf.Rect(x, top+3, 0.9, h-6, "F")
			d.font(7.5, false)
			d.color(Muted)
			d.put(x+4, top+6.5, d.clip(k.Label, w-7))
			// a long figure is set smaller before it is ever clipped
			size := 15.0
			for d.font(size, true); size > 10 && d.width(k.Value) > w-7; d.font(size, true) {
				size -= 0.5
			}
			d.color(Ink)
			d.put(x+4, top+15, d.clip(k.Value, w-7))
			d.font(7.5, false)
			d.color(toneColor(k.Tone))
			if k.Tone == Neutral {
				d.color(Muted)
			}
			d.put(x+4, top+21, d.clip(k.Detail, w-7))
		}
		d.pdf.SetY(top + h + 4)
	}
	d.space(2)
}

func toneColor(t Tone) RGB {
	switch t {
	case Positive:
		return Good
	case Caution:
		return Warn
	case Negative:
		return Bad
	}
	return Faint
}

// clip shortens s with an ellipsis to fit width.
func clip(s string, width float64, measure func(string) float64) string {
	if measure(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && measure(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// Facts sets label–value pairs in two columns (a review's sign-off, a
// program's header).
func (d *Doc) Facts(pairs [][2]string) {
	half := contentW / 2
	for i := 0; i < len(pairs); i += 2 {
		d.need(11)
		top := d.y()
		for k := 0; k < 2 && i+k < len(pairs); k++ {
			x := marginL + float64(k)*half
			d.font(7.5, false)
			d.color(Muted)
			d.put(x, top+3, pairs[i+k][0])
			d.font(9.5, false)
			d.color(Ink)
			d.put(x, top+8, d.clip(pairs[i+k][1], half-6))
		}
		d.pdf.SetY(top + 11)
	}
	d.space(2)
}

// Bullets sets a list, each item wrapped under its own text.
func (d *Doc) Bullets(items []string) {
	for _, it := range items {
		d.need(6)
		top := d.y()
		d.fill(Accent)
		d.pdf.Circle(marginL+1.2, top+2.3, 0.7, "F")
		d.text(it, marginL+5, contentW-5, 9.5, false, Ink, 1.5)
		d.space(1)
	}
	d.space(2)
}

// Box is a titled box of text.
type Box struct {
	Title string
	Text  string
}

// Panels sets boxes two to a row (the four-quadrant value proposition). A
// row too tall for one page falls back to headed paragraphs, which break
// across pages.
func (d *Doc) Panels(panels []Box) {
	const gap, pad, size, lead = 4.0, 4.0, 9.0, 1.5
	w := (contentW - gap) / 2
	lh := size * ptToMM * lead
	for start := 0; start < len(panels); start += 2 {
		row := panels[start:min(len(panels), start+2)]
		h := 0.0
		lines := make([][]string, len(row))
		for i, p := range row {
			d.font(size, false)
			lines[i] = d.wrap(p.Text, w-2*pad)
			h = max(h, 11+float64(len(lines[i]))*lh+pad)
		}
		if h > bottom-marginT-4 {
			for _, p := range row {
				d.Heading(p.Title)
				d.Paragraph(p.Text)
			}
			continue
		}
		d.need(h + gap)
		top := d.y()
		for i, p := range row {
			x := marginL + float64(i)*(w+gap)
			d.fill(Panel)
			d.pdf.RoundedRect(x, top, w, h, 2, "1234", "F")
			d.fill(Accent)
			d.pdf.Rect(x, top, w, 0.9, "F")
			d.font(8.5, true)
			d.color(Accent)
			d.put(x+pad, top+7, d.clip(p.Title, w-2*pad))
			d.font(size, false)
			d.color(Ink)
			for k, l := range lines[i] {
				d.put(x+pad, top+11+size*ptToMM+float64(k)*lh, l)
			}
		}
		d.pdf.SetY(top + h + gap)
	}
	d.space(1)
}

// Bar is one row of a progress list: a label, a share 0–100 and a note.
type Bar struct {
	Label  string
	Value  float64 // 0–100
	Detail string
	Tone   Tone
}

// Progress sets labelled horizontal bars on a 0–100 track.
func (d *Doc) Progress(bars []Bar) {
	const rowH = 9.0
	labelW, detailW := 52.0, 42.0
	trackX := marginL + labelW
	trackW := contentW - labelW - detailW - 4
	for _, b := range bars {
		d.need(rowH)
		top := d.y()
		d.font(8.5, false)
		d.color(Ink)
		d.put(marginL, top+5, d.clip(b.Label, labelW-3))
		d.fill(Rule)
		d.pdf.RoundedRect(trackX, top+2.4, trackW, 3.2, 1.6, "1234", "F")
		v := math.Max(0, math.Min(100, b.Value))
		if v > 0 {
			c := Accent
			if b.Tone != Neutral {
				c = toneColor(b.Tone)
			}
			d.fill(c)
			d.pdf.RoundedRect(trackX, top+2.4, math.Max(3.2, trackW*v/100), 3.2, 1.6, "1234", "F")
		}
		d.font(8, false)
		d.color(Muted)
		det := d.clip(b.Detail, detailW)
		d.put(marginL+contentW-d.width(det), top+5, det)
		d.pdf.SetY(top + rowH)
	}
	d.space(3)
}

// Lead sets an opening paragraph larger, with an accent rule beside it.
func (d *Doc) Lead(text string) {
	top := d.y()
	page := d.pdf.PageNo()
	d.text(text, marginL+5, contentW-5, 10.5, false, Ink, 1.6)
	if d.pdf.PageNo() == page {
		d.fill(Accent)
		d.pdf.Rect(marginL, top+0.8, 1, d.y()-top-1.2, "F")
	}
	d.space(3)
}

// Signature is one signing line.
type Signature struct {
	Role, Name, Date string
}

// SignOff sets signature blocks side by side: the role, a line to sign on
// with the name under it, and the date.
func (d *Doc) SignOff(sigs []Signature, dateLabel string) {
	const gap, h = 10.0, 42.0
	n := max(1, len(sigs))
	w := (contentW - gap*float64(n-1)) / float64(n)
	d.need(h)
	top := d.y() + 4
	for i, s := range sigs {
		x := marginL + float64(i)*(w+gap)
		d.font(8, true)
		d.color(Muted)
		d.put(x, top+3, s.Role)
		d.stroke(Ink)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(x, top+22, x+w, top+22)
		d.font(10, false)
		d.color(Ink)
		d.put(x, top+27.5, d.clip(s.Name, w))
		d.font(8, false)
		d.color(Muted)
		date := s.Date
		if date == "" {
			date = "____________"
		}
		d.put(x, top+34, dateLabel+"  "+date)
	}
	d.pdf.SetY(top + h)
}
