// Where an action came from, as a route: clicking an action's title opens the
// plan, the activity or the account it belongs to.
import type { RouteLocationRaw } from 'vue-router'
import type { ActionSource } from '@/api/types'

export function sourceRoute(a: { accountId: string; source: ActionSource; planYear: number }): RouteLocationRaw {
  const path = `/accounts/${encodeURIComponent(a.accountId)}`
  switch (a.source.area) {
    case 'plan':
      // year 0: the plan's year is unknown (e.g. just removed); the tab opens on the current year
      return { path, query: a.planYear > 0 ? { tab: 'plan', year: String(a.planYear) } : { tab: 'plan' } }
    case 'activity':
      return { path, query: a.source.recordId ? { tab: 'activities', activity: a.source.recordId } : { tab: 'activities' } }
    default:
      // areas without a view of their own yet land on the account's actions
      return { path, query: { tab: 'actions' } }
  }
}
