package report

import "strings"

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
		lines = max(lines, len(wrap(c, widths[i]-2*cellPad, d.pdf.GetStringWidth)))
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
		for k, line := range wrap(text, w-2*cellPad, d.pdf.GetStringWidth) {
			lx := x + cellPad
			switch cols[i].Align {
			case Right:
				lx = x + w - cellPad - d.pdf.GetStringWidth(line)
			case Center:
				lx = x + w/2 - d.pdf.GetStringWidth(line)/2
			}
			d.pdf.Text(lx, top+cellPad+size*ptToMM+float64(k)*lh, line)
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
			d.pdf.Text(x+4, top+6.5, clip(k.Label, w-7, d.pdf.GetStringWidth))
			d.font(15, true)
			d.color(Ink)
			d.pdf.Text(x+4, top+15, clip(k.Value, w-7, d.pdf.GetStringWidth))
			d.font(7.5, false)
			d.color(toneColor(k.Tone))
			if k.Tone == Neutral {
				d.color(Muted)
			}
			d.pdf.Text(x+4, top+21, clip(k.Detail, w-7, d.pdf.GetStringWidth))
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
			d.pdf.Text(x, top+3, pairs[i+k][0])
			d.font(9.5, false)
			d.color(Ink)
			d.pdf.Text(x, top+8, clip(pairs[i+k][1], half-6, d.pdf.GetStringWidth))
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
