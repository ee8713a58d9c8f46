import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Activity } from '@/api/types'
import ActivitiesTab from '../ActivitiesTab.vue'
import { $, $$, activity, click, contact, mountIn, settle, typeInto, visits } from './harness'

vi.mock('@/api/services', () => ({
  accounts: { saveActivity: vi.fn(), archiveActivity: vi.fn() },
}))
const { accounts } = await import('@/api/services')
const saveActivity = vi.mocked(accounts.saveActivity)

const people = [contact({ id: 'li', name: '李明' }), contact({ id: 'wang', name: '王芳' })]

const list: Activity[] = [
  activity({ id: 'old', date: '2025-01-08', subject: '年度框架谈判', followUp: '2025-01-20', contactIds: ['wang'] }),
  activity({ id: 'late', date: '2025-03-01', subject: '样品试用反馈', followUp: '2025-03-10', contactIds: ['li'], useful: true }),
  activity({ id: 'today', date: '2025-03-12', type: 'call', subject: '确认交期', followUp: '2025-03-15' }),
  activity({ id: 'next', date: '2025-02-10', type: 'meeting', subject: '技术交流会', followUp: '2025-04-01', contactIds: ['wang'] }),
  activity({ id: 'plain', date: '2024-12-20', type: 'service', subject: '现场服务' }),
]

let wrapper: VueWrapper | null = null
let changed = 0

async function open(activities: Activity[] = list) {
  changed = 0
  wrapper = mountIn(
    ActivitiesTab,
    { accountId: 'acc1', activities, contacts: people, visits: visits(), onChanged: () => { changed++ } },
    { stubs: { VisitsChart: true } },
  )
  await settle()
}

const rows = () => $$('[data-testid="activity-row"]')

describe('ActivitiesTab', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2025, 2, 15, 10, 0, 0)) // 15 March 2025, local time
    saveActivity.mockReset()
    saveActivity.mockImplementation(async (a) => ({ ...a, id: 'new', rev: 1 }))
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
      '确认交期', '样品试用反馈', '技术交流会', '年度框架谈判', '现场服务',
    ])
    expect(rows()[1]!.textContent).toContain('李明')
    expect(rows()[2]!.textContent).toContain('王芳')
  })

  it('marks follow-ups overdue, due today, upcoming and done', async () => {
    await open()
    const state = Object.fromEntries(rows().map((r) => [r.querySelector('.subject')?.textContent, r.dataset.follow]))
    expect(state).toEqual({
      确认交期: 'due',
      样品试用反馈: 'overdue',
      技术交流会: 'upcoming',
      年度框架谈判: 'done', // 王芳 was met again on 10 Feb
      现场服务: 'none',
    })
    const overdue = rows()[1]!.querySelector('[data-testid="follow-up"]')!
    expect(overdue.textContent).toContain('Follow-up overdue by 5 days (Mar 10, 2025)')
    expect(overdue.classList.contains('n-tag')).toBe(true)
    expect($('[data-testid="overdue-alert"]')!.textContent).toContain('Follow-ups overdue: 1.')
    expect(rows()[0]!.querySelector('[data-testid="follow-up"]')!.textContent).toContain('Follow up today')
  })

  it('shows the useful marker only where something useful was done', async () => {
    await open()
    expect(rows().map((r) => r.querySelector('[data-testid="useful-marker"]') !== null)).toEqual([
      false, true, false, false, false,
    ])
  })

  it('narrows to open follow-ups', async () => {
    await open()
    await click('.overdue-link')
    expect(rows().map((r) => r.dataset.follow)).toEqual(['due', 'overdue', 'upcoming'])
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
