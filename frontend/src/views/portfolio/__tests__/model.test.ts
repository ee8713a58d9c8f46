import { describe, expect, it } from 'vitest'
import { DEFAULTS, point, scores } from './harness'
import {
  blankScores, bubbleSize, clv, filterFromQuery, filterToQuery, localName, quadrantOf, scoreIndex, tabFromQuery, tierColor,
  tierName, TIER_COLORS, UNTIERED_COLOR, weightSum,
} from '../model'
import { matrixOption, matrixPointAt, paretoOption } from '../charts'
import type { ChartColors, MatrixTexts } from '../charts'
import type { ParetoView } from '@/api/portfolio'

describe('scoreIndex', () => {
  it('is Σ(weight × score) / 100, as the Go core computes it', () => {
    const s = scores(DEFAULTS.attractiveness, 6)
    expect(scoreIndex(DEFAULTS.attractiveness, s)).toBe(6)
    s[0]!.score = 10 // future revenue, weight 25: 6 + 0.25·4
    expect(scoreIndex(DEFAULTS.attractiveness, s)).toBe(7)
    s[1]!.score = 7 // + 0.15
    expect(scoreIndex(DEFAULTS.attractiveness, s)).toBe(7.15)
  })

  it('counts a criterion without a score as nothing', () => {
    expect(scoreIndex(DEFAULTS.strength, scores(DEFAULTS.strength.slice(1), 10))).toBe(7.5)
  })
})

describe('quadrantOf', () => {
  it.each([
    [5.5, 5.5, 'strategic'], // exactly at the cut is high
    [5.49, 5.5, 'status'],
    [5.5, 5.49, 'star'],
    [5.49, 5.49, 'streamline'],
    [10, 1, 'star'],
    [1, 10, 'status'],
  ])('attractiveness %s, strength %s → %s', (a, s, q) => {
    expect(quadrantOf(a, s, 5.5)).toBe(q)
  })
})

describe('bubbleSize', () => {
  it('gives area in proportion to revenue (sqrt scale) between the min and max', () => {
    expect(bubbleSize(100, 100, 10, 50)).toBe(50)
    expect(bubbleSize(25, 100, 10, 50)).toBe(30) // a quarter of the revenue: half the way
    expect(bubbleSize(0, 100, 10, 50)).toBe(10)
    expect(bubbleSize(-5, 100, 10, 50)).toBe(10) // credit notes
    expect(bubbleSize(100, 0, 10, 50)).toBe(10) // nobody has revenue
  })
})

describe('weights and names', () => {
  it('sums weights, ignoring a cleared field', () => {
    expect(weightSum(DEFAULTS.attractiveness)).toBe(100)
    expect(weightSum([{ key: 'a', en: 'A', zh: '', weight: 40 }, { key: 'b', en: 'B', zh: '', weight: Number.NaN }])).toBe(40)
  })

  it('names things in the UI language, falling back to the other', () => {
    expect(localName({ en: 'Top', zh: '顶层客户' }, 'zh-CN')).toBe('顶层客户')
    expect(localName({ en: 'Top', zh: '' }, 'zh-CN')).toBe('Top')
    expect(localName({ en: '', zh: '顶层' }, 'en')).toBe('顶层')
    expect(tierName(DEFAULTS.tiers, 'develop', 'en')).toBe('Development account')
    expect(tierName(DEFAULTS.tiers, 'gone', 'en')).toBe('gone')
  })

  it('colours tiers by rank and an unknown tier grey', () => {
    expect(tierColor(DEFAULTS.tiers, 'strategic')).toBe(TIER_COLORS[0])
    expect(tierColor(DEFAULTS.tiers, 'maintain')).toBe(TIER_COLORS[3])
    expect(tierColor(DEFAULTS.tiers, '')).toBe(UNTIERED_COLOR)
  })

  it('seeds a new score sheet from the previous card where the criterion still exists', () => {
    const prev = [{ key: 'future_revenue', score: 9, note: 'old note' }, { key: 'gone', score: 2, note: '' }]
    const sheet = blankScores(DEFAULTS.attractiveness, prev)
    expect(sheet.map((s) => s.score)).toEqual([9, 5, 5, 5, 5, 5])
    expect(sheet[0]!.note).toBe('')
  })
})

describe('clv', () => {
  it('follows the worked example: m = 100, r = 0.8, i = 0.1 gives 266.67', () => {
    expect(clv(100, 0.8, 0.1, 0)).toBeCloseTo(266.67, 2)
    expect(clv(100, 0.8, 0.1, 50)).toBeCloseTo(216.67, 2)
  })

  it('refuses what the core refuses', () => {
    expect(clv(-1, 0.8, 0.1, 0)).toBeNull()
    expect(clv(100, 1, 0, 0)).toBeNull() // r ≥ 1 + i diverges
    expect(clv(100, 1.2, 0.1, 0)).toBeNull()
    expect(clv(100, 0.8, 0.1, -1)).toBeNull()
  })
})

describe('the address', () => {
  it('round-trips the filter and leaves empty values out', () => {
    const f = { year: 2024, owner: '王磊', segment: 'enterprise', tier: 'key' }
    expect(filterFromQuery(filterToQuery(f) as Record<string, string>)).toEqual(f)
    expect(filterToQuery({ year: 0, owner: '', segment: '', tier: '' })).toEqual({ year: undefined, owner: undefined, segment: undefined, tier: undefined })
  })

  it('ignores nonsense', () => {
    expect(filterFromQuery({ year: 'abc', owner: ['a', 'b'] })).toEqual({ year: 0, owner: '', segment: '', tier: '' })
    expect(tabFromQuery('pyramid')).toBe('pyramid')
    expect(tabFromQuery('nope')).toBe('matrix')
  })
})

const colors: ChartColors = { text: '#111', muted: '#666', split: '#eee', axis: '#ccc', tooltipBg: '#fff', tooltipText: '#000', font: 'sans', primary: '#2f5bb7' }
const texts: MatrixTexts = {
  attractiveness: 'A', strength: 'S', quadrant: (q) => q, strategy: (q) => `do ${q}`, tier: (k) => `tier ${k}`, untiered: 'none',
  details: (p) => [p.name],
}

describe('matrixOption', () => {
  const pts = [
    point({ accountId: 'big', tier: 'strategic', revenue: 400, strength: 8, attractiveness: 9 }),
    point({ accountId: 'small', tier: 'key', revenue: 100, strength: 3, attractiveness: 7, quadrant: 'star' }),
    point({ accountId: 'unscored', scored: false, tier: '', quadrant: '' }),
    point({ accountId: 'odd', tier: 'platinum', revenue: 0, revenueKnown: false }),
  ]
  const opt = matrixOption(pts, DEFAULTS.tiers, 5.5, colors, texts, { full: true })
  const series = opt.series as Array<{ name: string; data: [number, number, number, number][]; markLine?: { data: unknown[] } }>

  it('draws one series per tier, scored accounts only, x = strength and y = attractiveness', () => {
    expect(series.map((s) => s.name)).toEqual(['tier strategic', 'tier key', 'tier develop', 'tier maintain', 'none'])
    expect(series[0]!.data.map((d) => [d[0], d[1]])).toEqual([[8, 9]])
    expect(series[4]!.data).toHaveLength(1) // a tier no longer in the settings
    expect(series.flatMap((s) => s.data)).toHaveLength(3)
  })

  it('sizes bubbles by the square root of revenue', () => {
    const big = series[0]!.data[0]![2]
    const small = series[1]!.data[0]![2]
    expect(small - 7).toBeCloseTo((big - 7) / 2, 5)
  })

  it('cuts both axes and names the quadrants with their strategies', () => {
    expect(series[0]!.markLine!.data).toEqual([{ xAxis: 5.5 }, { yAxis: 5.5 }])
    const areas = (series[0] as unknown as { markArea: { data: Array<[{ name: string; label: { formatter: string } }]> } }).markArea.data
    expect(areas.map((a) => a[0].name)).toEqual(['strategic', 'star', 'status', 'streamline'])
    expect(areas[0]![0].label.formatter).toContain('do strategic')
  })

  it('finds the account a click landed on', () => {
    const d = series[1]!.data[0]!
    expect(matrixPointAt(pts, { seriesType: 'scatter', data: d })?.accountId).toBe('small')
    expect(matrixPointAt(pts, { seriesType: 'line', data: d })).toBeUndefined()
  })
})

describe('matrixOption on the vulnerability plane', () => {
  const pts = [
    point({ accountId: 'exposed', tier: 'strategic', attractiveness: 8, vulnerability: 7.5, defence: 'defend' }),
    point({ accountId: 'safe', tier: 'key', attractiveness: 3, vulnerability: 1, defence: 'hold' }),
    point({ accountId: 'unknown', tier: 'key', attractiveness: 9, vulnerability: null }),
    point({ accountId: 'unscored', scored: false, tier: '', quadrant: '', vulnerability: 9 }),
  ]
  const vt: MatrixTexts = { ...texts, vulnerability: 'V', defence: (d) => `class ${d}`, defenceAdvice: (d) => `advice ${d}` }
  const opt = matrixOption(pts, DEFAULTS.tiers, 5.5, colors, vt, { full: true, plane: 'vulnerability', vulnerableFrom: 5 })
  const series = opt.series as Array<{ data: [number, number, number, number][]; markLine?: { data: unknown[] } }>

  it('places only scored accounts with a vulnerability, x = vulnerability from 0', () => {
    expect(series.flatMap((s) => s.data).map((d) => [d[0], d[1]])).toEqual([[7.5, 8], [1, 3]])
    expect((opt.xAxis as { name: string; min: number }).name).toBe('V')
    expect((opt.xAxis as { min: number }).min).toBe(0)
  })

  it('cuts at the vulnerability threshold and the attractiveness cut, defend first at the top right', () => {
    expect(series[0]!.markLine!.data).toEqual([{ xAxis: 5 }, { yAxis: 5.5 }])
    const areas = (series[0] as unknown as { markArea: { data: Array<[{ name: string; xAxis: number; yAxis: number; label: { formatter: string; position: string } }, { xAxis: number; yAxis: number }]> } }).markArea.data
    expect(areas.map((a) => a[0].name)).toEqual(['defend', 'secure', 'question', 'hold'])
    expect(areas[0]![0]).toMatchObject({ xAxis: 5, yAxis: 5.5, label: { position: 'insideTopRight' } })
    expect(areas[0]![1]).toEqual({ xAxis: 10, yAxis: 10 })
    expect(areas[0]![0].label.formatter).toContain('advice defend')
  })

  it('finds the clicked account among the plotted ones', () => {
    const d = series[1]!.data[0]!
    expect(matrixPointAt(pts, { seriesType: 'scatter', data: d }, 'vulnerability')?.accountId).toBe('safe')
  })
})

describe('paretoOption', () => {
  it('shades each class up to its last account along the accounts axis', () => {
    const v: ParetoView = {
      year: 2025, metric: 'revenue', currency: 'CNY', total: 100, limitA: 80, limitB: 95, noFigures: 0, missingRates: [],
      classes: [],
      rows: [
        { accountId: 'a', value: 60, rank: 1, share: 60, cumulative: 60, class: 'A', name: 'a', tier: '' },
        { accountId: 'b', value: 20, rank: 2, share: 20, cumulative: 80, class: 'A', name: 'b', tier: '' },
        { accountId: 'c', value: 15, rank: 3, share: 15, cumulative: 95, class: 'B', name: 'c', tier: '' },
        { accountId: 'd', value: 5, rank: 4, share: 5, cumulative: 100, class: 'C', name: 'd', tier: '' },
      ],
    }
    const opt = paretoOption(v, colors, { x: 'x', y: 'y', cls: (c) => c, point: () => [] })
    const s = opt.series[0] as unknown as { data: number[][]; markArea: { data: Array<[{ xAxis: number }, { xAxis: number }]> }; markLine: { data: unknown[] } }
    expect(s.data).toEqual([[0, 0, 0], [25, 60, 1], [50, 80, 2], [75, 95, 3], [100, 100, 4]])
    expect(s.markArea.data.map(([a, b]) => [a.xAxis, b.xAxis])).toEqual([[0, 50], [50, 75], [75, 100]])
    expect(s.markLine.data).toEqual([{ yAxis: 80 }, { yAxis: 95 }])
  })
})
