// The accounts list: filter, the rows the server returned, loading and error state.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { accounts as api } from '@/api/services'
import type { Account, AccountFilter, AccountList, AccountRow, ApiError } from '@/api/types'
import { toApiError } from '@/api/errors'

export function emptyFilter(): AccountFilter {
  return { search: '', owner: '', segment: '', country: '', industry: '', archived: false }
}

export const useAccountsStore = defineStore('accounts', () => {
  const filter = ref<AccountFilter>(emptyFilter())
  const list = ref<AccountList | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  let seq = 0

  /** Loads the list for the current filter; a slower earlier answer never overwrites a newer one. */
  async function fetch(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const result = await api.list({ ...filter.value })
      if (mine !== seq) return
      list.value = result
      error.value = null
    } catch (e) {
      if (mine !== seq) return
      error.value = toApiError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  async function setFilter(patch: Partial<AccountFilter>): Promise<void> {
    filter.value = { ...filter.value, ...patch }
    await fetch()
  }

  async function resetFilter(): Promise<void> {
    filter.value = { ...emptyFilter(), archived: filter.value.archived }
    await fetch()
  }

  /** Archive, then refresh; the error is thrown for the caller to show. */
  async function archive(row: Pick<Account, 'id' | 'rev'>): Promise<Account> {
    try {
      const a = await api.archive(row.id, row.rev)
      await fetch()
      return a
    } catch (e) {
      throw toApiError(e)
    }
  }

  async function restore(row: Pick<Account, 'id' | 'rev'>): Promise<Account> {
    try {
      const a = await api.restore(row.id, row.rev)
      await fetch()
      return a
    } catch (e) {
      throw toApiError(e)
    }
  }

  /** Puts a saved account into the loaded rows without a round trip (it is refreshed later). */
  function upsertLocal(a: Account): void {
    if (!list.value) return
    const rows = list.value.rows
    const i = rows.findIndex((r) => r.id === a.id)
    if (i >= 0) rows[i] = { ...(rows[i] as AccountRow), ...a }
  }

  const hasFilter = () => {
    const f = filter.value
    return !!(f.search || f.owner || f.segment || f.country || f.industry)
  }

  return { filter, list, loading, error, fetch, setFilter, resetFilter, archive, restore, upsertLocal, hasFilter }
})
