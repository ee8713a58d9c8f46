// Package report lays out Keystone's printed documents (account reviews,
// annual evaluations, portfolio summaries) as A4 PDFs with gofpdf: cover,
// contents, running header and footer, KPI tiles, tables that break across
// pages with their header repeated, and vector charts. Text is set in an
// embedded Noto Sans SC, with Keystone's own line breaking: gofpdf's drops a
// Chinese character at each automatic break and knows no 禁则 rules.
package report

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

//go:embed fonts/NotoSansSC_400Regular.ttf
var fontRegular []byte

//go:embed fonts/NotoSansSC_700Bold.ttf
var fontBold []byte

const family = "NotoSansSC"

// Page geometry in millimetres (A4).
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 18.0
	marginR  = 18.0
	marginT  = 24.0
	marginB  = 20.0
	contentW = pageW - marginL - marginR
	bottom   = pageH - marginB
)

// ptToMM converts a font size in points to millimetres of line height.
const ptToMM = 25.4 / 72

// RGB is a colour.
type RGB struct{ R, G, B int }

// The palette: quiet ink and greys with one accent, the way a design studio
// would set a board paper; series colours are distinct in print and in grey.
var (
	Ink     = RGB{31, 41, 55}
	Muted   = RGB{107, 114, 128}
	Faint   = RGB{156, 163, 175}
	Rule    = RGB{229, 231, 235}
	Panel   = RGB{246, 247, 249}
	Accent  = RGB{30, 79, 216}
	Good    = RGB{22, 128, 61}
	Warn    = RGB{180, 83, 9}
	Bad     = RGB{185, 28, 28}
	White   = RGB{255, 255, 255}
	Palette = []RGB{{30, 79, 216}, {14, 165, 233}, {245, 158, 11}, {16, 185, 129}, {139, 92, 246}, {236, 72, 153}, {100, 116, 139}}
)

// Options describe a document.
type Options struct {
	Lang    string // "en" or "zh-CN": the words Keystone adds (page X of Y, contents)
	Title   string
	Subject string
	Author  string
	// Header is the running header: usually the account, the period and the
	// confidentiality mark.
	HeaderLeft, HeaderCenter, HeaderRight string
	// Created is written into the file; a frozen review passes its own date
	// so that printing it again gives the same pages.
	Created time.Time
}

// Doc is a document being laid out.
type Doc struct {
	pdf      *gofpdf.Fpdf
	opt      Options
	toc      []tocEntry
	tocPage  int
	bare     map[int]bool // pages without header and footer (the cover)
	sections int
}

type tocEntry struct {
	title string
	level int
	page  int
	link  int
}

// ErrFont is returned when the embedded font cannot be loaded: a PDF
// without it would print Chinese as blanks, so Keystone refuses to make one.
var ErrFont = errors.New("report: the embedded Noto Sans SC font did not load")

// New starts a document.
func New(opt Options) (*Doc, error) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(false, marginB) // Keystone breaks pages itself
	pdf.AddUTF8FontFromBytes(family, "", fontRegular)
	pdf.AddUTF8FontFromBytes(family, "B", fontBold)
	if pdf.Err() {
		return nil, fmt.Errorf("%w: %v", ErrFont, pdf.Error())
	}
	pdf.SetFont(family, "", 10)
	// AddUTF8FontFromBytes only prints some failures; a font that did not
	// load measures nothing.
	if pdf.Err() || pdf.GetStringWidth("基石 Keystone") <= 0 {
		return nil, ErrFont
	}
	if opt.Created.IsZero() {
		opt.Created = time.Now()
	}
	pdf.SetCreationDate(opt.Created)
	pdf.SetModificationDate(opt.Created)
	pdf.SetTitle(opt.Title, true)
	pdf.SetSubject(opt.Subject, true)
	pdf.SetAuthor(opt.Author, true)
	pdf.SetCreator("Keystone 基石", true)
	pdf.SetProducer("Keystone 基石", true)
	pdf.AliasNbPages("{nb}")
	pdf.SetCatalogSort(true) // resources in a fixed order: the same document gives the same bytes
	d := &Doc{pdf: pdf, opt: opt, bare: map[int]bool{}}
	pdf.SetHeaderFuncMode(d.header, false)
	pdf.SetFooterFunc(d.footer)
	return d, nil
}

func (d *Doc) zh() bool { return strings.HasPrefix(d.opt.Lang, "zh") }

// T picks the document language's text.
func (d *Doc) T(en, zh string) string {
	if d.zh() {
		return zh
	}
	return en
}

func (d *Doc) color(c RGB)  { d.pdf.SetTextColor(c.R, c.G, c.B) }
func (d *Doc) fill(c RGB)   { d.pdf.SetFillColor(c.R, c.G, c.B) }
func (d *Doc) stroke(c RGB) { d.pdf.SetDrawColor(c.R, c.G, c.B) }
func (d *Doc) font(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(family, style, size)
}

func (d *Doc) header() {
	page := d.pdf.PageNo()
	if d.bare[page] {
		return
	}
	d.font(7.5, false)
	d.color(Muted)
	y := 12.0
	d.put(marginL, y, d.opt.HeaderLeft)
	if c := d.opt.HeaderCenter; c != "" {
		d.put(pageW/2-d.width(c)/2, y, c)
	}
	if r := d.opt.HeaderRight; r != "" {
		d.color(Bad)
		d.put(pageW-marginR-d.width(r), y, r)
	}
	d.stroke(Rule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginL, y+2.5, pageW-marginR, y+2.5)
	d.pdf.SetXY(marginL, marginT)
}

func (d *Doc) footer() {
	page := d.pdf.PageNo()
	if d.bare[page] {
		return
	}
	d.font(7.5, false)
	d.color(Faint)
	y := pageH - 10
	d.put(marginL, y, "Keystone 基石")
	label := d.T(fmt.Sprintf("Page %d of {nb}", page), fmt.Sprintf("第 %d 页，共 {nb} 页", page))
	// {nb} is replaced when the file is written; measure with the widest it can be
	w := d.width(strings.ReplaceAll(label, "{nb}", "999"))
	d.put(pageW-marginR-w, y, label)
}

// AddPage starts a new page with the running header.
func (d *Doc) AddPage() {
	d.pdf.AddPage()
	d.pdf.SetXY(marginL, marginT)
}

// y is where the next block starts.
func (d *Doc) y() float64 { return d.pdf.GetY() }

// need starts a new page when fewer than h millimetres remain.
func (d *Doc) need(h float64) {
	if d.y()+h > bottom {
		d.AddPage()
	}
}

// space adds vertical space.
func (d *Doc) space(h float64) { d.pdf.SetY(d.y() + h) }

// Cover is the title page.
type Cover struct {
	Kicker   string // small line above the title, e.g. "ANNUAL EVALUATION · 年度评审"
	Title    string // the account
	Subtitle string // the period
	Lines    [][2]string
	Mark     string // confidentiality mark
}

// Cover draws the title page: an accent band, the title, the facts and the mark.
func (d *Doc) Cover(c Cover) {
	d.pdf.AddPage()
	d.bare[d.pdf.PageNo()] = true
	d.fill(Accent)
	d.pdf.Rect(0, 0, pageW, 96, "F")
	d.fill(RGB{25, 66, 180})
	d.pdf.Rect(0, 96, pageW, 3, "F")
	d.color(RGB{199, 214, 255})
	d.font(9, true)
	d.put(marginL, 34, c.Kicker)
	d.color(White)
	d.font(24, true)
	y := 50.0
	for _, l := range d.wrap(c.Title, contentW) {
		d.put(marginL, y, l)
		y += 24 * ptToMM * 1.25
	}
	d.font(12, false)
	d.put(marginL, y+2, c.Subtitle)

	d.pdf.SetY(120)
	for _, kv := range c.Lines {
		d.font(8.5, false)
		d.color(Muted)
		d.put(marginL, d.y(), kv[0])
		d.font(10.5, false)
		d.color(Ink)
		d.put(marginL+48, d.y(), kv[1])
		d.space(9)
	}
	if c.Mark != "" {
		d.font(8.5, true)
		d.color(Bad)
		w := d.width(c.Mark) + 8
		d.stroke(Bad)
		d.pdf.SetLineWidth(0.4)
		d.pdf.RoundedRect(marginL, pageH-48, w, 9, 1.5, "1234", "D")
		d.put(marginL+4, pageH-42.2, c.Mark)
	}
	d.font(8, false)
	d.color(Faint)
	d.put(marginL, pageH-20, "Keystone 基石 · "+d.opt.Created.Format("2006-01-02"))
}

// Contents reserves the next page for the table of contents, filled in when
// the document is written (page numbers are known only then).
func (d *Doc) Contents() {
	d.AddPage()
	d.tocPage = d.pdf.PageNo()
}

// Section starts a numbered section on a new page, with a bookmark and a
// contents entry.
func (d *Doc) Section(title string) {
	d.AddPage()
	d.section(title)
}

// Flow starts a numbered section on the current page when at least room
// millimetres remain below a gap, else on a new page: short sections then
// share a page instead of leaving most of one blank.
func (d *Doc) Flow(title string, room float64) {
	if d.pdf.PageNo() == 0 || d.pdf.PageNo() == d.tocPage || d.bare[d.pdf.PageNo()] || d.y()+14+room > bottom {
		d.AddPage()
	} else {
		d.space(8)
		d.stroke(Rule)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(marginL, d.y(), marginL+contentW, d.y())
		d.space(6)
	}
	d.section(title)
}

func (d *Doc) section(title string) {
	d.sections++
	link := d.pdf.AddLink()
	d.pdf.SetLink(link, d.y(), -1)
	full := fmt.Sprintf("%d  %s", d.sections, title)
	d.toc = append(d.toc, tocEntry{title: full, level: 0, page: d.pdf.PageNo(), link: link})
	d.pdf.Bookmark(full, 0, d.y())
	d.font(17, true)
	d.color(Ink)
	d.put(marginL, d.y()+6, full)
	d.stroke(Accent)
	d.pdf.SetLineWidth(0.8)
	d.pdf.Line(marginL, d.y()+10, marginL+14, d.y()+10)
	d.space(17)
}

// Heading is a sub-heading inside a section, kept with what follows.
func (d *Doc) Heading(title string) {
	d.need(40) // a heading never ends a page: it keeps a row of tiles or a few lines with it
	d.space(2)
	d.font(11.5, true)
	d.color(Ink)
	d.put(marginL, d.y()+4.5, title)
	d.space(8.5)
}

// Paragraph sets text in the body face, wrapped with the 禁则 rules.
func (d *Doc) Paragraph(text string) {
	d.text(text, marginL, contentW, 9.5, false, Ink, 1.55)
	d.space(2.5)
}

// Note sets small muted text (sources, footnotes).
func (d *Doc) Note(text string) {
	d.text(text, marginL, contentW, 7.5, false, Muted, 1.45)
	d.space(2)
}

// text draws wrapped lines from the current y, breaking pages between lines.
func (d *Doc) text(s string, x, w, size float64, bold bool, c RGB, leading float64) {
	d.font(size, bold)
	d.color(c)
	lh := size * ptToMM * leading
	for _, line := range d.wrap(s, w) {
		d.need(lh)
		d.put(x, d.y()+size*ptToMM, line)
		d.space(lh)
	}
}

// Output writes the PDF: the contents page is filled in first.
func (d *Doc) Output(w io.Writer) error {
	if d.tocPage > 0 {
		d.drawContents()
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return nil
}

func (d *Doc) drawContents() {
	last := d.pdf.PageNo()
	d.pdf.SetPage(d.tocPage)
	d.font(17, true)
	d.color(Ink)
	d.put(marginL, marginT+6, d.T("Contents", "目录"))
	y := marginT + 22
	for _, e := range d.toc {
		d.font(10.5, false)
		d.color(Ink)
		d.put(marginL, y, e.title)
		num := fmt.Sprint(e.page)
		d.color(Muted)
		d.put(pageW-marginR-d.width(num), y, num)
		// dotted leader between title and page number
		d.stroke(Rule)
		d.pdf.SetLineWidth(0.25)
		d.pdf.SetDashPattern([]float64{0.4, 1.2}, 0)
		d.pdf.Line(marginL+d.width(e.title)+3, y-0.6, pageW-marginR-d.width(num)-3, y-0.6)
		d.pdf.SetDashPattern(nil, 0)
		d.pdf.Link(marginL, y-5, contentW, 7, e.link)
		y += 9
	}
	d.pdf.SetPage(last)
}

// Pages is the number of pages so far.
func (d *Doc) Pages() int { return d.pdf.PageCount() }

// put draws s at (x, y) with what the font lacks made visible.
func (d *Doc) put(x, y float64, s string) { d.pdf.Text(x, y, visible(s)) }

// width measures s as put draws it.
func (d *Doc) width(s string) float64 { return d.pdf.GetStringWidth(visible(s)) }

// wrap breaks s into lines of the current font no wider than w.
func (d *Doc) wrap(s string, w float64) []string {
	return wrap(visible(s), w, d.pdf.GetStringWidth)
}

// clip shortens s with an ellipsis to fit w in the current font.
func (d *Doc) clip(s string, w float64) string {
	return clip(visible(s), w, d.pdf.GetStringWidth)
}

// Title opens a page without a cover: a small kicker, a large title and a
// subtitle, for one-page documents.
func (d *Doc) Title(kicker, title, subtitle string) {
	d.font(8, true)
	d.color(Accent)
	d.put(marginL, d.y()+3, kicker)
	d.font(19, true)
	d.color(Ink)
	d.put(marginL, d.y()+12, d.clip(title, contentW))
	d.font(9.5, false)
	d.color(Muted)
	d.put(marginL, d.y()+18.5, d.clip(subtitle, contentW))
	d.stroke(Accent)
	d.pdf.SetLineWidth(0.8)
	d.pdf.Line(marginL, d.y()+22, marginL+14, d.y()+22)
	d.space(27)
}
