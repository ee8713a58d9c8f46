import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import AccountWorkspace from '../AccountWorkspace.vue'
import { $, $$, account, click, contact, mountIn, settle, workspace } from './harness'

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
}))
const { accounts } = await import('@/api/services')
const api = vi.mocked(accounts)

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
    stubs: { FiguresChart: true, VisitsChart: true, AccountForm: true },
  })
  await settle()
}

const sample = () =>
  workspace({
    account: account({ id: 'acc1', name: '华东精细化工集团', rev: 3 }),
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
})
