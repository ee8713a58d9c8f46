import { afterEach, describe, expect, it } from 'vitest'
import { fakeServer } from '@/test/fakeServer'
import { $, $$, click, settle } from '@/test/dom'
import type { Country, QuarterInput } from '@/api/programs'
import ProgramView from '../ProgramView.vue'
import { mountView, program, view } from './harness'

afterEach(() => { document.body.innerHTML = '' })

function input(id: string): HTMLInputElement {
  const el = $<HTMLInputElement>(`[data-testid="${id}"] input, input[data-testid="${id}"]`)
  if (!el) throw new Error(`no input ${id}`)
  return el
}
async function type(id: string, v: string) {
  const el = input(id)
  el.value = v
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await settle()
}

describe('ProgramView', () => {
  it('shows health with each fired rule, the renewal alert, KPIs and the country table', async () => {
    fakeServer({ 'ProgramService.Get': () => view() })
    await mountView(ProgramView, '/programs/prog1')
    expect($('h1')!.textContent).toBe('Rhine Valley Chemicals')
    expect($('[data-testid="program-health-badge"]')!.getAttribute('data-level')).toBe('red')
    const findings = $$('[data-testid="program-findings"] li').map((l) => l.textContent?.trim())
    expect(findings).toEqual([
      'Revenue to date is 60% of the target to date — below 80%.',
      'The contract renews on Jan 22, 2027 (in 60 days) and no renewal action is planned.',
    ])
    const alert = $('[data-testid="renewal-alert"]')!
    expect(alert.getAttribute('data-level')).toBe('urgent')
    expect(alert.textContent).toContain('in 60 days — time to act. No renewal action is planned yet.')
    expect($('[data-testid="program-currency"]')!.textContent).toBe('All amounts in EUR')
    expect($('[data-testid="kpi-margin"]')!.textContent).toContain('23%')
    expect($$('[data-testid="country-row"]').map((r) => r.getAttribute('data-country'))).toEqual(['DE', 'US', 'BR'])
    expect($('[data-testid="country-row"][data-country="BR"]')!.textContent).toContain('Dropped')
    expect($('[data-testid="rollup-total"]')!.textContent).toContain('60%')
    // the tile shows revenue compact (the full amount on hover), so a large one never breaks across lines
    const revenue = $('[data-testid="kpi-revenue"] .kpi__value')!
    expect(revenue.textContent!.trim()).toBe('€60K')
    expect(revenue.getAttribute('title')).toBe('€60,000')
  })

  it('marks a local entity that has left the group, and shows the local lead under the entity', async () => {
    const p = program()
    p.countries[1] = { ...p.countries[1]!, entityId: 'moved-away', lead: 'Mary Jones' }
    p.countries[0] = { ...p.countries[0]!, entityId: 'acc1' }
    fakeServer({ 'ProgramService.Get': () => view({ program: p }) })
    await mountView(ProgramView, '/programs/prog1')
    const us = $('[data-testid="country-row"][data-country="US"]')!
    expect(us.querySelector('[data-testid="entity-left"]')!.textContent).toBe('No longer in the group')
    expect(us.textContent).toContain('Lead: Mary Jones')
    expect($('[data-testid="country-row"][data-country="DE"]')!.textContent).toContain('Rhine Valley Chemicals')
  })

  it('sends only the quarterly cells that changed, with an empty actual as null', async () => {
    const server = fakeServer({
      'ProgramService.Get': () => view(),
      'ProgramService.SetQuarters': () => program({ rev: 5 }),
    })
    await mountView(ProgramView, '/programs/prog1')
    await click('[data-testid="figures-open"]')
    expect(input('q-DE-1-target').value).toBe('100000.00')
    expect(input('q-DE-1-actual').value).toBe('60000.00')
    expect(input('q-BR-3-target').disabled).toBe(true) // dropped in May: not in Q3
    await type('q-DE-1-actual', '95,000')
    await type('q-US-2-target', '50万')
    await click('[data-testid="figures-save"]')
    const [[id, rev, cells]] = server.calls('ProgramService', 'SetQuarters') as [[string, number, QuarterInput[]]]
    expect([id, rev]).toEqual(['prog1', 4])
    expect(cells).toEqual([
      { countryId: 'c-de', year: 2026, quarter: 1, target: 100_000_00, actual: 95_000_00 },
      { countryId: 'c-us', year: 2026, quarter: 2, target: 500_000_00, actual: null },
    ])
  })

  it('refuses a negative or unreadable amount in the grid and sends nothing', async () => {
    const server = fakeServer({ 'ProgramService.Get': () => view(), 'ProgramService.SetQuarters': () => program({ rev: 5 }) })
    await mountView(ProgramView, '/programs/prog1')
    await click('[data-testid="figures-open"]')
    await type('q-US-1-actual', '-5')
    await click('[data-testid="figures-save"]')
    expect($('[data-testid="form-error"]')!.textContent).toContain('Targets and actuals cannot be negative.')
    expect(input('q-US-1-actual').classList.contains('bad')).toBe(true)
    await type('q-US-1-actual', 'about 5')
    await click('[data-testid="figures-save"]')
    expect($('[data-testid="form-error"]')!.textContent).toContain('Some cells do not hold an amount')
    expect(server.calls('ProgramService', 'SetQuarters')).toHaveLength(0)
  })

  it('puts a refused local entity next to its field', async () => {
    fakeServer({
      'ProgramService.Get': () => view(),
      'ProgramService.SaveCountry': () => {
        throw { code: 'invalid', field: 'countries[3].entityId', rule: 'not_subsidiary', params: { kind: 'account', id: 'x' }, message: 'm',
          issues: [{ field: 'countries[3].entityId', rule: 'not_subsidiary', params: { kind: 'account', id: 'x' }, message: 'm' }] }
      },
    })
    await mountView(ProgramView, '/programs/prog1')
    await click('[data-testid="country-add"]')
    await click('[data-testid="country-save"]')
    const items = $$('.n-form-item').filter((i) => i.querySelector('.n-form-item-feedback--error'))
    expect(items).toHaveLength(1)
    expect(items[0]!.textContent).toContain('Local entity must be a subsidiary of this global account, not of another parent.')
  })

  it('offers to plan the renewal with the source preset', async () => {
    fakeServer({ 'ProgramService.Get': () => view(), 'ActionService.Owners': () => [] })
    await mountView(ProgramView, '/programs/prog1')
    await click('[data-testid="renewal-plan"]')
    expect($('[data-testid="action-form-source"]')!.textContent).toContain('Global')
  })

  it('reads in Chinese', async () => {
    fakeServer({ 'ProgramService.Get': () => view({ renewal: { level: 'notice', date: '2027-04-22', end: '2027-05-30', days: 150, actioned: true } }) })
    await mountView(ProgramView, '/programs/prog1', 'zh-CN')
    expect($('[data-testid="program-health-badge"]')!.textContent).toContain('红灯')
    expect($('[data-testid="renewal-alert"]')!.textContent).toContain('已安排续约行动。')
    expect($('[data-testid="program-findings"] li')!.textContent).toContain('累计收入为累计目标的 60%，低于 80%。')
    const c: Country | undefined = program().countries[0]
    expect($(`[data-testid="country-row"][data-country="${c!.country}"]`)!.textContent).toContain('德国')
  })
})
