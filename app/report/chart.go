package report

import (
	"math"

	"github.com/jung-kurt/gofpdf"
)

// Series is one named row of values.
type Series struct {
	Name   string
	Values []float64
}

// BarChart is grouped vertical bars, one group per category.
type BarChart struct {
	Title      string
	Categories []string
	Series     []Series
	Format     func(float64) string // tick and value labels; plain numbers if nil
	Height     float64              // mm; 70 if zero
}

// LineChart is lines over categories (a trend).
type LineChart BarChart

// plot is the inner box of a chart, after its title and axis labels.
type plot struct{ x, y, w, h float64 }

func (d *Doc) chartFrame(title string, height float64) plot {
	if height == 0 {
		height = 70
	}
	d.need(height + 10)
	top := d.y()
	if title != "" {
		d.font(9, true)
		d.color(Ink)
		d.put(marginL, top+3.5, title)
		top += 7
	}
	d.pdf.SetY(top + height + 3)
	// room for tick labels left, category labels and legend below
	return plot{x: marginL + 16, y: top + 2, w: contentW - 16, h: height - 16}
}

func (d *Doc) format(f func(float64) string, v float64) string {
	if f != nil {
		return f(v)
	}
	return trimFloat(v)
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return GroupThousands(int64(v))
	}
	return fmtFloat(v)
}

// axis draws horizontal gridlines with labels for 0..top (or lo..hi).
func (d *Doc) axis(p plot, lo, hi float64, ticks []float64, f func(float64) string) {
	d.font(6.5, false)
	for _, t := range ticks {
		y := p.y + p.h - (t-lo)/(hi-lo)*p.h
		d.stroke(Rule)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(p.x, y, p.x+p.w, y)
		d.color(Muted)
		label := d.format(f, t)
		d.put(p.x-2-d.width(label), y+1, label)
	}
	d.stroke(Faint)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(p.x, p.y+p.h, p.x+p.w, p.y+p.h)
}

func (d *Doc) legend(p plot, names []string, line bool) {
	if len(names) < 2 {
		return
	}
	d.font(7, false)
	x := p.x
	y := p.y + p.h + 11
	for i, n := range names {
		c := Palette[i%len(Palette)]
		if line {
			d.stroke(c)
			d.pdf.SetLineWidth(0.8)
			d.pdf.Line(x, y-1, x+5, y-1)
		} else {
			d.fill(c)
			d.pdf.Rect(x, y-2.6, 3.2, 3.2, "F")
		}
		d.color(Muted)
		d.put(x+6.5, y, n)
		x += 10 + d.width(n)
	}
}

func (d *Doc) categoryLabels(p plot, cats []string) {
	d.font(7, false)
	d.color(Muted)
	step := p.w / float64(max(1, len(cats)))
	for i, c := range cats {
		label := d.clip(c, step-1)
		cx := p.x + step*(float64(i)+0.5)
		d.put(cx-d.width(label)/2, p.y+p.h+4.5, label)
	}
}

func extent(series []Series) (lo, hi float64) {
	for _, s := range series {
		for _, v := range s.Values {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}

// Bars draws grouped bars with a zero line, value gridlines and a legend.
func (d *Doc) Bars(c BarChart) {
	p := d.chartFrame(c.Title, c.Height)
	lo, hi := extent(c.Series)
	lo, hi, ticks := niceScale(lo, hi, 5)
	d.axis(p, lo, hi, ticks, c.Format)
	n := max(1, len(c.Categories))
	step := p.w / float64(n)
	groupW := step * 0.7
	barW := groupW / float64(max(1, len(c.Series)))
	zero := p.y + p.h - (0-lo)/(hi-lo)*p.h
	for si, s := range c.Series {
		d.fill(Palette[si%len(Palette)])
		for i, v := range s.Values {
			if i >= n {
				break
			}
			x := p.x + step*float64(i) + (step-groupW)/2 + barW*float64(si)
			y := p.y + p.h - (v-lo)/(hi-lo)*p.h
			top, h := math.Min(y, zero), math.Abs(zero-y)
			d.pdf.Rect(x+0.3, top, barW-0.6, h, "F")
		}
	}
	d.categoryLabels(p, c.Categories)
	names := make([]string, len(c.Series))
	for i, s := range c.Series {
		names[i] = s.Name
	}
	d.legend(p, names, false)
}

// Lines draws each series as a line with points.
func (d *Doc) Lines(c LineChart) {
	p := d.chartFrame(c.Title, c.Height)
	lo, hi := extent(c.Series)
	lo, hi, ticks := niceScale(lo, hi, 5)
	d.axis(p, lo, hi, ticks, c.Format)
	n := max(1, len(c.Categories))
	step := p.w / float64(n)
	for si, s := range c.Series {
		col := Palette[si%len(Palette)]
		d.stroke(col)
		d.fill(col)
		d.pdf.SetLineWidth(0.7)
		var prevX, prevY float64
		for i, v := range s.Values {
			x := p.x + step*(float64(i)+0.5)
			y := p.y + p.h - (v-lo)/(hi-lo)*p.h
			if i > 0 {
				d.pdf.Line(prevX, prevY, x, y)
			}
			d.pdf.Circle(x, y, 0.9, "F")
			prevX, prevY = x, y
		}
	}
	d.categoryLabels(p, c.Categories)
	names := make([]string, len(c.Series))
	for i, s := range c.Series {
		names[i] = s.Name
	}
	d.legend(p, names, true)
}

// RadarChart is a profile over named axes, all on 0..Max.
type RadarChart struct {
	Title  string
	Axes   []string
	Max    float64
	Series []Series
	Height float64
}

// Radar draws concentric guides, spokes and one filled polygon per series.
func (d *Doc) Radar(c RadarChart) {
	if c.Height == 0 {
		c.Height = 80
	}
	p := d.chartFrame(c.Title, c.Height)
	cx, cy := marginL+contentW/2, p.y+(c.Height-12)/2
	r := (c.Height - 22) / 2
	n := len(c.Axes)
	if n < 3 || c.Max <= 0 {
		return
	}
	pt := func(i int, frac float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*frac*math.Cos(a), cy + r*frac*math.Sin(a)
	}
	d.stroke(Rule)
	d.pdf.SetLineWidth(0.2)
	for ring := 1; ring <= 4; ring++ {
		pts := make([]gofpdf.PointType, n)
		for i := range n {
			x, y := pt(i, float64(ring)/4)
			pts[i] = gofpdf.PointType{X: x, Y: y}
		}
		d.pdf.Polygon(pts, "D")
	}
	d.font(7, false)
	d.color(Muted)
	for i, name := range c.Axes {
		x, y := pt(i, 1)
		d.pdf.Line(cx, cy, x, y)
		lx, ly := pt(i, 1.12)
		w := d.width(name)
		switch {
		case math.Abs(lx-cx) < 2:
			lx -= w / 2
		case lx < cx:
			lx -= w
		}
		d.put(lx, ly+1.2, name)
	}
	for si, s := range c.Series {
		col := Palette[si%len(Palette)]
		pts := make([]gofpdf.PointType, 0, n)
		for i := range n {
			v := 0.0
			if i < len(s.Values) {
				v = math.Max(0, math.Min(c.Max, s.Values[i]))
			}
			x, y := pt(i, v/c.Max)
			pts = append(pts, gofpdf.PointType{X: x, Y: y})
		}
		d.fill(col)
		d.pdf.SetAlpha(0.18, "Normal")
		d.pdf.Polygon(pts, "F")
		d.pdf.SetAlpha(1, "Normal")
		d.stroke(col)
		d.pdf.SetLineWidth(0.6)
		d.pdf.Polygon(pts, "D")
	}
	names := make([]string, len(c.Series))
	for i, s := range c.Series {
		names[i] = s.Name
	}
	d.legend(plot{x: marginL, y: p.y, w: contentW, h: c.Height - 16}, names, false)
}

// Point is one dot on a quadrant chart.
type Point struct {
	X, Y      float64
	Size      float64 // relative bubble size, 0..1
	Label     string
	Highlight bool
}

// QuadrantChart is a scatter on two 1..10 (Min..Max) axes split at Cut.
type QuadrantChart struct {
	Title          string
	XLabel, YLabel string
	Min, Max, Cut  float64
	Quadrants      [4]string // top-left, top-right, bottom-left, bottom-right
	Points         []Point
	Height         float64
}

// Quadrant draws the four fields, the cut lines, every point and the
// highlighted one labelled (this account in the portfolio).
func (d *Doc) Quadrant(c QuadrantChart) {
	if c.Height == 0 {
		c.Height = 95
	}
	p := d.chartFrame(c.Title, c.Height)
	side := math.Min(p.w, p.h)
	p = plot{x: marginL + (contentW-side)/2, y: p.y, w: side, h: side}
	sx := func(v float64) float64 { return p.x + (v-c.Min)/(c.Max-c.Min)*p.w }
	sy := func(v float64) float64 { return p.y + p.h - (v-c.Min)/(c.Max-c.Min)*p.h }
	cutX, cutY := sx(c.Cut), sy(c.Cut)
	fields := []struct {
		x, y, w, h float64
		shade      RGB
	}{
		{p.x, p.y, cutX - p.x, cutY - p.y, RGB{239, 246, 255}},
		{cutX, p.y, p.x + p.w - cutX, cutY - p.y, RGB{236, 253, 245}},
		{p.x, cutY, cutX - p.x, p.y + p.h - cutY, RGB{249, 250, 251}},
		{cutX, cutY, p.x + p.w - cutX, p.y + p.h - cutY, RGB{255, 251, 235}},
	}
	d.font(7.5, true)
	for i, f := range fields {
		d.fill(f.shade)
		d.pdf.Rect(f.x, f.y, f.w, f.h, "F")
		d.color(Faint)
		label := c.Quadrants[i]
		lx := f.x + 2
		if i%2 == 1 {
			lx = f.x + f.w - 2 - d.width(label)
		}
		ly := f.y + 4.5
		if i >= 2 {
			ly = f.y + f.h - 2
		}
		d.put(lx, ly, label)
	}
	d.stroke(Faint)
	d.pdf.SetLineWidth(0.3)
	d.pdf.SetDashPattern([]float64{1, 1}, 0)
	d.pdf.Line(cutX, p.y, cutX, p.y+p.h)
	d.pdf.Line(p.x, cutY, p.x+p.w, cutY)
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.Rect(p.x, p.y, p.w, p.h, "D")
	d.font(7, false)
	d.color(Muted)
	d.put(p.x+p.w/2-d.width(c.XLabel)/2, p.y+p.h+5, c.XLabel)
	d.pdf.TransformBegin()
	d.pdf.TransformRotate(90, p.x-4, p.y+p.h/2)
	d.put(p.x-4-d.width(c.YLabel)/2, p.y+p.h/2, c.YLabel)
	d.pdf.TransformEnd()
	for _, pass := range []bool{false, true} { // the highlighted point last, on top
		for _, pt := range c.Points {
			if pt.Highlight != pass {
				continue
			}
			r := 0.9 + 2.6*math.Sqrt(math.Max(0, math.Min(1, pt.Size)))
			x, y := sx(pt.X), sy(pt.Y)
			if pt.Highlight {
				d.fill(Accent)
				d.stroke(White)
				d.pdf.SetLineWidth(0.5)
				d.pdf.Circle(x, y, r+0.6, "FD")
				d.font(7.5, true)
				d.color(Ink)
				d.put(x+r+1.5, y+1.2, pt.Label)
				continue
			}
			d.fill(Faint)
			d.pdf.SetAlpha(0.55, "Normal")
			d.pdf.Circle(x, y, r, "F")
			d.pdf.SetAlpha(1, "Normal")
		}
	}
}

// ParetoChart is bars sorted from the largest with the cumulative share.
type ParetoChart struct {
	Title      string
	Categories []string
	Values     []float64
	Format     func(float64) string
	Height     float64
}

// Pareto draws descending bars and the cumulative percentage line on its own scale.
func (d *Doc) Pareto(c ParetoChart) {
	p := d.chartFrame(c.Title, c.Height)
	_, hi := extent([]Series{{Values: c.Values}})
	lo, hi, ticks := niceScale(0, hi, 5)
	d.axis(p, lo, hi, ticks, c.Format)
	n := max(1, len(c.Values))
	step := p.w / float64(n)
	total := 0.0
	for _, v := range c.Values {
		total += v
	}
	d.fill(Palette[0])
	for i, v := range c.Values {
		y := p.y + p.h - v/hi*p.h
		d.pdf.Rect(p.x+step*float64(i)+step*0.15, y, step*0.7, p.y+p.h-y, "F")
	}
	if total > 0 {
		d.stroke(Palette[2])
		d.fill(Palette[2])
		d.pdf.SetLineWidth(0.7)
		cum := 0.0
		var px, py float64
		for i, v := range c.Values {
			cum += v
			x := p.x + step*(float64(i)+0.5)
			y := p.y + p.h - cum/total*p.h
			if i > 0 {
				d.pdf.Line(px, py, x, y)
			}
			d.pdf.Circle(x, y, 0.8, "F")
			px, py = x, y
		}
		d.font(6.5, false)
		d.color(Muted)
		for _, pc := range []float64{0, 50, 80, 100} {
			y := p.y + p.h - pc/100*p.h
			d.put(p.x+p.w+1.5, y+1, GroupThousands(int64(pc))+"%")
		}
	}
	d.categoryLabels(p, c.Categories)
}
