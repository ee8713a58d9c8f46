import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Action, Activity } from '@/api/types'
import ActivitiesTab from '../ActivitiesTab.vue'
import { $, $$, activity, click, contact, followUp, mountIn, settle, typeInto, visits } from './harness'

vi.mock('@/api/services', () => ({
  accounts: { saveActivity: vi.fn(), archiveActivity: vi.fn() },
  actions: { setStatus: vi.fn(), counts: vi.fn() },
}))
const { accounts, actions } = await import('@/api/services')
const saveActivity = vi.mocked(accounts.saveActivity)
const setStatus = vi.mocked(actions.setStatus)
const counts = vi.mocked(actions.counts)

const people = [contact({ id: 'li', name: '李明' }), contact({ id: 'wang', name: '王芳' })]

const list: Activity[] = [
  activity({ id: 'old', date: '2025-01-08', subject: '年度框架谈判', followUp: '2025-01-20', contactIds: ['wang'] }),
  activity({ id: 'late', date: '2025-03-01', subject: '样品试用反馈', followUp: '2025-03-10', contactIds: ['li'], useful: true }),
  activity({ id: 'today', date: '2025-03-12', type: 'call', subject: '确认交期', followUp: '2025-03-15' }),
  activity({ id: 'next', date: '2025-02-10', type: 'meeting', subject: '技术交流会', followUp: '2025-04-01', contactIds: ['wang'] }),
  activity({ id: 'plain', date: '2024-12-20', type: 'service', subject: '现场服务' }),
  activity({ id: 'dropped', date: '2024-11-05', type: 'call', subject: '旧报价跟进', followUp: '2024-11-20' }),
]

// 年度框架谈判 was followed up; 旧报价跟进 was dropped; the rest are open.
const actionsOf = (over: Record<string, Partial<Action>> = {}): Action[] => [
  followUp('old', { due: '2025-01-20', status: 'done', completedOn: '2025-01-18', ...over.old }),
  followUp('late', { due: '2025-03-10', rev: 4, ...over.late }),
  followUp('today', { due: '2025-03-15', ...over.today }),
  followUp('next', { due: '2025-04-01', ...over.next }),
  followUp('dropped', { due: '2024-11-20', status: 'cancelled', ...over.dropped }),
]

let wrapper: VueWrapper | null = null
let changed = 0

let stale = 0

async function open(
  activities: Activity[] = list,
  more: { followUps?: Action[]; highlight?: string; readonly?: boolean } = {},
) {
  changed = 0
  stale = 0
  wrapper = mountIn(
    ActivitiesTab,
    {
      accountId: 'acc1', activities, contacts: people, visits: visits(), followUps: actionsOf(), ...more,
      onChanged: () => { changed++ }, onStale: () => { stale++ },
    },
    { stubs: { VisitsChart: true } },
  )
  await settle()
}

const row = (subject: string) => rows().find((r) => r.querySelector('.subject')?.textContent === subject)!

const rows = () => $$('[data-testid="activity-row"]')

describe('ActivitiesTab', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2025, 2, 15, 10, 0, 0)) // 15 March 2025, local time
    saveActivity.mockReset()
    saveActivity.mockImplementation(async (a) => ({ ...a, id: 'new', rev: 1 }))
    setStatus.mockReset()
    setStatus.mockImplementation(async (id, rev, status) => followUp(id, { rev: rev + 1, status }))
    counts.mockReset()
    counts.mockResolvedValue({ open: 0, overdue: 0, thisWeek: 0, later: 0, noDate: 0, closed: 0 })
  })

  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
    vi.useRealTimers()
  })

  it('lists activities newest first with the people involved by name', async () => {
    await open()
    expect(rows().map((r) => r.querySelector('.subject')?.textContent)).toEqual([
      '确认交期', '样品试用反馈', '技术交流会', '年度框架谈判', '现场服务', '旧报价跟进',
    ])
    expect(rows()[1]!.textContent).toContain('李明')
    expect(rows()[2]!.textContent).toContain('王芳')
  })

  it('shows each follow-up as its action stands: overdue, due today, upcoming, done or cancelled', async () => {
    await open()
    const state = Object.fromEntries(rows().map((r) => [r.querySelector('.subject')?.textContent, r.dataset.follow]))
    expect(state).toEqual({
      确认交期: 'due',
      样品试用反馈: 'overdue',
      技术交流会: 'upcoming',
      年度框架谈判: 'done',
      现场服务: 'none',
      旧报价跟进: 'cancelled',
    })
    expect(row('年度框架谈判').querySelector('[data-testid="follow-up"]')!.textContent).toContain('Followed up on Jan 18, 2025')
    expect(row('旧报价跟进').querySelector('[data-testid="follow-up"]')!.classList.contains('follow--cancelled')).toBe(true)
    const overdue = rows()[1]!.querySelector('[data-testid="follow-up"]')!
    expect(overdue.textContent).toContain('Follow-up overdue by 5 days (Mar 10, 2025)')
    expect(overdue.classList.contains('n-tag')).toBe(true)
    expect($('[data-testid="overdue-alert"]')!.textContent).toContain('Follow-ups overdue: 1.')
    expect(rows()[0]!.querySelector('[data-testid="follow-up"]')!.textContent).toContain('Follow up today')
  })

  it('shows the useful marker only where something useful was done', async () => {
    await open()
    expect(rows().map((r) => r.querySelector('[data-testid="useful-marker"]') !== null)).toEqual([
      false, true, false, false, false, false,
    ])
  })

  it('narrows to open follow-ups', async () => {
    await open()
    await click('.overdue-link')
    expect(rows().map((r) => r.dataset.follow)).toEqual(['due', 'overdue', 'upcoming'])
  })

  it('keeps a follow-up open until its action is done, whoever was met since', async () => {
    // 王芳 was met again on 10 Feb, but nobody marked the January follow-up done.
    await open(list, { followUps: actionsOf({ old: { status: 'open', completedOn: '' } }) })
    expect(row('年度框架谈判').dataset.follow).toBe('overdue')
    expect($('[data-testid="overdue-alert"]')!.textContent).toContain('Follow-ups overdue: 2.')
  })

  it('follows the activity’s own date while its action is not there yet', async () => {
    await open(list, { followUps: [] })
    expect(row('样品试用反馈').dataset.follow).toBe('overdue')
    expect(row('样品试用反馈').querySelector('[data-testid="follow-up-done"]')).toBeNull()
  })

  it('marks a follow-up done in one click and asks the workspace to reload', async () => {
    await open()
    const offered = rows().filter((r) => r.querySelector('[data-testid="follow-up-done"]')).map((r) => r.dataset.follow)
    expect(offered).toEqual(['due', 'overdue', 'upcoming'])
    row('样品试用反馈').querySelector<HTMLElement>('[data-testid="follow-up-done"]')!.click()
    await settle()
    expect(setStatus).toHaveBeenCalledWith('late', 4, 'done')
    expect(changed).toBe(1)
    expect(counts).toHaveBeenCalledTimes(1) // the navigation badge recounts
    expect($('.n-drawer')).toBeNull() // the click did not open the activity
  })

  it('asks to reload when the follow-up changed elsewhere', async () => {
    setStatus.mockRejectedValueOnce({ code: 'conflict', rule: 'stale_rev', params: { kind: 'action' }, message: 'stale' })
    await open()
    row('样品试用反馈').querySelector<HTMLElement>('[data-testid="follow-up-done"]')!.click()
    await settle()
    expect(stale).toBe(1)
    expect(changed).toBe(0)
  })

  it('offers no quick mark-done on a read-only account', async () => {
    await open(list, { readonly: true })
    expect($('[data-testid="follow-up-done"]')).toBeNull()
  })

  it('brings a linked activity into view past the first page and flashes it', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    vi.setSystemTime(new Date(2025, 2, 15, 10, 0, 0))
    const many = Array.from({ length: 52 }, (_, i) =>
      activity({ id: `a${i}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }))
    const scrolled: string[] = []
    const spy = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.dataset.id ?? '')
    })
    // the oldest of the 52 sorts last: beyond the first page of 50
    const last = [...many].sort((a, b) => (a.date < b.date ? -1 : 1))[0]!.id
    await open(many, { followUps: [], highlight: last })
    const target = rows().find((r) => r.dataset.id === last)!
    expect(target).toBeDefined()
    expect(target.classList.contains('flash')).toBe(true)
    expect(rows().filter((r) => r.classList.contains('flash'))).toHaveLength(1)
    expect(scrolled).toEqual([last])
    spy.mockRestore()

    // the highlight fades after a moment
    vi.advanceTimersByTime(3100)
    await settle()
    expect(rows().some((r) => r.classList.contains('flash'))).toBe(false)
  }, 20_000)

  it('says so when the linked activity is not there any more', async () => {
    await open(list, { highlight: 'archived-one' })
    expect(rows().some((r) => r.classList.contains('flash'))).toBe(false)
    expect(document.body.textContent).toContain('The linked activity is not here any more')
  })

  it('records a new visit dated today and asks the workspace to reload', async () => {
    await open()
    await click('[data-testid="new-activity"]')
    await typeInto('activity-subject', '季度业务回顾')
    await click('[data-testid="activity-save"]')
    expect(saveActivity).toHaveBeenCalledTimes(1)
    expect(saveActivity.mock.calls[0]![0]).toMatchObject({
      id: '', accountId: 'acc1', type: 'visit', date: '2025-03-15', subject: '季度业务回顾', contactIds: [], useful: false,
    })
    expect(changed).toBe(1)
  })

  it('invites the first record when there is none', async () => {
    await open([])
    expect(rows()).toHaveLength(0)
    expect(document.body.textContent).toContain('No activities yet')
    expect($('[data-testid="new-activity"]')).not.toBeNull()
  })
})
