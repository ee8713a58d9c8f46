// Pure helpers behind the account plan: empty plans, goal targets typed in
// the units people think in, the completeness rules, and the year-on-year
// comparison. Free of Vue so they can be tested on their own.
import type {
  Action, ActionRow, Completeness, Goal, GoalMetric, GoalProgress, Plan, PlanPart, Resource,
} from '@/api/types'
import { currencyDigits, formatMoney, minorToDecimal, parseMoney, type ParseMoneyResult } from '@/format'

/** Character limits of the plan core (counted in characters, as the server does). */
export const LIMITS = {
  text: 4000,
  title: 200,
  unit: 40,
  competitor: 80,
  owner: 80,
  goals: 20,
  resources: 30,
  competitors: 10,
} as const

export const METRICS: readonly GoalMetric[] = ['revenue', 'margin', 'share_of_wallet', 'cross_sell', 'custom']

/** The ten parts the completeness indicator checks, in the order the page shows them. */
export const PARTS: readonly PlanPart[] = [
  'goals', 'strategicFocus', 'positioning', 'actionPlan', 'resources', 'budget',
  'value.functional', 'value.psychological', 'value.customerCommitments', 'value.tracking',
]

export const QUADRANTS = ['functional', 'psychological', 'customerCommitments', 'tracking'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export const isMoneyMetric = (m: GoalMetric): boolean => m === 'revenue' || m === 'margin' || m === 'cross_sell'

/** DOM id of the section a part lives in (what a missing part scrolls to). */
export function partAnchor(part: PlanPart): string {
  return `plan-part-${part.replace('.', '-')}`
}

export function currentYear(now: Date = new Date()): number {
  return now.getFullYear()
}

/** A year from the address bar, or 0 (= the current year) when absent or not a plausible year. */
export function yearFromQuery(q: unknown): number {
  const s = Array.isArray(q) ? q[0] : q
  if (typeof s !== 'string' || !/^\d{4}$/.test(s)) return 0
  const y = Number(s)
  return y >= 1990 && y <= 2100 ? y : 0
}

export function emptyPlan(accountId: string, year: number, currency: string): Plan {
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '',
    accountId, year, currency: currency || 'CNY',
    goals: [], strategicFocus: '',
    positioning: { statement: '', targetContactIds: [], targetCompetitors: [], valueProposition: '' },
    actionPlan: '', resources: [], budget: 0, forecast: 0, budgetNotes: '',
    value: { functional: '', psychological: '', customerCommitments: '', tracking: '' },
    locked: false, rolledFrom: '',
  }
}

/** A deep copy with every list present: Go sends empty slices as null. */
export function clonePlan(p: Plan): Plan {
  const pos = p.positioning ?? emptyPlan('', 0, '').positioning
  return {
    ...p,
    goals: (p.goals ?? []).map((g) => ({ ...g })),
    positioning: {
      statement: pos.statement ?? '',
      valueProposition: pos.valueProposition ?? '',
      targetContactIds: [...(pos.targetContactIds ?? [])],
      targetCompetitors: [...(pos.targetCompetitors ?? [])],
    },
    resources: (p.resources ?? []).map((r) => ({ ...r })),
    value: { ...emptyPlan('', 0, '').value, ...(p.value ?? {}) },
  }
}

/** A client-made goal id; randomUUID needs a secure context, so fall back to random bytes. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export function newGoal(id: string = newId()): Goal {
  return { id, title: '', metric: 'revenue', target: 0, unit: '', actual: 0, notes: '' }
}

export function newResource(party: Resource['party'] = 'ours'): Resource {
  return { party, description: '', owner: '' }
}

// ---- goal targets: typed in major units / percent / plain numbers ---------

export type ParseFailure = 'empty' | 'invalid' | 'too_precise' | 'too_large' | 'over_100' | 'whole'
export type ParseResult = { ok: true; value: number } | { ok: false; reason: ParseFailure }

const FULLWIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05]/g
const halfWidth = (s: string) => s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** "35.5" or "35.5%" → 3550 basis points (1/100 of a percent), exactly. */
export function parsePercentBp(input: string): ParseResult {
  const s = halfWidth(input).replace(/[\s,]/g, '').replace(/%$/, '')
  if (s === '') return { ok: false, reason: 'empty' }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, reason: 'invalid' }
  const frac = (m[2] ?? '').replace(/0+$/, '')
  if (frac.length > 2) return { ok: false, reason: 'too_precise' }
  const bp = Number((m[1] || '0') + frac.padEnd(2, '0'))
  if (bp > 10000) return { ok: false, reason: 'over_100' }
  return { ok: true, value: bp }
}

/** A whole count for custom goals ("1,200", "１２"). */
export function parseCount(input: string): ParseResult {
  const s = halfWidth(input).replace(/[\s,_]/g, '')
  if (s === '') return { ok: false, reason: 'empty' }
  if (/^\d+\.\d*[1-9]\d*$/.test(s)) return { ok: false, reason: 'whole' }
  const m = /^(\d+)(?:\.0*)?$/.exec(s)
  if (!m) return { ok: false, reason: 'invalid' }
  const n = Number(m[1])
  if (!Number.isSafeInteger(n)) return { ok: false, reason: 'too_large' }
  return { ok: true, value: n }
}

/** What the user typed as a goal target, in the stored unit of its metric. */
export function parseTarget(metric: GoalMetric, text: string, currency: string): ParseResult {
  if (isMoneyMetric(metric)) {
    const r: ParseMoneyResult = parseMoney(text, currency)
    if (!r.ok) return r
    return { ok: true, value: r.minor }
  }
  if (metric === 'share_of_wallet') return parsePercentBp(text)
  return parseCount(text)
}

/** A stored target as the text the user would type (0 = not set yet = ""). */
export function targetText(metric: GoalMetric, value: number, currency: string): string {
  if (!value) return ''
  if (isMoneyMetric(metric)) {
    return formatMoney(value, currency, 'en', { plain: true, whole: value % 10 ** currencyDigits(currency || 'CNY') === 0 })
  }
  if (metric === 'share_of_wallet') return minorToDecimal(value, 2).replace(/\.?0+$/, '')
  return String(value)
}

/** A stored goal amount for reading: money in the plan currency, basis points as %, counts with their unit. */
export function formatGoalValue(
  g: Pick<Goal, 'metric' | 'unit'>, value: number, currency: string, locale: string, o: { whole?: boolean } = {},
): string {
  if (isMoneyMetric(g.metric)) {
    // targets are usually round sums: drop ".00" unless the amount has cents (or the reader wants whole units)
    const whole = o.whole || value % 10 ** currencyDigits(currency || 'CNY') === 0
    return formatMoney(value, currency, locale, { whole })
  }
  if (g.metric === 'share_of_wallet') {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 10000)
  }
  const n = new Intl.NumberFormat(locale).format(value)
  return g.unit ? `${n} ${g.unit}` : n
}

// ---- progress ----------------------------------------------------------------

export type Pace = 'done' | 'on_track' | 'behind' | 'off' | 'future'

/**
 * How a goal stands. A past year is judged on the result; the current year on
 * the share of the year gone, so a goal at 40 % in May is not shown as failing.
 */
export function goalPace(percent: number, year: number, today: string): Pace {
  const y = Number(today.slice(0, 4))
  if (percent >= 100) return 'done'
  if (year > y) return 'future'
  if (year < y) return percent >= 80 ? 'behind' : 'off'
  const start = Date.UTC(y, 0, 1)
  const day = Date.UTC(y, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)))
  const elapsed = ((day - start) / 86_400_000 + 1) / (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365)
  const expected = elapsed * 100
  if (percent >= expected - 5) return 'on_track'
  return percent >= expected * 0.75 ? 'behind' : 'off'
}

export function progressFor(progress: GoalProgress[] | null | undefined, goalId: string): GoalProgress | null {
  return (progress ?? []).find((p) => p.goalId === goalId) ?? null
}

// ---- completeness (the same rules as the plan core, for live feedback while editing) ----

const filled = (s: string | undefined) => !!s && s.trim() !== ''

export function completeness(p: Plan, planActions: number): Completeness {
  const has: Record<PlanPart, boolean> = {
    goals: (p.goals ?? []).length > 0,
    strategicFocus: filled(p.strategicFocus),
    positioning: filled(p.positioning?.statement) || filled(p.positioning?.valueProposition),
    actionPlan: filled(p.actionPlan) || planActions > 0,
    resources: (p.resources ?? []).some((r) => filled(r.description) || filled(r.owner)),
    budget: p.budget > 0 || p.forecast > 0,
    'value.functional': filled(p.value?.functional),
    'value.psychological': filled(p.value?.psychological),
    'value.customerCommitments': filled(p.value?.customerCommitments),
    'value.tracking': filled(p.value?.tracking),
  }
  const out: Completeness = { filled: [], missing: [], percent: 0 }
  for (const part of PARTS) (has[part] ? out.filled : out.missing).push(part)
  out.percent = Math.floor((out.filled.length * 100) / PARTS.length)
  return out
}

// ---- actions -------------------------------------------------------------------

export const isOpenAction = (a: Pick<Action, 'status'>) => a.status === 'open' || a.status === 'in_progress'

/** The plan's actions per goal (in goal order), then those tied to no current goal. Open first, by due date. */
export function groupActions(actions: ActionRow[] | null | undefined, goals: Goal[]): Map<string, ActionRow[]> {
  const ids = new Set(goals.map((g) => g.id))
  const out = new Map<string, ActionRow[]>()
  for (const g of goals) out.set(g.id, [])
  out.set('', [])
  for (const a of actions ?? []) {
    const key = ids.has(a.source?.detail) ? a.source.detail : ''
    out.get(key)!.push(a)
  }
  for (const list of out.values()) list.sort(compareActions)
  return out
}

function compareActions(a: ActionRow, b: ActionRow): number {
  const open = Number(isOpenAction(b)) - Number(isOpenAction(a))
  if (open) return open
  if (a.due !== b.due) return !a.due ? 1 : !b.due ? -1 : a.due < b.due ? -1 : 1
  return a.title.localeCompare(b.title, 'zh-CN')
}

// ---- comparison with the year before ---------------------------------------------

export type Change = 'added' | 'removed' | 'changed' | 'same'

/** The tag colour that marks each kind of change. */
export const CHANGE_TAG: Record<Change, 'success' | 'error' | 'warning' | 'default'> = {
  added: 'success', removed: 'error', changed: 'warning', same: 'default',
}

/** How a text part moved from last year to this year. */
export function textChange(prev: string | undefined, cur: string | undefined): Change {
  const a = (prev ?? '').trim(), b = (cur ?? '').trim()
  if (a === b) return 'same'
  if (!a) return 'added'
  if (!b) return 'removed'
  return 'changed'
}

export function numberChange(prev: number, cur: number): Change {
  if (prev === cur) return 'same'
  if (!prev) return 'added'
  if (!cur) return 'removed'
  return 'changed'
}

export interface ListItem {
  value: string
  change: 'added' | 'removed' | 'same'
}

/** This year's entries in order (new ones marked), then last year's that were dropped. */
export function listDiff(prev: readonly string[], cur: readonly string[], key: (s: string) => string = norm): ListItem[] {
  const before = new Set(prev.map(key))
  const now = new Set(cur.map(key))
  return [
    ...cur.map((value) => ({ value, change: before.has(key(value)) ? ('same' as const) : ('added' as const) })),
    ...prev.filter((v) => !now.has(key(v))).map((value) => ({ value, change: 'removed' as const })),
  ]
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')
const noDigits = (s: string) => norm(s).replace(/[\d.,，．%％]+/g, '#')

export interface GoalPair {
  prev: Goal | null
  cur: Goal | null
  change: Change
}

/**
 * Pairs last year's goals with this year's: the same title first, then the
 * same title but for its numbers, then (for the figure-based metrics) the
 * same metric, so "Revenue 2024" renamed to "Revenue 2025" still lines up.
 * Left-overs are added or removed goals.
 */
export function matchGoals(prev: readonly Goal[], cur: readonly Goal[]): GoalPair[] {
  const left = new Set(prev.map((_, i) => i))
  const pairOf = new Map<number, number>()
  const take = (ci: number, test: (p: Goal, c: Goal) => boolean) => {
    if (pairOf.has(ci)) return
    const c = cur[ci]!
    for (const pi of left) {
      if (test(prev[pi]!, c)) {
        pairOf.set(ci, pi)
        left.delete(pi)
        return
      }
    }
  }
  cur.forEach((_, ci) => take(ci, (p, c) => norm(p.title) === norm(c.title) && p.metric === c.metric))
  cur.forEach((_, ci) => take(ci, (p, c) => norm(p.title) === norm(c.title)))
  // "新增4家工厂导入" → "新增5家工厂导入": the same goal with a new number
  cur.forEach((_, ci) => take(ci, (p, c) => p.metric === c.metric && noDigits(p.title) === noDigits(c.title)))
  cur.forEach((_, ci) => take(ci, (p, c) => p.metric === c.metric && c.metric !== 'custom'))
  const out: GoalPair[] = cur.map((c, ci) => {
    const pi = pairOf.get(ci)
    const p = pi === undefined ? null : prev[pi]!
    return { prev: p, cur: c, change: p ? goalChange(p, c) : 'added' }
  })
  for (const pi of [...left].sort((a, b) => a - b)) out.push({ prev: prev[pi]!, cur: null, change: 'removed' })
  return out
}

function goalChange(p: Goal, c: Goal): Change {
  return p.title.trim() === c.title.trim() && p.metric === c.metric && p.target === c.target &&
    p.unit.trim() === c.unit.trim() && p.notes.trim() === c.notes.trim()
    ? 'same'
    : 'changed'
}

export interface ResourcePair {
  party: Resource['party']
  prev: Resource | null
  cur: Resource | null
  change: Change
}

/** Resource commitments matched on party and description. */
export function matchResources(prev: readonly Resource[], cur: readonly Resource[]): ResourcePair[] {
  const key = (r: Resource) => `${r.party}|${norm(r.description)}`
  const before = new Map(prev.map((r) => [key(r), r]))
  const now = new Set(cur.map(key))
  const out: ResourcePair[] = cur.map((r) => {
    const p = before.get(key(r)) ?? null
    return { party: r.party, prev: p, cur: r, change: !p ? 'added' : norm(p.owner) === norm(r.owner) ? 'same' : 'changed' }
  })
  for (const r of prev) if (!now.has(key(r))) out.push({ party: r.party, prev: r, cur: null, change: 'removed' })
  return out
}
