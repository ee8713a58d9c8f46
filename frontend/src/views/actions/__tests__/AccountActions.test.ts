import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionRow } from '@/api/types'
import AccountActions from '../AccountActions.vue'
import { $, $$, click, mountIn, row, settle, typeInto, type Mounted } from './harness'

vi.mock('@/api/services', () => ({
  actions: { forAccount: vi.fn(), setStatus: vi.fn(), save: vi.fn(), owners: vi.fn(), counts: vi.fn() },
  settings: { preferences: vi.fn(), savePreferences: vi.fn() },
}))
const { actions } = await import('@/api/services')
const forAccount = vi.mocked(actions.forAccount)
const setStatus = vi.mocked(actions.setStatus)
const save = vi.mocked(actions.save)

const list = (): ActionRow[] => [
  row({ id: 'a1', title: '提交技术方案', due: '2025-03-10' }),
  row({ id: 'a2', title: '回访采购总监', due: '2025-03-20', source: { area: 'activity', recordId: 'ACT1', detail: '' } }),
  row({ id: 'a3', title: '完成年度计划目标', due: '', source: { area: 'plan', recordId: 'P1', detail: 'g1' }, planYear: 2025 }),
  row({ id: 'd1', title: '寄送样品', status: 'done', completedOn: '2025-03-05' }),
  row({ id: 'd2', title: '旧的报价', status: 'cancelled' }),
]

let m: Mounted | null = null
let changed = 0

async function open(rows: ActionRow[] = list()) {
  forAccount.mockResolvedValue(rows)
  changed = 0
  m = await mountIn(AccountActions, { accountId: 'acc1', defaultOwner: '王磊', onChanged: () => { changed++ } })
}

const ids = (key: string) => $$(`[data-testid="action-section-${key}"] [data-testid="action-row"]`).map((r) => r.dataset.id)
const rowEl = (id: string) => $(`[data-testid="action-row"][data-id="${id}"]`)!

describe('AccountActions', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2025, 2, 12, 10, 0, 0))
    forAccount.mockReset()
    setStatus.mockReset()
    save.mockReset().mockImplementation(async (a) => ({ ...a, id: 'NEW', rev: 1 }))
    vi.mocked(actions.owners).mockResolvedValue(['王磊'])
    vi.mocked(actions.counts).mockResolvedValue({ open: 0, overdue: 0, thisWeek: 0, later: 0, noDate: 0, closed: 0 })
  })

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
    vi.useRealTimers()
  })

  it('groups the account’s actions into open and done', async () => {
    await open()
    expect(forAccount).toHaveBeenCalledWith('acc1')
    expect(ids('open')).toEqual(['a1', 'a2', 'a3'])
    expect(ids('closed')).toEqual(['d1', 'd2'])
    expect($('[data-testid="account-actions-summary"]')!.textContent).toBe('3 open · 1 overdue')
    // the account is the page itself: no account link on the rows
    expect($('[data-testid="action-account"]')).toBeNull()
    expect(rowEl('a1').dataset.due).toBe('overdue')
  })

  it('links plan and follow-up actions to their source, and edits manual ones from the title', async () => {
    await open()
    expect(rowEl('a2').querySelector('a[data-testid="action-title-link"]')!.getAttribute('href'))
      .toBe('/accounts/acc1?tab=activities&activity=ACT1')
    expect(rowEl('a3').querySelector('a[data-testid="action-title-link"]')!.getAttribute('href'))
      .toBe('/accounts/acc1?tab=plan&year=2025')
    await click(rowEl('a1').querySelector('button[data-testid="action-title-link"]'))
    expect($<HTMLInputElement>('[data-testid="action-title"]')!.value).toBe('提交技术方案')
  })

  it('completes an action in place and tells the workspace', async () => {
    setStatus.mockImplementation(async (id, rev, status) => ({ ...list()[0]!, id, rev: rev + 1, status }))
    await open()
    await click(rowEl('a1').querySelector('[data-testid="action-done"]'))
    expect(setStatus).toHaveBeenCalledWith('a1', 1, 'done')
    expect(ids('open')).toEqual(['a1', 'a2', 'a3']) // stays put until the next load
    expect(rowEl('a1').dataset.status).toBe('done')
    expect($('[data-testid="account-actions-summary"]')!.textContent).toBe('2 open · 0 overdue')
    expect(changed).toBe(1)
    expect(actions.counts).toHaveBeenCalled() // the badge recounts
  })

  it('rolls a refused change back', async () => {
    setStatus.mockRejectedValue({ code: 'invalid', field: 'accountId', rule: 'archived', message: 'archived' })
    await open()
    await click(rowEl('d1').querySelector('[data-testid="action-done"]'))
    expect(setStatus).toHaveBeenCalledWith('d1', 1, 'open')
    expect(rowEl('d1').dataset.status).toBe('done')
    expect(changed).toBe(0)
  })

  it('adds an action to this account, owned by the account’s owner', async () => {
    await open()
    await click('[data-testid="new-action"]')
    expect($('[data-testid="action-account-select"]')).toBeNull()
    await typeInto('action-title', '安排工厂参观')
    forAccount.mockResolvedValue([...list(), row({ id: 'NEW', title: '安排工厂参观' })])
    await click('[data-testid="action-save"]')
    expect(save.mock.calls[0]![0]).toMatchObject({
      id: '', rev: 0, accountId: 'acc1', owner: '王磊', title: '安排工厂参观', source: { area: 'manual', recordId: '', detail: '' },
    })
    await settle()
    expect(ids('open')).toContain('NEW')
    expect(changed).toBe(1)
  })

  it('invites the first action when there is none', async () => {
    await open([])
    expect($$('[data-testid="action-row"]')).toHaveLength(0)
    expect(document.body.textContent).toContain('No actions yet')
    expect($('[data-testid="new-action"]')).not.toBeNull()
  })
})
