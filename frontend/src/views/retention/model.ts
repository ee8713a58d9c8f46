// Pure helpers of the switching-cost and retention views: blank records, the
// board's grouping, the quadrant's colours and the words of the .ics file.
import {
  DIMENSIONS, LEVERS, SUB_TYPES, type Assessment, type LeverActionRow, type LeverKey, type Quadrant,
  type RetentionCase, type RetentionSettings, type Survey, type SwitchingPlan,
} from '@/api/retention'
import type { ActionStatus } from '@/api/types'

export function blankAssessment(accountId: string, date: string, assessor: string): Assessment {
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '', accountId, date, assessor, notes: '', settingsVersion: 0,
    scores: SUB_TYPES.map((s) => ({ key: s.key, score: 3, note: '' })),
  }
}

export function blankSurvey(accountId: string, date: string, settings: RetentionSettings | null): Survey {
  const w = settings?.switching.surveyWeights
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '', accountId, date, respondent: '', notes: '', settingsVersion: 0,
    dimensions: DIMENSIONS.map((key) => ({ key, expectation: 6, perception: 5, weight: w?.[key] ?? 20, note: '' })),
  }
}

export function blankPlan(accountId: string, start: string, title: string): SwitchingPlan {
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '', accountId, title, start, notes: '',
    levers: LEVERS.map((key) => ({ key, strength: 2, target: 4, note: '' })),
  }
}

export function blankCase(accountId: string, opened: string, tier: RetentionCase['tier']): RetentionCase {
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '', accountId, opened, situation: 'at_risk', cause: 'neglect', causeNote: '',
    tier, strategy: tier === 'A' ? 'executive' : tier === 'B' ? 'recovery' : 'service', approach: '', outcome: 'open',
    closed: '', notes: '',
  }
}

/** The sum of a record's weights, for the "adds up to 100" indicator. */
export function weightTotal(weights: Record<string, number> | { weight: number }[]): number {
  const values = Array.isArray(weights) ? weights.map((w) => w.weight) : Object.values(weights)
  return values.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0)
}

export const BOARD_STATUSES: ActionStatus[] = ['open', 'in_progress', 'done', 'cancelled']

export function isOverdue(a: { due: string; status: ActionStatus }, today: string): boolean {
  return !!a.due && a.due < today && (a.status === 'open' || a.status === 'in_progress')
}

/** The plan's actions by lever, each lever's sorted open-first then by due date. */
export function byLever(actions: LeverActionRow[]): Record<LeverKey, LeverActionRow[]> {
  const out = Object.fromEntries(LEVERS.map((k) => [k, [] as LeverActionRow[]])) as Record<LeverKey, LeverActionRow[]>
  const rank = (s: ActionStatus) => BOARD_STATUSES.indexOf(s)
  for (const a of actions) {
    const list = out[a.source.detail as LeverKey]
    if (list) list.push(a)
  }
  for (const k of LEVERS) {
    out[k].sort((a, b) => rank(a.status) - rank(b.status) || (a.due || '9999').localeCompare(b.due || '9999') || a.title.localeCompare(b.title))
  }
  return out
}

/** Colours of the quadrants, the same in both themes (they sit on the chart's own background). */
export const QUADRANT_COLORS: Record<Quadrant, string> = {
  loyal: '#18a058',
  captive: '#2080f0',
  free: '#f0a020',
  at_risk: '#d03050',
}

export const LEVEL_COLORS = { low: '#18a058', medium: '#f0a020', high: '#d03050' } as const

/** The words the exported calendar uses, in the UI language (see switching.CalendarLabels). */
export function calendarLabels(t: (key: string) => string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of LEVERS) out[`lever.${k}`] = t(`retention.plan.levers.${k}`)
  for (const s of BOARD_STATUSES) out[`status.${s}`] = t(`retention.plan.status.${s}`)
  for (const k of ['lever', 'owner', 'status', 'cost', 'evidence', 'notes']) out[k] = t(`retention.plan.ics.${k}`)
  return out
}

/** Rounds for display: one decimal, halves away from zero as Go rounds, no trailing ".0". */
export function one(n: number): string {
  const r = (Math.sign(n) * Math.round(Math.abs(n) * 10)) / 10
  return String(Object.is(r, -0) ? 0 : r)
}
