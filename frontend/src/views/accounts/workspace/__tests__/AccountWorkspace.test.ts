import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import AccountWorkspace from '../AccountWorkspace.vue'
import { $, $$, account, activity, click, contact, followUp, mountIn, settle, workspace } from './harness'

vi.mock('@/api/services', () => ({
  accounts: {
    workspace: vi.fn(),
    archive: vi.fn(),
    restore: vi.fn(),
    saveFigures: vi.fn(),
    deleteFigures: vi.fn(),
    saveContact: vi.fn(),
    archiveContact: vi.fn(),
    saveActivity: vi.fn(),
    archiveActivity: vi.fn(),
  },
  actions: { forAccount: vi.fn(), setStatus: vi.fn(), counts: vi.fn() },
  plans: { get: vi.fn() },
}))
vi.mock('@/api/portfolio', () => ({ portfolio: { scorecards: vi.fn() } }))
vi.mock('@/api/programs', () => ({ programs: { forAccount: vi.fn() } }))
const { accounts, actions } = await import('@/api/services')
const { portfolio } = await import('@/api/portfolio')
const { programs } = await import('@/api/programs')
const api = vi.mocked(accounts)
const actionApi = vi.mocked(actions)

/**
 * Stand-ins for the plan and actions areas' components: they show the props
 * they were given and can say that they changed something.
 */
const seen: Record<string, Record<string, unknown>> = {}
function standIn(name: string, props: string[]) {
  return defineComponent({
    name,
    props,
    emits: ['changed'],
    setup(p, { emit }) {
      return () => {
        seen[name] = { ...p }
        return h('button', { 'data-testid': `${name}-stub`, onClick: () => emit('changed') }, name)
      }
    },
  })
}

let wrapper: VueWrapper | null = null
let router: Router

const Blank = { render: () => null }

async function visit(path: string) {
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accounts', component: Blank },
      { path: '/accounts/:id', component: Blank },
    ],
  })
  await router.push(path)
  const id = String(router.currentRoute.value.params.id)
  wrapper = mountIn(AccountWorkspace, { id }, {
    router,
    stubs: {
      FiguresChart: true, VisitsChart: true, AccountForm: true,
      PlanTab: standIn('PlanTab', ['accountId', 'account', 'contacts', 'figures', 'defaultOwner']),
      AccountActions: standIn('AccountActions', ['accountId', 'defaultOwner']),
    },
  })
  await settle()
}

const sample = () =>
  workspace({
    account: account({ id: 'acc1', name: '华东精细化工集团', rev: 3, owner: '王磊' }),
    contacts: [
      contact({ id: 'c1', name: '李明', buyingRole: 'economic' }),
      contact({ id: 'c2', name: '王芳', buyingRole: 'technical', left: true }),
    ],
    parent: { id: 'grp', name: '华东控股' },
    children: [{ id: 'sub1', name: '华东精化（南通）' }],
  })

describe('AccountWorkspace', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    api.workspace.mockResolvedValue(sample())
    actionApi.forAccount.mockResolvedValue([])
    actionApi.counts.mockResolvedValue({ open: 0, overdue: 0, thisWeek: 0, later: 0, noDate: 0, closed: 0 })
    for (const k of Object.keys(seen)) delete seen[k]
  })

  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('loads the account named in the route and shows its group', async () => {
    await visit('/accounts/acc1')
    expect(api.workspace).toHaveBeenCalledWith('acc1')
    expect($('[data-testid="account-name"]')!.textContent).toBe('华东精细化工集团')
    expect($('[data-testid="parent-link"]')!.getAttribute('href')).toBe('/accounts/grp')
    expect($('[data-testid="account-group"]')!.textContent).toContain('华东精化（南通）')
  })

  it('opens the tab named in the URL and keeps the chosen tab there', async () => {
    await visit('/accounts/acc1?tab=contacts')
    expect($('.n-tabs-tab--active')!.getAttribute('data-testid')).toBe('tab-contacts')
    const rows = $$('[data-testid="contact-row"]')
    expect(rows.map((r) => r.querySelector('.name')?.textContent)).toEqual(['李明', '王芳'])
    expect(rows[1]!.querySelector('[data-testid="contact-left-marker"]')).not.toBeNull()
    expect($('[data-testid="warn-no-coach"]')).not.toBeNull()
    expect($('[data-testid="warn-no-economic"]')).toBeNull()

    await click('[data-testid="tab-activities"]')
    expect(router.currentRoute.value.query.tab).toBe('activities')
    await click('[data-testid="tab-overview"]')
    expect(router.currentRoute.value.query.tab).toBeUndefined()
  })

  it('says so when the account does not exist', async () => {
    api.workspace.mockRejectedValue({ code: 'not_found', rule: 'not_found', params: { kind: 'account' }, message: 'nope' })
    await visit('/accounts/gone')
    expect($('[data-testid="workspace-not-found"]')!.textContent).toContain('Account not found')
    expect($('[data-testid="account-name"]')).toBeNull()
  })

  it('offers a retry when loading fails for another reason', async () => {
    api.workspace.mockRejectedValueOnce({ code: 'network', rule: 'network', message: 'down' })
    await visit('/accounts/acc1')
    expect($('[data-testid="workspace-error"]')!.textContent).toContain('cannot be reached')
    await click('[data-testid="workspace-error"] button')
    expect($('[data-testid="account-name"]')!.textContent).toBe('华东精细化工集团')
  })

  it('asks to reload after archiving hits a newer version, and reloads on request', async () => {
    api.archive.mockRejectedValue({ code: 'conflict', rule: 'stale_rev', params: { kind: 'account' }, message: 'stale' })
    await visit('/accounts/acc1')
    await click('[data-testid="account-archive"]')
    const confirm = $$('.n-dialog__action button').at(-1)
    expect(confirm?.textContent?.trim()).toBe('Archive')
    confirm!.click()
    await settle()
    expect(api.archive).toHaveBeenCalledWith('acc1', 3)
    expect($('[data-testid="stale-banner"]')).not.toBeNull()

    api.workspace.mockClear()
    await click('[data-testid="stale-reload"]')
    expect(api.workspace).toHaveBeenCalledTimes(1)
    expect($('[data-testid="stale-banner"]')).toBeNull()
  })

  it('shows an archived account read-only with a restore button', async () => {
    const w = sample()
    w.account.deletedAt = '2025-01-01T00:00:00Z'
    api.workspace.mockResolvedValue(w)
    api.restore.mockResolvedValue({ ...w.account, deletedAt: null, rev: 4 })
    await visit('/accounts/acc1?tab=contacts')
    expect($('[data-testid="archived-banner"]')).not.toBeNull()
    expect($('[data-testid="new-contact"]')).toBeNull()
    expect($('[data-testid="account-edit"]')).toBeNull()
    await click('[data-testid="account-restore"]')
    expect(api.restore).toHaveBeenCalledWith('acc1', 3)
  })

  it('marks the portfolio quadrant and links the global program in the header', async () => {
    vi.mocked(portfolio.scorecards).mockResolvedValue([{ position: { quadrant: 'star' } }] as never)
    vi.mocked(programs.forAccount).mockResolvedValue('PRG1')
    await visit('/accounts/acc1')
    expect($('[data-testid="portfolio-chip"]')!.textContent).toContain('Star')
    expect($('[data-testid="program-link"]')!.getAttribute('href')).toContain('/programs/PRG1')
  })

  it('says an account was never scored and shows no program link without one', async () => {
    vi.mocked(portfolio.scorecards).mockResolvedValue([])
    vi.mocked(programs.forAccount).mockResolvedValue('')
    await visit('/accounts/acc1')
    expect($('[data-testid="portfolio-chip"]')!.textContent).toContain('Not scored')
    expect($('[data-testid="program-link"]')).toBeNull()
  })

  it('orders the tabs: the account, then the workflows, then its actions and reviews', async () => {
    await visit('/accounts/acc1')
    expect($$('.n-tabs-tab').map((el) => el.getAttribute('data-testid'))).toEqual([
      'tab-overview', 'tab-plan', 'tab-contacts', 'tab-activities', 'tab-relationship', 'tab-opportunities',
      'tab-retention', 'tab-actions', 'tab-reviews',
    ])
  })

  it('opens the account plan with the account, its people and figures, and reloads when it changed', async () => {
    await visit('/accounts/acc1?tab=plan')
    expect($('[data-testid="PlanTab-stub"]')).not.toBeNull()
    expect(seen.PlanTab).toMatchObject({ accountId: 'acc1', defaultOwner: '王磊', figures: [] })
    expect((seen.PlanTab!.account as { name: string }).name).toBe('华东精细化工集团')
    expect((seen.PlanTab!.contacts as unknown[]).length).toBe(2)

    api.workspace.mockClear()
    await click('[data-testid="PlanTab-stub"]')
    expect(api.workspace).toHaveBeenCalledTimes(1)
  })

  it('opens the account’s actions for its owner, counts the open ones, and reloads when they changed', async () => {
    actionApi.forAccount.mockResolvedValue([
      { ...followUp('a1'), accountName: '', planYear: 0 },
      { ...followUp('a2', { status: 'in_progress' }), accountName: '', planYear: 0 },
      { ...followUp('a3', { status: 'done' }), accountName: '', planYear: 0 },
    ])
    await visit('/accounts/acc1?tab=actions')
    expect(seen.AccountActions).toMatchObject({ accountId: 'acc1', defaultOwner: '王磊' })
    expect($('[data-testid="tab-actions"]')!.textContent).toBe('Actions2')
    expect(actionApi.forAccount).toHaveBeenCalledWith('acc1')

    api.workspace.mockClear()
    actionApi.forAccount.mockResolvedValue([])
    await click('[data-testid="AccountActions-stub"]')
    expect(api.workspace).toHaveBeenCalledTimes(1)
    expect($('[data-testid="tab-actions"]')!.textContent).toBe('Actions0')
  })

  it('still opens when the actions cannot be counted', async () => {
    actionApi.forAccount.mockRejectedValue({ code: 'internal', rule: 'internal', message: 'boom' })
    await visit('/accounts/acc1')
    expect($('[data-testid="account-name"]')!.textContent).toBe('华东精细化工集团')
    expect($('[data-testid="tab-actions"]')!.textContent).toBe('Actions')
  })

  it('opens Activities at the activity a link names, highlighted, with its follow-up from the shared action', async () => {
    const w = sample()
    w.activities = [
      activity({ id: 'v1', date: '2025-01-10', subject: '年度框架谈判', followUp: '2025-01-20' }),
      activity({ id: 'v2', date: '2025-02-10', subject: '技术交流会', followUp: '2025-02-20' }),
    ]
    w.followUps = [followUp('v1', { due: '2025-01-20', status: 'done', completedOn: '2025-01-19' })]
    api.workspace.mockResolvedValue(w)
    await visit('/accounts/acc1?activity=v1')
    expect($('.n-tabs-tab--active')!.getAttribute('data-testid')).toBe('tab-activities')
    const rows = $$('[data-testid="activity-row"]')
    expect(rows.filter((r) => r.classList.contains('flash')).map((r) => r.dataset.id)).toEqual(['v1'])
    expect(rows.find((r) => r.dataset.id === 'v1')!.dataset.follow).toBe('done')

    // leaving the tab drops the link, so coming back does not jump to it again
    await click('[data-testid="tab-overview"]')
    expect(router.currentRoute.value.query).toEqual({})
  })

  it('reloads the workspace after a follow-up is marked done', async () => {
    const w = sample()
    w.activities = [activity({ id: 'v1', date: '2025-01-10', subject: '年度框架谈判', followUp: '2025-01-20' })]
    w.followUps = [followUp('v1', { due: '2025-01-20', rev: 2 })]
    api.workspace.mockResolvedValue(w)
    actionApi.setStatus.mockResolvedValue(followUp('v1', { rev: 3, status: 'done' }))
    await visit('/accounts/acc1?tab=activities')
    api.workspace.mockClear()
    actionApi.forAccount.mockClear()
    await click('[data-testid="follow-up-done"]')
    expect(actionApi.setStatus).toHaveBeenCalledWith('v1', 2, 'done')
    expect(api.workspace).toHaveBeenCalledTimes(1)
    expect(actionApi.forAccount).toHaveBeenCalledTimes(1)
  })
})
