// Where an action came from, as a route: clicking an action's title opens the
// plan, the activity, the assessment or the deal it belongs to.
import type { RouteLocationRaw } from 'vue-router'
import type { ActionSource } from '@/api/types'

/** The workspace tab each area's actions open in, with the query key naming the record. */
const AREA_TABS: Partial<Record<ActionSource['area'], { tab: string; key: string }>> = {
  partnership: { tab: 'relationship', key: 'assessment' },
  winloss: { tab: 'opportunities', key: 'opportunity' },
  switching: { tab: 'retention', key: 'plan' },
  retention: { tab: 'retention', key: 'case' },
}

export function sourceRoute(a: { accountId: string; source: ActionSource; planYear: number }): RouteLocationRaw {
  const path = `/accounts/${encodeURIComponent(a.accountId)}`
  const area = AREA_TABS[a.source.area]
  if (area) {
    return { path, query: a.source.recordId ? { tab: area.tab, [area.key]: a.source.recordId } : { tab: area.tab } }
  }
  switch (a.source.area) {
    case 'program':
      // a program has its own page; without its id the account's actions list it
      return a.source.recordId ? { path: `/programs/${encodeURIComponent(a.source.recordId)}` } : { path, query: { tab: 'actions' } }
    case 'plan':
      // year 0: the plan's year is unknown (e.g. just removed); the tab opens on the current year
      return { path, query: a.planYear > 0 ? { tab: 'plan', year: String(a.planYear) } : { tab: 'plan' } }
    case 'activity':
      return { path, query: a.source.recordId ? { tab: 'activities', activity: a.source.recordId } : { tab: 'activities' } }
    default:
      // manual actions and areas without a view of their own land on the account's actions
      return { path, query: { tab: 'actions' } }
  }
}
