import { afterEach, describe, expect, it } from 'vitest'
import { fakeServer } from '@/test/fakeServer'
import { $, $$, click, settle } from '@/test/dom'
import type { ProgramQuery } from '@/api/programs'
import ProgramsList from '../ProgramsList.vue'
import { list, mountView, row } from './harness'

afterEach(() => { document.body.innerHTML = '' })

const rows = [
  row({ id: 'p1', accountName: 'Rhine Valley Chemicals', health: 'red', overdueActions: 2,
    findings: [{ rule: 'revenue_red', level: 'red', params: { percent: 69.6, threshold: 80 }, reason: '' }],
    revenue: { targetYear: 0, targetToDate: 100_00, actualToDate: 69_60, percent: 69.6, known: true, missing: 0 },
    nextRenewal: '2027-01-22', renewal: { level: 'urgent', date: '2027-01-22', end: '2027-02-28', days: 60, actioned: false } }),
  row({ id: 'p2', accountName: '华东化工集团', health: 'green', currency: 'CNY' }),
]

describe('ProgramsList', () => {
  it('lists programs with health, the rule that fired, renewal and overdue actions', async () => {
    fakeServer({ 'ProgramService.List': () => list({ rows, total: 2, managers: ['Anna Schmidt'] }) })
    await mountView(ProgramsList, '/programs')
    expect($$('[data-testid="program-row"]')).toHaveLength(2)
    const first = $('[data-testid="program-row"]')!
    expect(first.querySelector('[data-testid="program-health"]')!.getAttribute('data-level')).toBe('red')
    expect(first.textContent).toContain('Revenue to date is 69.6% of the target to date — below 80%.')
    expect(first.querySelector('[data-testid="program-renewal"]')!.textContent).toContain('in 60 days')
    expect(first.querySelector('[data-testid="program-overdue"]')!.textContent).toBe('2')
    expect($('[data-testid="program-tile-red"]')!.textContent).toContain('1')
  })

  it('sorts by a column in the page', async () => {
    const sortable = [rows[0]!, { ...rows[1]!, countries: 6, overdueActions: 0 }]
    fakeServer({ 'ProgramService.List': () => list({ rows: sortable, total: 2 }) })
    await mountView(ProgramsList, '/programs')
    const order = () => $$('[data-testid="program-row"]').map((r) => r.getAttribute('data-id'))
    expect(order()).toEqual(['p1', 'p2'])
    const header = $$('.n-data-table-th').find((th) => th.textContent?.includes('Countries'))!
    await click(header) // the most countries first
    expect(order()).toEqual(['p2', 'p1'])
    const overdue = $$('.n-data-table-th').find((th) => th.textContent?.includes('Overdue'))!
    await click(overdue) // the most overdue first
    expect(order()).toEqual(['p1', 'p2'])
    await click(overdue) // then the fewest first
    expect(order()).toEqual(['p2', 'p1'])
  })

  it('filters by health from a tile and asks the server again', async () => {
    const server = fakeServer({ 'ProgramService.List': ([q]) => list({ rows: (q as ProgramQuery).health === 'red' ? rows.slice(0, 1) : rows, total: 2 }) })
    await mountView(ProgramsList, '/programs')
    await click('[data-testid="program-tile-red"]')
    await settle()
    const calls = server.calls('ProgramService', 'List')
    expect((calls.at(-1)![0] as ProgramQuery).health).toBe('red')
    expect($$('[data-testid="program-row"]')).toHaveLength(1)
  })

  it('offers accounts with subsidiaries and no program, in Chinese', async () => {
    fakeServer({
      'ProgramService.List': () => list({ candidates: [{ id: 'a9', name: '华南新材料集团', country: 'CN', currency: 'CNY', owner: '王磊', subsidiaries: 3, countries: ['CN', 'VN'] }] }),
    })
    await mountView(ProgramsList, '/programs', 'zh-CN')
    expect($('h1')!.textContent).toBe('全球大客户项目')
    expect(document.body.textContent).toContain('还没有全球大客户项目')
    const c = $('[data-testid="program-candidate"]')!
    expect(c.textContent).toContain('华南新材料集团')
    expect(c.textContent).toContain('3 家子公司')
    expect(c.textContent).toContain('中国、越南')
  })
})
