import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionBoard, Preferences } from '@/api/types'
import MyActions from '../MyActions.vue'
import { $, $$, board, click, key, mountIn, pick, row, settle, type Mounted } from './harness'

vi.mock('@/api/services', () => ({
  actions: {
    mine: vi.fn(), counts: vi.fn(), owners: vi.fn(), setStatus: vi.fn(), save: vi.fn(), forAccount: vi.fn(),
  },
  accounts: { list: vi.fn() },
  settings: { preferences: vi.fn(), savePreferences: vi.fn() },
}))
const { actions, accounts, settings } = await import('@/api/services')
const mine = vi.mocked(actions.mine)
const setStatus = vi.mocked(actions.setStatus)
const savePreferences = vi.mocked(settings.savePreferences)

const full = (): ActionBoard => board({
  overdue: [
    row({ id: 'o1', title: '催收三月货款', due: '2025-03-10', source: { area: 'plan', recordId: 'P1', detail: 'g1' }, planYear: 2025 }),
  ],
  thisWeek: [
    row({ id: 'w1', title: '确认样品交期', due: '2025-03-12' }),
    row({ id: 'w2', title: '准备季度业务回顾', due: '2025-03-14', status: 'in_progress', owner: '' }),
  ],
  later: [row({ id: 'l1', title: '安排高层拜访', due: '2025-04-20', source: { area: 'activity', recordId: 'ACT1', detail: '' } })],
  noDate: [row({ id: 'n1', title: '整理决策链', accountName: '北方能源' })],
  closed: [row({ id: 'c1', title: '寄送年度合同', status: 'done', completedOn: '2025-03-11' })],
  counts: { open: 5, overdue: 1, thisWeek: 2, later: 1, noDate: 1, closed: 0 },
})

let m: Mounted | null = null

async function open(prefs: Partial<Preferences> = {}, locale: 'en' | 'zh-CN' = 'en') {
  localStorage.clear()
  vi.mocked(settings.preferences).mockResolvedValue({ language: locale, theme: 'light', owner: '', ...prefs })
  m = await mountIn(MyActions, {}, { locale, path: '/actions' })
  // the app loads preferences at start; here the test does
  const { usePreferencesStore } = await import('@/stores/preferences')
  await usePreferencesStore().load()
  await settle()
  return m
}

const sectionTitles = () => $$('[data-testid^="action-section-"] .section__title').map((e) => e.textContent)
const titles = (key: string) =>
  $$(`[data-testid="action-section-${key}"] [data-testid="action-row"] [data-testid="action-title-link"]`).map((e) => e.textContent?.trim())
const rowEl = (id: string) => $(`[data-testid="action-row"][data-id="${id}"]`)!

describe('MyActions', () => {
  beforeEach(() => {
    mine.mockReset().mockResolvedValue(full())
    setStatus.mockReset()
    vi.mocked(actions.counts).mockResolvedValue({ open: 5, overdue: 1, thisWeek: 2, later: 0, noDate: 0, closed: 0 })
    vi.mocked(actions.owners).mockResolvedValue(['李娜', '王磊'])
    vi.mocked(accounts.list).mockResolvedValue({ rows: [], total: 0, owners: [], countries: [], segments: [], industries: [] })
    savePreferences.mockReset().mockImplementation(async (p) => p)
  })

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
  })

  it('shows the board in sections by when actions are due', async () => {
    await open({ owner: '王磊' })
    expect(mine).toHaveBeenLastCalledWith({ owner: '王磊', accountId: '', areas: [], includeClosed: false })
    expect(sectionTitles()).toEqual(['Overdue', 'Due this week', 'Later', 'No due date'])
    expect(titles('overdue')).toEqual(['催收三月货款'])
    expect(titles('thisWeek')).toEqual(['确认样品交期', '准备季度业务回顾'])
    expect(titles('later')).toEqual(['安排高层拜访'])
    expect(titles('noDate')).toEqual(['整理决策链'])
    // overdue carries the red accent; this week says until when
    expect($('[data-testid="action-section-overdue"]')!.classList).toContain('section--danger')
    expect($('[data-testid="action-section-thisWeek"]')!.textContent).toContain('through Sun, Mar 16')

    const o1 = rowEl('o1')
    expect(o1.dataset.due).toBe('overdue')
    expect(o1.querySelector('[data-testid="action-due"]')!.textContent).toContain('2 days overdue')
    expect(o1.querySelector('[data-testid="action-area"]')!.textContent).toContain('Account plan')
    expect(o1.querySelector('[data-testid="action-account"]')!.textContent).toContain('华东精细化工集团')
    expect(o1.querySelector('[data-testid="action-title-link"]')!.getAttribute('href')).toBe('/accounts/acc1?tab=plan&year=2025')
    expect(rowEl('l1').querySelector('[data-testid="action-title-link"]')!.getAttribute('href'))
      .toBe('/accounts/acc1?tab=activities&activity=ACT1')
    expect(rowEl('w1').querySelector('[data-testid="action-due"]')!.textContent).toContain('Due today')
    expect(rowEl('w2').querySelector('[data-testid="action-status"]')!.textContent).toContain('In progress')
    expect(rowEl('w2').textContent).toContain('Unassigned')

    const summary = Object.fromEntries($$('[data-testid^="summary-"]').map((b) => [b.dataset.testid, b.querySelector('.summary__n')!.textContent]))
    expect(summary).toEqual({ 'summary-overdue': '1', 'summary-thisWeek': '2', 'summary-later': '1', 'summary-noDate': '1' })
    expect($('[data-testid="all-clear"]')).toBeNull()
  })

  it('speaks Chinese, with the area names our users know', async () => {
    await open({ owner: '王磊' }, 'zh-CN')
    expect(sectionTitles()).toEqual(['已逾期', '本周到期', '以后', '未定日期'])
    expect(rowEl('o1').querySelector('[data-testid="action-area"]')!.textContent).toContain('客户计划')
    expect(rowEl('l1').querySelector('[data-testid="action-area"]')!.textContent).toContain('拜访跟进')
    expect(rowEl('o1').querySelector('[data-testid="action-due"]')!.textContent).toContain('逾期 2 天')
  })

  it('shows done and cancelled actions only when asked', async () => {
    await open()
    expect($('[data-testid="action-section-closed"]')).toBeNull()
    await click('[data-testid="show-done"]')
    expect(mine).toHaveBeenLastCalledWith({ owner: '', accountId: '', areas: [], includeClosed: true })
    expect(titles('closed')).toEqual(['寄送年度合同'])
    expect(rowEl('c1').querySelector('[data-testid="action-due"]')!.textContent).toContain('Done Tue, Mar 11')
  })

  it('opens on the saved owner and remembers a new choice', async () => {
    await open({ owner: '王磊' })
    expect($('[data-testid="my-actions-owner"]')!.textContent).toContain('王磊')
    await pick('my-actions-owner', '李娜')
    expect(savePreferences).toHaveBeenLastCalledWith(expect.objectContaining({ owner: '李娜' }))
    expect(mine).toHaveBeenLastCalledWith(expect.objectContaining({ owner: '李娜' }))
    await pick('my-actions-owner', 'Everyone')
    expect(savePreferences).toHaveBeenLastCalledWith(expect.objectContaining({ owner: '' }))
    expect(mine).toHaveBeenLastCalledWith(expect.objectContaining({ owner: '' }))
  })

  it('completes a row at once and keeps it when the server agrees', async () => {
    let answer: (v: unknown) => void = () => {}
    setStatus.mockImplementation((id, rev, status) => new Promise((r) => {
      answer = () => r({ ...full().thisWeek[0]!, id, rev: rev + 1, status, completedOn: '2025-03-12' })
    }))
    await open()
    await click(rowEl('w1').querySelector('[data-testid="action-done"]'))
    expect(setStatus).toHaveBeenCalledWith('w1', 1, 'done')
    // optimistic: before the answer
    expect(rowEl('w1').dataset.status).toBe('done')
    expect($('[data-testid="summary-thisWeek"] .summary__n')!.textContent).toBe('1')
    expect($('[data-testid="action-section-thisWeek"] [data-testid="action-section-count"]')!.textContent).toBe('1')
    answer(null)
    await settle()
    expect(rowEl('w1').dataset.status).toBe('done')
    expect(document.body.textContent).toContain('Done: “确认样品交期”')
    // the new revision is used for the next change (here: untick)
    setStatus.mockResolvedValueOnce({ ...full().thisWeek[0]!, rev: 3, status: 'open' })
    await click(rowEl('w1').querySelector('[data-testid="action-done"]'))
    expect(setStatus).toHaveBeenLastCalledWith('w1', 2, 'open')
  })

  it('puts the row back and says why when the change is refused', async () => {
    setStatus.mockRejectedValue({ code: 'invalid', field: 'accountId', rule: 'archived', message: 'archived' })
    await open()
    await click(rowEl('o1').querySelector('[data-testid="action-done"]'))
    expect(setStatus).toHaveBeenCalledWith('o1', 1, 'done')
    expect(rowEl('o1').dataset.status).toBe('open')
    expect($('[data-testid="summary-overdue"] .summary__n')!.textContent).toBe('1')
    expect(document.body.textContent).toContain('The account is archived, so it is read-only.')
  })

  it('reloads the board when the action was changed elsewhere', async () => {
    setStatus.mockRejectedValue({ code: 'conflict', rule: 'stale_rev', params: { kind: 'action' }, message: 'stale' })
    await open()
    const before = mine.mock.calls.length
    mine.mockResolvedValue(board({ thisWeek: [row({ id: 'w1', title: '确认样品交期', due: '2025-03-12', status: 'in_progress', rev: 4 })] }))
    await click(rowEl('w1').querySelector('[data-testid="action-done"]'))
    expect(mine.mock.calls.length).toBe(before + 1)
    expect(rowEl('w1').dataset.status).toBe('in_progress')
    expect(document.body.textContent).toContain('This action was changed elsewhere')
  })

  it('changes status from the row menu', async () => {
    setStatus.mockImplementation(async (id, rev, status) => ({ ...full().thisWeek[0]!, id, rev: rev + 1, status }))
    await open()
    await click(rowEl('w1').querySelector('[data-testid="action-menu"]'))
    await click('[data-testid="action-status-in_progress"]')
    expect(setStatus).toHaveBeenCalledWith('w1', 1, 'in_progress')
    expect(rowEl('w1').querySelector('[data-testid="action-status"]')!.textContent).toContain('In progress')
  })

  it('moves with j/k and arrows and completes the focused row with x or Space', async () => {
    setStatus.mockImplementation(async (id, rev, status) => ({ ...full().thisWeek[0]!, id, rev: rev + 1, status }))
    await open()
    await key(document.body, 'j')
    expect(document.activeElement).toBe(rowEl('o1'))
    await key(rowEl('o1'), 'j')
    expect(document.activeElement).toBe(rowEl('w1'))
    await key(rowEl('w1'), 'ArrowDown')
    expect(document.activeElement).toBe(rowEl('w2'))
    await key(rowEl('w2'), 'k')
    expect(document.activeElement).toBe(rowEl('w1'))
    await key(rowEl('w1'), 'x')
    expect(setStatus).toHaveBeenLastCalledWith('w1', 1, 'done')
    await key(rowEl('w1'), 'ArrowUp')
    const space = await key(rowEl('o1'), ' ')
    expect(space.defaultPrevented).toBe(true)
    expect(setStatus).toHaveBeenLastCalledWith('o1', 1, 'done')
    expect($('[data-testid="keyboard-hint"]')!.textContent).toContain('done / reopen')
  })

  it('says all clear when nothing is open', async () => {
    mine.mockResolvedValue(board())
    await open({ owner: '王磊' })
    expect($('[data-testid="all-clear"]')!.textContent).toContain('All clear')
    expect($('[data-testid="all-clear"]')!.textContent).toContain('Nothing is open for 王磊')
    expect($$('[data-testid="action-row"]')).toHaveLength(0)
  })

  it('filters by source area', async () => {
    await open()
    await pick('filter-areas', 'Account plan')
    expect(mine).toHaveBeenLastCalledWith({ owner: '', accountId: '', areas: ['plan'], includeClosed: false })
  })

  it('counts the rows the server did not send and says how to see them', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      row({ id: `l${i}`, title: `Later task ${String(i).padStart(2, '0')}`, due: '2025-05-01' }))
    mine.mockResolvedValue(board({ ...full(), later: many, counts: { ...full().counts, later: 3134 } }))
    await open({}, 'en')
    expect($('[data-testid="summary-later"] .summary__n')!.textContent).toBe('3,134')
    expect($('[data-testid="action-section-later"] [data-testid="action-section-count"]')!.textContent).toBe('3134')
    // 50 rows at first, then the rest on request, then the note about the cap.
    expect(titles('later')).toHaveLength(50)
    expect($('[data-testid="action-section-later"] [data-testid="action-section-capped"]')).toBeNull()
    await click($$('[data-testid="action-section-later"] .section__more button')[0]!)
    expect(titles('later')).toHaveLength(60)
    expect($('[data-testid="action-section-later"] [data-testid="action-section-capped"]')!.textContent)
      .toContain('Showing the first 60 of 3,134')
  })
})
