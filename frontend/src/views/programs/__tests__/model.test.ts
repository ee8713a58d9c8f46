import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import type { Finding, RenewalAlert } from '@/api/programs'
import { RULE_KEYS } from '@/api/programs'
import { keysIn, missingMessages } from '@/test/messages'
import { alertType, bpToPercent, percentToBp, scoreToTenths, tenthsToScore, useProgramText } from '../model'

function texts(locale: 'en' | 'zh-CN') {
  i18n.global.locale.value = locale
  let out: ReturnType<typeof useProgramText> | undefined
  mount(defineComponent(() => { out = useProgramText(); return () => h('div') }), { global: { plugins: [i18n] } })
  return out!
}

const f = (rule: Finding['rule'], params: Record<string, unknown>): Finding => ({ rule, level: 'red', params, reason: 'english' })

describe('program texts', () => {
  it('words every fired rule in English and Chinese', () => {
    const cases: [Finding, string, string][] = [
      [f('revenue_red', { percent: 69.6, threshold: 80 }), 'Revenue to date is 69.6% of the target to date — below 80%.', '累计收入为累计目标的 69.6%，低于 80%。'],
      [f('renewal_urgent', { days: 60, date: '2027-01-22' }), 'The contract renews on Jan 22, 2027 (in 60 days) and no renewal action is planned.', '全球合同将于 2027年1月22日（60 天后）续约，但尚未安排续约行动。'],
      [f('coverage_fell', { from: 62.5, to: 50, days: 90 }), 'Coverage fell from 62.5% to 50% in the last 90 days.', '覆盖率在最近 90 天内从 62.5% 降至 50%。'],
      [f('overdue_actions', { count: 2, milestones: 1 }), '2 milestones and actions are overdue (1 of them milestones).', '有 2 项里程碑和行动已逾期（其中里程碑 1 项）。'],
      [f('kpi_short', { metric: 'satisfaction', actual: 71, target: 80, threshold: 90 }), 'Satisfaction is at 7.1 against a target of 8 — below 90% of it.', '满意度为 7.1，目标 8，低于目标的 90%。'],
      [f('actuals_missing', { count: 1, since: '2025-Q4', days: 30 }), '1 country-quarter since 2025 Q4 has a target but no actual, 30 days after the quarter ended.', '自2025年第4季度起有 1 个国家季度设有目标但无实际数，季度结束已超过 30 天。'],
    ]
    const en = texts('en')
    for (const [finding, want] of cases) expect(en.finding(finding, 'EUR')).toBe(want)
    const zh = texts('zh-CN')
    for (const [finding, , want] of cases) expect(zh.finding(finding, 'EUR')).toBe(want)
  })

  it('says each renewal alert level', () => {
    const en = texts('en')
    const a = (level: RenewalAlert['level'], days: number): RenewalAlert => ({ level, date: '2027-01-22', end: '2027-02-28', days, actioned: false })
    expect(en.renewalText(a('notice', 150))).toBe('The global contract renews on Jan 22, 2027, in 150 days.')
    expect(en.renewalText(a('urgent', 0))).toBe('The global contract renews today (Jan 22, 2027).')
    expect(en.renewalText(a('overdue', -3))).toBe('The renewal date Jan 22, 2027 passed 3 days ago; the contract ends on Feb 28, 2027.')
    expect(en.renewalText(a('expired', -40))).toBe('The global contract ended on Feb 28, 2027.')
    expect(en.when(-2)).toBe('2 days ago')
    // once renewal work is planned, an urgent renewal reads as a plain date and is coloured as a notice
    const planned: RenewalAlert = { ...a('urgent', 60), actioned: true }
    expect(en.renewalText(a('urgent', 60))).toBe('The global contract renews on Jan 22, 2027, in 60 days — time to act.')
    expect(en.renewalText(planned)).toBe('The global contract renews on Jan 22, 2027, in 60 days.')
    expect([alertType(a('urgent', 60)), alertType(planned), alertType(a('notice', 150))]).toEqual(['warning', 'info', 'info'])
    expect(alertType({ ...a('overdue', -3), actioned: true })).toBe('error')
    expect(texts('zh-CN').renewalText(planned)).toBe('全球合同将于 2027年1月22日 续约，还有 60 天。')
  })

  it('counts in the singular and the plural', () => {
    const en = texts('en')
    expect(en.finding(f('overdue_actions', { count: 1, milestones: 1 }), 'EUR')).toBe('One milestone or action is overdue.')
    expect(en.finding(f('actuals_missing', { count: 3, since: '2025-Q4', days: 30 }), 'EUR'))
      .toBe('3 country-quarters since 2025 Q4 have a target but no actual, 30 days after the quarter ended.')
  })

  it('converts stored units', () => {
    expect(bpToPercent(2550)).toBe(25.5)
    expect(percentToBp(25.55)).toBe(2555)
    expect(tenthsToScore(71)).toBe(7.1)
    expect(scoreToTenths(7.15)).toBe(72)
  })

  it('has every message the program views name, in both languages', () => {
    const sources = import.meta.glob<string>('../*.{vue,ts}', { eager: true, query: '?raw', import: 'default' })
    const keys = keysIn(sources, /\bt\(\s*'(programs\.[\w.]+)'/g)
    expect(keys.size).toBeGreaterThan(80)
    expect(missingMessages(keys)).toEqual([])
    const rules = [...RULE_KEYS].flatMap((r) => [`programs.findings.${r}`, `programs.settings.rules.${r}`])
    expect(missingMessages(rules)).toEqual([])
  })
})
