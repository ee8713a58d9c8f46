import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n'
import { keysIn, missingMessages } from '@/test/messages'
import { DEFENCES, QUADRANTS, VALUE_CLASSES, ABC_CLASSES, AXES } from '@/api/portfolio'
import { VIEWS } from '../model'

// Every message key the portfolio and dashboard views name must exist in both
// languages; a typo would otherwise show the raw key path to the user.
const sources = {
  ...import.meta.glob<string>('../*.{vue,ts}', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../dashboard/*.vue', { query: '?raw', import: 'default', eager: true }),
}

const literalKeys = keysIn(sources, /'((?:portfolio|dashboard|common|errors)\.[\w.]+)'/g)

const dynamicKeys = [
  ...QUADRANTS.flatMap((q) => [`portfolio.quadrants.${q}`, `portfolio.strategies.${q}`]),
  ...DEFENCES.flatMap((d) => [`portfolio.defence.${d}`, `portfolio.defenceAdvice.${d}`]),
  ...VALUE_CLASSES.flatMap((c) => [`portfolio.values.classes.${c}`, `portfolio.values.advice.${c}`, `portfolio.values.where.${c}`]),
  ...ABC_CLASSES.map((c) => `portfolio.pareto.classHint.${c}`),
  ...AXES.flatMap((a) => [`portfolio.axes.${a}`, `portfolio.settings.scorecard.${a}`]),
  ...VIEWS.map((v) => `portfolio.tabs.${v}`),
  ...['revenue', 'margin'].flatMap((x) => [`portfolio.pareto.metric.${x}`, `portfolio.pareto.yAxis.${x}`]),
  ...['empty', 'invalid', 'too_precise', 'too_large'].map((r) => `portfolio.drawer.money.${r}`),
  ...['negative', 'diverges'].map((r) => `portfolio.values.problem.${r}`),
  ...['high', 'medium', 'low'].map((l) => `dashboard.risk.levels.${l}`),
  ...['weights_sum', 'missing_score', 'order', 'diverges', 'kinds.scorecard', 'kinds.tier', 'kinds.valueinputs'].map((k) => `errors.${k}`),
]

describe('portfolio and dashboard messages', () => {
  it('finds the keys in the sources', () => {
    expect(literalKeys.size).toBeGreaterThan(150)
  })

  it('has every key the views use, in English and Chinese', () => {
    expect(missingMessages([...literalKeys, ...dynamicKeys])).toEqual([])
  })

  it('names the models as our users know them', () => {
    const zh = messages['zh-CN'] as { portfolio: { values: { classes: Record<string, string> }; axes: Record<string, string>; tabs: Record<string, string> } }
    expect(zh.portfolio.values.classes.marginal).toBe('鸡肋')
    expect(zh.portfolio.values.classes.potential).toBe('潜力股')
    expect(zh.portfolio.axes).toEqual({ attractiveness: '吸引力', strength: '企业商业能力', vulnerability: '易损性（客户流失的难易程度）' })
    expect(zh.portfolio.tabs.pyramid).toBe('客户价值金字塔')
  })
})
