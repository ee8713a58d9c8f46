// The portfolio charts' ECharts pieces (registered once) and their options,
// built by plain functions so the tests can read what a chart would draw.
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { LineChart, ScatterChart } from 'echarts/charts'
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components'
import type { Defence, MatrixPoint, ParetoView, Quadrant, Tier, ValueClass, ValueRow } from '@/api/portfolio'
import { DEFENCES, QUADRANTS } from '@/api/portfolio'
import { escapeHtml } from '@/views/accounts/workspace/charts'
import { ABC_COLORS, bubbleSize, CLASS_COLORS, DEFENCE_COLORS, QUADRANT_COLORS, tierColor, UNTIERED_COLOR } from './model'

use([CanvasRenderer, ScatterChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent,
  MarkLineComponent, DataZoomComponent])

export { useChartColors, escapeHtml } from '@/views/accounts/workspace/charts'

export interface ChartColors {
  text: string
  muted: string
  split: string
  axis: string
  tooltipBg: string
  tooltipText: string
  font: string
  primary: string
}

export interface MatrixTexts {
  attractiveness: string
  strength: string
  quadrant: (q: Quadrant) => string
  strategy: (q: Quadrant) => string
  tier: (key: string) => string
  untiered: string
  /** tooltip lines of a point (already in the UI language) */
  details: (p: MatrixPoint) => string[]
  /** the second view's axis and classes; needed only for plane "vulnerability" */
  vulnerability?: string
  defence?: (d: Defence) => string
  defenceAdvice?: (d: Defence) => string
}

/**
 * Which plane the bubbles sit on: the matrix (x = our strength) or the
 * second view (x = vulnerability), both against attractiveness.
 */
export type MatrixPlane = 'strength' | 'vulnerability'

/** The points a plane draws, in the order the series data index them. */
export function plottedPoints(points: readonly MatrixPoint[], plane: MatrixPlane = 'strength'): MatrixPoint[] {
  return points.filter((p) => p.scored && (plane === 'strength' || p.vulnerability !== null))
}

/** The point's place in the series data: [x, attractiveness, size, index]. */
type Datum = [number, number, number, number]

/** A region behind the bubbles: its key, colour, names and [x0, x1, y0, y1]. */
interface Region {
  key: string
  color: string
  name: string
  advice: string
  bounds: [number, number, number, number]
  right: boolean
  top: boolean
}

/**
 * The matrix: one scatter series per tier (so the legend toggles tiers and
 * each series draws in one colour), quadrant tints and names behind, the cut
 * lines, and in `full` mode zoom/pan inside the grid. Bubble area follows
 * revenue.
 */
export function matrixOption(points: readonly MatrixPoint[], tiers: readonly Tier[], cut: number, c: ChartColors,
  tx: MatrixTexts, opts: { full?: boolean; labels?: boolean; plane?: MatrixPlane; vulnerableFrom?: number } = {}) {
  const vuln = opts.plane === 'vulnerability'
  const scored = plottedPoints(points, opts.plane)
  const xOf = (p: MatrixPoint) => (vuln ? p.vulnerability ?? 0 : p.strength)
  const maxRev = scored.reduce((m, p) => Math.max(m, p.revenueKnown ? p.revenue : 0), 0)
  const groups = new Map<string, Datum[]>()
  for (const t of tiers) groups.set(t.key, [])
  scored.forEach((p, i) => {
    const key = groups.has(p.tier) ? p.tier : ''
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key)!.push([xOf(p), p.attractiveness, bubbleSize(p.revenueKnown ? p.revenue : 0, maxRev,
      opts.full ? 7 : 5, opts.full ? 46 : 26), i])
  })
  const labels = opts.labels ?? (opts.full === true && scored.length <= 30)
  const area = (r: Region) => {
    const [x0, x1, y0, y1] = r.bounds
    return [
      {
        name: r.key,
        xAxis: x0, yAxis: y0,
        itemStyle: { color: `${r.color}12` },
        label: {
          show: true,
          position: `inside${r.top ? 'Top' : 'Bottom'}${r.right ? 'Right' : 'Left'}`,
          color: r.color,
          fontWeight: 600,
          fontSize: opts.full ? 12 : 11,
          lineHeight: 16,
          formatter: opts.full ? `${r.name}\n{s|${r.advice}}` : r.name,
          rich: { s: { color: c.muted, fontWeight: 400, fontSize: 11 } },
        },
      },
      { xAxis: x1, yAxis: y1 },
    ]
  }
  const xMin = vuln ? 0 : 1
  const xCut = vuln ? opts.vulnerableFrom ?? 5 : cut
  const regions: Region[] = vuln
    ? DEFENCES.map((d) => {
        const right = d === 'defend' || d === 'question'
        const top = d === 'defend' || d === 'secure'
        return { key: d, color: DEFENCE_COLORS[d], name: tx.defence?.(d) ?? d, advice: tx.defenceAdvice?.(d) ?? '', right, top,
          bounds: [right ? xCut : xMin, right ? 10 : xCut, top ? cut : 1, top ? 10 : cut] }
      })
    : QUADRANTS.map((q) => {
        const right = q === 'strategic' || q === 'status'
        const top = q === 'strategic' || q === 'star'
        return { key: q, color: QUADRANT_COLORS[q], name: tx.quadrant(q), advice: tx.strategy(q), right, top,
          bounds: [right ? cut : xMin, right ? 10 : cut, top ? cut : 1, top ? 10 : cut] }
      })
  const series: Record<string, unknown>[] = [...groups.entries()].map(([key, data], k) => ({
    type: 'scatter',
    name: key ? tx.tier(key) : tx.untiered,
    id: `tier-${key || 'none'}`,
    data,
    symbolSize: (d: Datum) => d[2],
    itemStyle: { color: key ? tierColor(tiers, key) : UNTIERED_COLOR, opacity: 0.78, borderColor: c.tooltipBg, borderWidth: 1 },
    // dimming every other bubble repaints them all; past a few hundred, only the hovered one changes
    emphasis: { focus: scored.length > 300 ? 'none' : 'self', scale: 1.15, itemStyle: { opacity: 1 } },
    label: labels
      ? { show: true, position: 'right', color: c.text, fontSize: 11, formatter: (x: { data: Datum }) => scored[x.data[3]]?.name ?? '' }
      : { show: false },
    labelLayout: labels ? { hideOverlap: true } : undefined,
    // the quadrants and cut lines ride on the first series only
    ...(k === 0
      ? {
          markArea: { silent: true, data: regions.map(area) },
          markLine: {
            silent: true, symbol: 'none', label: { show: false },
            lineStyle: { color: c.axis, type: 'dashed', width: 1 },
            data: [{ xAxis: xCut }, { yAxis: cut }],
          },
        }
      : {}),
    z: 3,
    animation: scored.length < 400,
    progressive: 0,
  }))
  const axis = (name: string, gap: number, min = 1) => ({
    type: 'value', min, max: 10, interval: 1, name, nameLocation: 'middle', nameGap: gap,
    nameTextStyle: { color: c.muted, fontSize: 12 }, axisLabel: { color: c.muted },
    splitLine: { show: opts.full === true, lineStyle: { color: c.split, opacity: 0.5 } },
    axisLine: { lineStyle: { color: c.axis } },
  })
  return {
    // hover highlights draw on their own layer instead of repainting the chart
    hoverLayerThreshold: 300,
    textStyle: { fontFamily: c.font, color: c.text },
    grid: opts.full
      ? { left: 16, right: labels ? 110 : 28, top: 40, bottom: 16, containLabel: true }
      : { left: 4, right: 12, top: 8, bottom: 4, containLabel: true },
    legend: opts.full
      ? { top: 0, left: 0, textStyle: { color: c.text }, itemGap: 16, icon: 'circle', itemWidth: 10, itemHeight: 10 }
      : { show: false },
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: c.tooltipBg,
      borderColor: c.split,
      textStyle: { color: c.tooltipText, fontFamily: c.font, fontSize: 12 },
      formatter: (e: { data?: Datum; seriesType?: string }) => {
        const p = e.seriesType === 'scatter' && e.data ? scored[e.data[3]] : undefined
        if (!p) return ''
        return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(p.name)}</div>` +
          tx.details(p).map((l) => `<div>${escapeHtml(l)}</div>`).join('')
      },
    },
    dataZoom: opts.full
      ? [
          { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
          { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
        ]
      : [],
    xAxis: axis(vuln ? tx.vulnerability ?? '' : tx.strength, 26, xMin),
    yAxis: axis(tx.attractiveness, 28),
    series,
  }
}

/** The account a matrix click landed on. */
export function matrixPointAt(points: readonly MatrixPoint[], e: { seriesType?: string; data?: unknown },
  plane: MatrixPlane = 'strength'): MatrixPoint | undefined {
  if (e.seriesType !== 'scatter' || !Array.isArray(e.data)) return undefined
  return plottedPoints(points, plane)[Number(e.data[3])]
}

export interface ParetoTexts {
  x: string
  y: string
  cls: (c: 'A' | 'B' | 'C') => string
  point: (rank: number) => string[]
}

/**
 * The concentration curve: cumulative share of the value against the share
 * of accounts (ranked largest first), the A/B/C ranges shaded, the limits and
 * the even-spread diagonal drawn for comparison.
 */
export function paretoOption(v: ParetoView, c: ChartColors, tx: ParetoTexts, opts: { compact?: boolean } = {}) {
  const rows = v.rows
  const n = rows.length
  const data: [number, number, number][] = [[0, 0, 0]]
  rows.forEach((r, i) => data.push([((i + 1) / n) * 100, r.cumulative, i + 1]))
  // where each class ends along the accounts axis
  const end = (cls: 'A' | 'B' | 'C') => {
    let last = -1
    rows.forEach((r, i) => { if (r.class === cls) last = i })
    return last < 0 ? null : ((last + 1) / n) * 100
  }
  const aEnd = end('A') ?? 0
  const bEnd = end('B') ?? aEnd
  const bands = [
    ['A', 0, aEnd], ['B', aEnd, bEnd], ['C', bEnd, 100],
  ].filter(([, x0, x1]) => (x1 as number) > (x0 as number)) as ['A' | 'B' | 'C', number, number][]
  return {
    textStyle: { fontFamily: c.font, color: c.text },
    grid: opts.compact
      ? { left: 4, right: 12, top: 10, bottom: 4, containLabel: true }
      : { left: 12, right: 24, top: 24, bottom: 12, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: c.tooltipBg,
      borderColor: c.split,
      textStyle: { color: c.tooltipText, fontFamily: c.font, fontSize: 12 },
      formatter: (ps: Array<{ data: [number, number, number] }>) => {
        const d = ps[0]?.data
        if (!d || d[2] === 0) return ''
        return tx.point(d[2]).map((l, i) => (i === 0 ? `<div style="font-weight:600">${escapeHtml(l)}</div>` : `<div>${escapeHtml(l)}</div>`)).join('')
      },
    },
    xAxis: {
      type: 'value', min: 0, max: 100, name: opts.compact ? '' : tx.x, nameLocation: 'middle', nameGap: 26,
      nameTextStyle: { color: c.muted }, axisLabel: { color: c.muted, formatter: '{value}%' },
      splitLine: { show: false }, axisLine: { lineStyle: { color: c.axis } },
    },
    yAxis: {
      type: 'value', min: 0, max: 100, name: opts.compact ? '' : tx.y, nameLocation: 'middle', nameGap: 40,
      nameTextStyle: { color: c.muted }, axisLabel: { color: c.muted, formatter: '{value}%' },
      splitLine: { lineStyle: { color: c.split, opacity: 0.6 } },
    },
    series: [
      {
        type: 'line',
        name: 'cumulative',
        data,
        showSymbol: false,
        smooth: false,
        lineStyle: { width: 2.5, color: c.primary },
        areaStyle: { color: c.primary, opacity: 0.08 },
        markArea: {
          silent: true,
          data: bands.map(([cls, x0, x1]) => [
            {
              xAxis: x0,
              itemStyle: { color: `${ABC_COLORS[cls]}14` },
              label: { show: x1 - x0 > 6, position: 'insideBottom', distance: 8, color: ABC_COLORS[cls], fontWeight: 600, formatter: tx.cls(cls) },
            },
            { xAxis: x1 },
          ]),
        },
        markLine: {
          silent: true, symbol: 'none',
          lineStyle: { color: c.axis, type: 'dashed', width: 1 },
          label: { show: !opts.compact, position: 'insideEndTop', color: c.muted, formatter: '{c}%' },
          data: [{ yAxis: v.limitA }, { yAxis: v.limitB }],
        },
        z: 3,
      },
      {
        type: 'line',
        name: 'even',
        data: [[0, 0], [100, 100]],
        showSymbol: false,
        silent: true,
        lineStyle: { width: 1, type: 'dotted', color: c.muted },
        tooltip: { show: false },
      },
    ],
  }
}

export interface ValueTexts {
  x: string
  y: string
  cls: (c: ValueClass) => string
  details: (r: ValueRow) => string[]
  money: (minor: number) => string
}

/** Perceived value (1–10) against lifetime value, cut into the four classes. */
export function valueOption(rows: readonly ValueRow[], cpvCut: number, clvCut: number, c: ChartColors, tx: ValueTexts) {
  const placed = rows.filter((r) => r.perceived !== null && r.class !== '' && r.problem === '')
  const xs = placed.map((r) => r.clv)
  const xMax = Math.max(clvCut * 2, ...xs, 1) * 1.05
  const xMin = Math.min(0, ...xs)
  const zone = (cls: ValueClass, x0: number, x1: number, y0: number, y1: number, pos: string) => [
    {
      xAxis: x0, yAxis: y0,
      itemStyle: { color: `${CLASS_COLORS[cls]}12` },
      label: { show: true, position: pos, color: CLASS_COLORS[cls], fontWeight: 600, fontSize: 12, formatter: tx.cls(cls) },
    },
    { xAxis: x1, yAxis: y1 },
  ]
  return {
    textStyle: { fontFamily: c.font, color: c.text },
    grid: { left: 16, right: 28, top: 20, bottom: 16, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: c.tooltipBg,
      borderColor: c.split,
      textStyle: { color: c.tooltipText, fontFamily: c.font, fontSize: 12 },
      formatter: (e: { data?: [number, number, number] }) => {
        const r = e.data ? placed[e.data[2]] : undefined
        if (!r) return ''
        return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(r.name)}</div>` +
          tx.details(r).map((l) => `<div>${escapeHtml(l)}</div>`).join('')
      },
    },
    xAxis: {
      type: 'value', min: xMin, max: xMax, name: tx.x, nameLocation: 'middle', nameGap: 28,
      nameTextStyle: { color: c.muted }, axisLabel: { color: c.muted, formatter: (v: number) => tx.money(v) },
      splitLine: { show: false }, axisLine: { lineStyle: { color: c.axis } },
    },
    yAxis: {
      type: 'value', min: 1, max: 10, interval: 1, name: tx.y, nameLocation: 'middle', nameGap: 28,
      nameTextStyle: { color: c.muted }, axisLabel: { color: c.muted }, splitLine: { show: false },
      axisLine: { lineStyle: { color: c.axis } },
    },
    series: [
      {
        type: 'scatter',
        data: placed.map((r, i) => ({ value: [r.clv, r.perceived ?? 0, i], itemStyle: { color: CLASS_COLORS[r.class as ValueClass] } })),
        symbolSize: 11,
        itemStyle: { opacity: 0.8, borderColor: c.tooltipBg, borderWidth: 1 },
        emphasis: { focus: 'self', scale: 1.3 },
        markArea: {
          silent: true,
          data: [
            zone('core', clvCut, xMax, cpvCut, 10, 'insideTopRight'),
            zone('over_served', xMin, clvCut, cpvCut, 10, 'insideTopLeft'),
            zone('potential', clvCut, xMax, 1, cpvCut, 'insideBottomRight'),
            zone('marginal', xMin, clvCut, 1, cpvCut, 'insideBottomLeft'),
          ],
        },
        markLine: {
          silent: true, symbol: 'none', label: { show: false },
          lineStyle: { color: c.axis, type: 'dashed', width: 1 },
          data: [{ xAxis: clvCut }, { yAxis: cpvCut }],
        },
      },
    ],
  }
}
