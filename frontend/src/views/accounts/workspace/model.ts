// Pure helpers behind the account workspace: figures, decision chain and
// activities. Kept free of Vue so they can be tested on their own.
import type { Action, Activity, Contact, YearFigures, YearShare } from '@/api/types'

export const BUYING_ROLES = ['economic', 'technical', 'user', 'financial', 'coach', 'influencer'] as const
export const STANCES = ['supporter', 'neutral', 'opponent'] as const
export const INFLUENCES = ['high', 'medium', 'low'] as const
export const ACTIVITY_TYPES = ['visit', 'call', 'meeting', 'event', 'service', 'complaint'] as const
export const RELATIONSHIP_LEVELS = [1, 2, 3, 4, 5] as const

export type BuyingRole = (typeof BUYING_ROLES)[number]
export type ActivityType = Activity['type']

/** part / whole × 100, or null when the whole is unknown (0) so the UI shows "—" rather than ∞ or 0 %. */
export function percentOf(part: number, whole: number): number | null {
  if (!whole || !Number.isFinite(part) || !Number.isFinite(whole)) return null
  return (part / whole) * 100
}

/** Share of wallet of one year: our revenue ÷ the customer's category spend; null when the spend is unknown. */
export function shareOfWallet(f: Pick<YearFigures, 'revenue' | 'categorySpend'>): number | null {
  if (f.categorySpend <= 0) return null
  return percentOf(f.revenue, f.categorySpend)
}

/**
 * The share of wallet the server computed for a year, falling back to the
 * figures themselves (a row just saved, before the workspace reloads).
 */
export function sowForYear(year: number, shares: YearShare[], figures: YearFigures[]): number | null {
  const s = shares.find((x) => x.year === year)
  if (s) return s.known ? s.percent : null
  const f = figures.find((x) => x.year === year)
  return f ? shareOfWallet(f) : null
}

/** Figures newest year first. */
export function byYearDesc(figures: YearFigures[]): YearFigures[] {
  return [...figures].sort((a, b) => b.year - a.year)
}

/** The latest year and the one before it (for the year-on-year change). */
export function latestTwo(figures: YearFigures[]): { latest: YearFigures | null; previous: YearFigures | null } {
  const sorted = byYearDesc(figures)
  const latest = sorted[0] ?? null
  const previous = latest ? (sorted.find((f) => f.year === latest.year - 1) ?? null) : null
  return { latest, previous }
}

/** The year a new figures row most likely is for: the year after the latest, or this year. */
export function suggestedYear(figures: YearFigures[], today: string): number {
  const thisYear = Number(today.slice(0, 4))
  const years = new Set(figures.map((f) => f.year))
  if (!years.has(thisYear)) return thisYear
  let y = thisYear + 1
  while (years.has(y)) y++
  return y
}

// ---- decision chain -------------------------------------------------------

export interface RoleSummary {
  counts: Record<BuyingRole, number>
  unassigned: number
  noCoach: boolean
  noEconomicBuyer: boolean
}

/** Count the people still at the customer per buying role; the warnings the courses teach to look for first. */
export function roleSummary(contacts: Contact[]): RoleSummary {
  const counts = Object.fromEntries(BUYING_ROLES.map((r) => [r, 0])) as Record<BuyingRole, number>
  let unassigned = 0
  for (const c of contacts) {
    if (c.left) continue
    if (c.buyingRole) counts[c.buyingRole]++
    else unassigned++
  }
  return { counts, unassigned, noCoach: counts.coach === 0, noEconomicBuyer: counts.economic === 0 }
}

/** Ids of everyone who reports (directly or not) to `id`: choosing one of them as `id`'s manager would close a loop. */
export function reportsBelow(id: string, contacts: Contact[]): Set<string> {
  const below = new Set<string>()
  if (!id) return below
  const children = new Map<string, string[]>()
  for (const c of contacts) {
    if (!c.reportsTo) continue
    const list = children.get(c.reportsTo) ?? []
    list.push(c.id)
    children.set(c.reportsTo, list)
  }
  const queue = [...(children.get(id) ?? [])]
  while (queue.length) {
    const next = queue.shift() as string
    if (below.has(next) || next === id) continue
    below.add(next)
    queue.push(...(children.get(next) ?? []))
  }
  return below
}

export interface ReportsToOption {
  value: string
  label: string
  /** picking it would make the chain loop back to the contact being edited */
  loops: boolean
}

/** The contacts a contact can report to: everyone else in the account, the ones below it marked. */
export function reportsToOptions(selfId: string, contacts: Contact[]): ReportsToOption[] {
  const below = reportsBelow(selfId, contacts)
  return contacts
    .filter((c) => c.id !== selfId)
    .map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name, loops: below.has(c.id) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** "MM-DD" with a day that exists in some year (02-29 allowed); "" counts as valid (not set). */
export function validBirthday(v: string): boolean {
  if (v === '') return true
  const m = /^(\d{2})-(\d{2})$/.exec(v)
  if (!m) return false
  const month = Number(m[1])
  const day = Number(m[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0)
}

// ---- activities -------------------------------------------------------------

/** Newest first; same-day entries by when they were recorded, newest first. */
export function sortActivities(list: Activity[]): Activity[] {
  return [...list].sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? 1 : -1
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
    return a.id < b.id ? 1 : -1
  })
}

export type FollowUpState = 'none' | 'overdue' | 'due' | 'upcoming' | 'done' | 'cancelled'

export interface FollowUp {
  state: FollowUpState
  /** the date the follow-up is due ("" when it has none) */
  due: string
  /** the day it was marked done ("" otherwise) */
  completedOn: string
  /** the shared action behind it; null while none exists (nothing to mark done then) */
  action: Action | null
}

/** The live follow-up action of each activity, by activity id. */
export function followUpsByActivity(actions: Action[]): Map<string, Action> {
  const out = new Map<string, Action>()
  for (const x of actions) {
    if (x.source.area === 'activity' && x.source.recordId && !x.deletedAt) out.set(x.source.recordId, x)
  }
  return out
}

/** Where a due date stands against today. */
function byDate(due: string, today: string): FollowUpState {
  if (due < today) return 'overdue'
  if (due === today) return 'due'
  return 'upcoming'
}

/**
 * Where an activity's follow-up stands today. The shared action is the truth:
 * it may have been done, cancelled or moved in "My actions". Without one (a
 * follow-up saved a moment ago) the activity's own date still tells the state.
 */
export function followUpOf(a: Activity, action: Action | undefined, today: string): FollowUp {
  if (!action) {
    return { state: a.followUp ? byDate(a.followUp, today) : 'none', due: a.followUp, completedOn: '', action: null }
  }
  const due = action.due || a.followUp
  const base = { due, completedOn: '', action }
  switch (action.status) {
    case 'done':
      return { ...base, state: 'done', completedOn: action.completedOn }
    case 'cancelled':
      return { ...base, state: 'cancelled' }
    default:
      // An open follow-up with no date is still open: never overdue, but not hidden either.
      return { ...base, state: due ? byDate(due, today) : 'upcoming' }
  }
}

/** The states that still ask for something to be done. */
export const OPEN_FOLLOW_UPS: readonly FollowUpState[] = ['overdue', 'due', 'upcoming']
