import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useActionsStore } from './actions'
import { usePreferencesStore } from './preferences'

vi.mock('@/api/services', () => ({
  actions: { counts: vi.fn(), owners: vi.fn() },
  settings: { preferences: vi.fn(), savePreferences: vi.fn() },
}))
const { actions } = await import('@/api/services')
const counts = vi.mocked(actions.counts)

describe('actions store', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
    counts.mockReset()
  })

  it('counts for the preferred owner; the badge is what is due this week or overdue', async () => {
    counts.mockResolvedValue({ open: 9, overdue: 2, thisWeek: 3, later: 0, noDate: 0, closed: 0 })
    usePreferencesStore().owner = '王磊'
    const store = useActionsStore()
    await store.refreshCounts()
    expect(counts).toHaveBeenCalledWith('王磊')
    expect(store.due).toBe(5)
  })

  it('keeps the newest answer when an older one arrives late', async () => {
    const release: Array<() => void> = []
    counts.mockImplementation((owner) => new Promise((r) => {
      release.push(() => r({ open: 1, overdue: owner === 'new' ? 1 : 7, thisWeek: 0, later: 0, noDate: 0, closed: 0 }))
    }))
    const prefs = usePreferencesStore()
    const store = useActionsStore()
    prefs.owner = 'old'
    const first = store.refreshCounts()
    prefs.owner = 'new'
    const second = store.refreshCounts()
    release[1]!()
    await second
    release[0]!()
    await first
    expect(store.counts?.overdue).toBe(1)
  })

  it('hides the badge rather than show a stale number when counting fails', async () => {
    counts.mockResolvedValueOnce({ open: 4, overdue: 0, thisWeek: 4, later: 0, noDate: 0, closed: 0 })
    const store = useActionsStore()
    await store.refreshCounts()
    expect(store.due).toBe(4)
    counts.mockRejectedValueOnce({ code: 'internal', rule: 'internal', message: 'disk' })
    await store.changed()
    expect(store.due).toBe(0)
    expect(store.countsError?.message).toBe('disk')
  })
})
