import { afterEach, describe, expect, it } from 'vitest'
import { fakeServer } from '@/test/fakeServer'
import { $, click, settle } from '@/test/dom'
import type { ProgramSettings as Value, ProgramSettingsModel, Rule } from '@/api/programs'
import ProgramSettings from '../ProgramSettings.vue'
import { mountView } from './harness'

afterEach(() => { document.body.innerHTML = '' })

const rules: Rule[] = [
  { key: 'revenue_red', enabled: true, level: 'red', threshold: 80 },
  { key: 'revenue_amber', enabled: true, level: 'amber', threshold: 95 },
  { key: 'renewal_urgent', enabled: true, level: 'red', threshold: 90 },
  { key: 'renewal_near', enabled: true, level: 'amber', threshold: 180 },
  { key: 'coverage_fell', enabled: true, level: 'red', threshold: 90 },
  { key: 'overdue_actions', enabled: true, level: 'amber', threshold: 1 },
  { key: 'kpi_short', enabled: true, level: 'amber', threshold: 90 },
  { key: 'actuals_missing', enabled: true, level: 'amber', threshold: 30 },
]
const model = (version: number, v: Value = { rules, partialWeight: 50 }): ProgramSettingsModel =>
  ({ id: '', rev: 0, createdAt: '', updatedAt: '', area: 'programs', version, value: v, defaults: version === 0 })

describe('ProgramSettings', () => {
  it('shows each rule with its threshold and saves an edit against the version it read', async () => {
    const server = fakeServer({
      'ProgramService.Settings': () => model(0),
      'ProgramService.SaveSettings': ([v]) => model(1, v as Value),
    })
    await mountView(ProgramSettings, '/settings')
    expect($('[data-testid="rule-revenue_red"]')!.textContent).toContain('Revenue to date below this share of the target to date')
    expect($<HTMLInputElement>('[data-testid="rule-renewal_near-threshold"] input')!.value).toBe('180')
    expect($<HTMLButtonElement>('[data-testid="program-settings-save"]')!.disabled).toBe(true)
    const el = $<HTMLInputElement>('[data-testid="rule-renewal_near-threshold"] input')!
    el.value = '120'
    el.dispatchEvent(new Event('input', { bubbles: true }))
    el.dispatchEvent(new Event('blur'))
    await settle()
    await click('[data-testid="program-settings-save"]')
    const [[sent, base]] = server.calls('ProgramService', 'SaveSettings') as [[Value, number]]
    expect(base).toBe(0)
    expect(sent.rules.find((r) => r.key === 'renewal_near')!.threshold).toBe(120)
  })

  it('shows a refused threshold next to its rule', async () => {
    fakeServer({
      'ProgramService.Settings': () => model(2, { rules: rules.map((r) => (r.key === 'revenue_amber' ? { ...r, threshold: 70 } : r)), partialWeight: 50 }),
      'ProgramService.SaveSettings': () => {
        throw { code: 'invalid', message: 'm', issues: [{ field: 'rules[1].threshold', rule: 'threshold_order', params: { value: 70, other: 80 }, message: 'm' }] }
      },
    })
    await mountView(ProgramSettings, '/settings')
    const sw = $<HTMLElement>('[data-testid="rule-kpi_short"] .n-switch')!
    sw.click()
    await settle()
    await click('[data-testid="program-settings-save"]')
    expect($('[data-testid="rule-revenue_amber"]')!.textContent).toContain('the milder step (70) cannot be stricter than the red one (80)')
  })
})
