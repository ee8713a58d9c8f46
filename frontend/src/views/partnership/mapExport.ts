// The relationship map as one self-contained PNG: a header (account, title,
// date), the legend, the chart as drawn, and the red flags and influence
// lines beside it — an image that still reads when pasted into a slide or a
// mail, away from the app. Drawn on a canvas; the line breaking is pure so it
// is tested without one.

export interface LegendItem {
  kind: 'level' | 'ring' | 'dash'
  color: string
  label: string
}

export interface MapSheet {
  title: string
  subtitle: string
  legend: LegendItem[]
  flagsTitle: string
  flags: string[]
  noFlags: string
  linesTitle: string
  lines: string[]
  colors: { background: string; text: string; muted: string; flag: string; rule: string }
  font: string
}

/** Characters a line may not start with (Chinese line-breaking rules). */
const NO_START = '，。、；：！？）》」』”’,.;:!?)]}'
/** Characters a line may not end with. */
const NO_END = '（《「『“‘([{'

/**
 * Breaks text into lines no wider than width: Latin text at spaces, Chinese
 * between any two characters, never starting a line with closing
 * punctuation or ending one with opening punctuation. A single word wider
 * than the line is cut where it must be.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = []
  for (const para of text.split('\n')) {
    // tokens: a word of a spaced script with the punctuation and space after it, or one character
    const tokens = para.match(/[^\s\p{Script=Han}\p{P}]+\p{P}*\s*|\s+|./gsu) ?? []
    let line = ''
    for (const tok of tokens) {
      const next = line + tok
      if (!line || measure(next.trimEnd()) <= width) {
        line = next
        continue
      }
      // keep closing punctuation with the line before, opening with the line after
      if (NO_START.includes(tok[0]!)) {
        line = next
        continue
      }
      let carry = ''
      while (line.length > 1 && NO_END.includes(line.trimEnd().slice(-1))) {
        carry = line.trimEnd().slice(-1) + carry
        line = line.trimEnd().slice(0, -1)
      }
      out.push(...cut(line.trimEnd(), width, measure))
      line = (carry + tok).trimStart()
    }
    out.push(...cut(line.trimEnd(), width, measure))
  }
  return out
}

/**
 * A line still too wide (one long word) cut character by character; closing
 * punctuation may hang past the width rather than start the next line.
 */
function cut(line: string, width: number, measure: (s: string) => number): string[] {
  const body = NO_START.includes(line.slice(-1)) ? line.slice(0, -1) : line
  if (measure(body) <= width) return [line]
  const out: string[] = []
  let cur = ''
  for (const ch of line) {
    if (cur && measure(cur + ch) > width && !NO_START.includes(ch)) {
      out.push(cur)
      cur = ''
    }
    cur += ch
  }
  out.push(cur)
  return out
}

const PAD = 24
const SIDE = 300
const GAP = 24

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('the chart image could not be read'))
    img.src = url
  })
}

/**
 * Composes the sheet around the chart image (a data URL from ECharts'
 * getDataURL at the given pixel ratio) and returns the PNG.
 */
export async function composeMapPng(chartUrl: string, ratio: number, sheet: MapSheet): Promise<Blob> {
  const chart = await loadImage(chartUrl)
  const cw = chart.naturalWidth / ratio
  const ch = chart.naturalHeight / ratio
  const probe = document.createElement('canvas').getContext('2d')
  if (!probe) throw new Error('no canvas')
  const font = (size: number, weight = 400) => `${weight} ${size}px ${sheet.font}`
  const measureWith = (f: string) => (s: string) => {
    probe.font = f
    return probe.measureText(s).width
  }

  // the side column's lines, measured before the canvas is sized
  const sideWidth = SIDE - 16
  const flagLines = (sheet.flags.length ? sheet.flags : [sheet.noFlags]).map((f) => wrapText(f, sideWidth - 14, measureWith(font(12.5))))
  const lineLines = sheet.lines.map((l) => wrapText(l, sideWidth, measureWith(font(12.5))))
  const sideHeight = 22 + flagLines.reduce((n, l) => n + l.length * 18 + 4, 0) + (sheet.lines.length ? 22 + 14 + lineLines.reduce((n, l) => n + l.length * 18 + 2, 0) : 0)
  const headHeight = 66
  const legendHeight = 28
  const width = PAD + cw + GAP + SIDE + PAD
  const height = PAD + headHeight + legendHeight + Math.max(ch, sideHeight) + PAD

  const canvas = document.createElement('canvas')
  canvas.width = Math.round(width * ratio)
  canvas.height = Math.round(height * ratio)
  const g = canvas.getContext('2d')
  if (!g) throw new Error('no canvas')
  g.scale(ratio, ratio)
  g.fillStyle = sheet.colors.background
  g.fillRect(0, 0, width, height)
  g.textBaseline = 'top'

  // header
  let y = PAD
  g.fillStyle = sheet.colors.text
  g.font = font(20, 700)
  g.fillText(sheet.title, PAD, y)
  g.fillStyle = sheet.colors.muted
  g.font = font(12.5)
  g.fillText(sheet.subtitle, PAD, y + 30)
  y += headHeight
  g.strokeStyle = sheet.colors.rule
  g.lineWidth = 1
  g.beginPath()
  g.moveTo(PAD, y - 12.5)
  g.lineTo(width - PAD, y - 12.5)
  g.stroke()

  // legend
  let x = PAD
  g.font = font(12)
  for (const item of sheet.legend) {
    const cy = y + 8
    if (item.kind === 'level') {
      g.fillStyle = item.color
      g.beginPath()
      g.arc(x + 8, cy, 8, 0, Math.PI * 2)
      g.fill()
      g.fillStyle = '#fff'
      g.font = font(10.5, 600)
      g.textAlign = 'center'
      g.fillText(item.label, x + 8, cy - 6)
      g.textAlign = 'left'
      g.font = font(12)
      x += 20
      continue
    }
    x += 8
    if (item.kind === 'ring') {
      g.strokeStyle = item.color
      g.lineWidth = 3
      g.beginPath()
      g.arc(x + 6, cy, 5, 0, Math.PI * 2)
      g.stroke()
      x += 16
    } else {
      g.strokeStyle = item.color
      g.lineWidth = 2
      g.setLineDash([5, 3])
      g.beginPath()
      g.moveTo(x, cy)
      g.lineTo(x + 22, cy)
      g.stroke()
      g.setLineDash([])
      x += 28
    }
    g.fillStyle = sheet.colors.text
    g.fillText(item.label, x, cy - 7)
    x += g.measureText(item.label).width + 6
  }
  y += legendHeight

  // the chart, then the side column with its rule
  g.drawImage(chart, PAD, y, cw, ch)
  const sx = PAD + cw + GAP
  g.strokeStyle = sheet.colors.rule
  g.lineWidth = 1
  g.beginPath()
  g.moveTo(sx - GAP / 2 + 0.5, y)
  g.lineTo(sx - GAP / 2 + 0.5, y + Math.max(ch, sideHeight))
  g.stroke()

  let sy = y
  g.fillStyle = sheet.colors.flag
  g.font = font(13.5, 700)
  g.fillText(`⚑ ${sheet.flagsTitle} ${sheet.flags.length}`, sx, sy)
  sy += 22
  g.font = font(12.5)
  for (const lines of flagLines) {
    g.fillStyle = sheet.flags.length ? sheet.colors.flag : sheet.colors.muted
    if (sheet.flags.length) g.fillText('•', sx, sy)
    for (const l of lines) {
      g.fillText(l, sx + 14, sy)
      sy += 18
    }
    sy += 4
  }
  if (sheet.lines.length) {
    sy += 14
    g.fillStyle = sheet.colors.text
    g.font = font(13.5, 700)
    g.fillText(sheet.linesTitle, sx, sy)
    sy += 22
    g.font = font(12.5)
    for (const lines of lineLines) {
      for (const l of lines) {
        g.fillText(l, sx, sy)
        sy += 18
      }
      sy += 2
    }
  }

  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be made'))), 'image/png')
  })
}
