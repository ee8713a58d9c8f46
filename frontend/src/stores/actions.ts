// Actions across the app: the navigation badge's counts for the chosen owner,
// the known owner names, and the My actions filters (kept while the user
// follows a row to its source and comes back).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { actions as api } from '@/api/services'
import type { ActionArea, ActionCounts, ApiError } from '@/api/types'
import { toApiError } from '@/api/errors'
import { usePreferencesStore } from './preferences'

export interface ActionFilter {
  /** [] = every area */
  areas: ActionArea[]
  /** "" = every account */
  accountId: string
  includeClosed: boolean
}

export function emptyActionFilter(): ActionFilter {
  return { areas: [], accountId: '', includeClosed: false }
}

export const useActionsStore = defineStore('actions', () => {
  const prefs = usePreferencesStore()
  const counts = ref<ActionCounts | null>(null)
  const countsError = ref<ApiError | null>(null)
  const owners = ref<string[]>([])
  const filter = ref<ActionFilter>(emptyActionFilter())
  /** Bumped after every write, so open lists know to reload. */
  const version = ref(0)
  let seq = 0

  /** Open actions due this week or already overdue: what the badge shows. */
  const due = computed(() => (counts.value ? counts.value.overdue + counts.value.thisWeek : 0))

  /** Counts for the preferred owner; a slower earlier answer never overwrites a newer one. */
  async function refreshCounts(): Promise<void> {
    const mine = ++seq
    try {
      const c = await api.counts(prefs.owner)
      if (mine !== seq) return
      counts.value = c
      countsError.value = null
    } catch (e) {
      if (mine !== seq) return
      // The badge is a hint: on failure it disappears rather than showing a stale number.
      counts.value = null
      countsError.value = toApiError(e)
    }
  }

  async function loadOwners(): Promise<string[]> {
    try {
      owners.value = (await api.owners()) ?? []
    } catch {
      // suggestions only: the pickers still take a typed name
    }
    return owners.value
  }

  /** Call after any write to an action: lists reload, the badge recounts. */
  function changed(): Promise<void> {
    version.value++
    return refreshCounts()
  }

  return { counts, countsError, due, owners, filter, version, refreshCounts, loadOwners, changed }
})
