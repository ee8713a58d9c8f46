import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useAccountsStore } from './accounts'
import { account, emptyList, fakeServer, HttpReply } from '@/test/fakeServer'
import type { AccountFilter } from '@/api/types'

const row = (over = {}) => ({ ...account(over), latestYear: 2024, latestRevenue: 100, contactCount: 2, lastActivity: '' })

describe('accounts store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the list for the filter', async () => {
    const server = fakeServer({
      'AccountService.List': ([f]) => ({ ...emptyList(), rows: [row()], total: 1, owners: ['王磊'], _f: f }),
    })
    const store = useAccountsStore()
    await store.setFilter({ search: '化工', segment: 'enterprise' })
    expect(store.list?.rows).toHaveLength(1)
    expect(store.loading).toBe(false)
    expect(store.error).toBeNull()
    expect(server.calls('AccountService', 'List')).toEqual([[
      { search: '化工', owner: '', segment: 'enterprise', country: '', industry: '', archived: false },
    ]])
    expect(store.hasFilter()).toBe(true)
    await store.resetFilter()
    expect(store.hasFilter()).toBe(false)
  })

  it('ignores an older answer that arrives after a newer one', async () => {
    const release: Array<() => void> = []
    fakeServer({
      'AccountService.List': ([f]) => new Promise((resolve) => {
        const search = (f as AccountFilter).search
        release.push(() => resolve({ ...emptyList(), rows: [row({ name: search })], total: 1 }))
      }),
    })
    const store = useAccountsStore()
    const first = store.setFilter({ search: 'a' })
    await new Promise((r) => setTimeout(r, 10))
    const second = store.setFilter({ search: 'ab' })
    await new Promise((r) => setTimeout(r, 10))
    release[1]!()
    await second
    release[0]!()
    await first
    expect(store.list?.rows[0]?.name).toBe('ab')
    expect(store.loading).toBe(false)
  })

  it('keeps the error as an ApiError', async () => {
    fakeServer({ 'AccountService.List': () => new HttpReply(500, { code: 'internal', rule: 'internal', message: 'disk full' }) })
    const store = useAccountsStore()
    await store.fetch()
    expect(store.error).toMatchObject({ code: 'internal', message: 'disk full' })
    expect(store.loading).toBe(false)
  })

  it('archives with the row revision, then reloads', async () => {
    let archived = false
    const server = fakeServer({
      'AccountService.List': () => ({ ...emptyList(), rows: archived ? [] : [row()], total: archived ? 0 : 1 }),
      'AccountService.Archive': ([id, rev]) => { archived = true; return account({ id: id as string, rev: (rev as number) + 1 }) },
    })
    const store = useAccountsStore()
    await store.fetch()
    await store.archive({ id: 'A1', rev: 7 })
    expect(server.calls('AccountService', 'Archive')).toEqual([['A1', 7]])
    expect(store.list?.rows).toEqual([])
  })

  it('throws a stale-revision conflict for the view to show', async () => {
    fakeServer({
      'AccountService.List': () => emptyList(),
      'AccountService.Restore': () => new HttpReply(409, { code: 'conflict', rule: 'stale_rev', message: 'changed', params: { kind: 'account' } }),
    })
    const store = useAccountsStore()
    await expect(store.restore({ id: 'A1', rev: 1 })).rejects.toMatchObject({ code: 'conflict', rule: 'stale_rev' })
  })
})
