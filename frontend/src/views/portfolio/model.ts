// The portfolio views' pure pieces: names in the UI language, the live index
// preview of a scorecard being typed, bubble sizes, colours, and the filter
// as it travels in the address.
import type { LocationQuery } from 'vue-router'
import type {
  Criterion, Defence, PortfolioFilter, PortfolioSettings, Quadrant, Score, Tier, ValueClass,
} from '@/api/portfolio'

export const VIEWS = ['matrix', 'pareto', 'pyramid', 'values'] as const
export type PortfolioTab = (typeof VIEWS)[number]

/** Quadrant colours: the same in both themes, drawn as tints behind the bubbles. */
export const DEFENCE_COLORS: Record<Defence, string> = {
  defend: '#d03050',
  secure: '#18a058',
  question: '#d48806',
  hold: '#8a94a6',
}

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  strategic: '#2f5bb7',
  star: '#d48806',
  status: '#18a058',
  streamline: '#8a94a6',
}

/** Tier colours by rank, best first; a tier set longer than this cycles. */
export const TIER_COLORS = ['#2f5bb7', '#13a8a8', '#d48806', '#8a94a6', '#9c5bd3', '#d03050']
export const UNTIERED_COLOR = '#b8c0cc'

export const CLASS_COLORS: Record<ValueClass, string> = {
  core: '#2f5bb7',
  potential: '#d48806',
  over_served: '#13a8a8',
  marginal: '#8a94a6',
}

export const ABC_COLORS = { A: '#2f5bb7', B: '#13a8a8', C: '#8a94a6' } as const

export function tierColor(tiers: readonly Tier[], key: string): string {
  const i = tiers.findIndex((t) => t.key === key)
  return i < 0 ? UNTIERED_COLOR : TIER_COLORS[i % TIER_COLORS.length]!
}

/** A bilingual label in the UI language, falling back to the other one. */
export function localName(x: { en: string; zh: string }, locale: string): string {
  return locale.startsWith('zh') ? x.zh || x.en : x.en || x.zh
}

export function tierName(tiers: readonly Tier[], key: string, locale: string): string {
  const tier = tiers.find((t) => t.key === key)
  return tier ? localName(tier, locale) : key
}

/** Σ(weight × score) / 100 on the 1–10 scale, two decimals, as the Go core computes it. */
export function scoreIndex(criteria: readonly Criterion[], scores: readonly Score[]): number {
  const by = new Map(scores.map((s) => [s.key, s.score]))
  let sum = 0
  for (const c of criteria) sum += c.weight * (by.get(c.key) ?? 0)
  return Math.round(sum) / 100
}

export function quadrantOf(attractiveness: number, strength: number, cut: number): Quadrant {
  const hiA = attractiveness >= cut
  const hiS = strength >= cut
  if (hiA && hiS) return 'strategic'
  if (hiA) return 'star'
  if (hiS) return 'status'
  return 'streamline'
}

export function weightSum(criteria: readonly Criterion[]): number {
  return criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0)
}

/**
 * Bubble diameter in px for a revenue: area proportional to revenue (sqrt
 * scale) between min and max, so a small account is still a visible dot.
 */
export function bubbleSize(revenue: number, maxRevenue: number, min = 7, max = 46): number {
  if (!(maxRevenue > 0) || !(revenue > 0)) return min
  return min + (max - min) * Math.sqrt(Math.min(revenue, maxRevenue) / maxRevenue)
}

/** A fresh score sheet for the settings' criteria, seeded from an earlier card where it has the criterion. */
export function blankScores(criteria: readonly Criterion[], from: readonly Score[] = []): Score[] {
  const prev = new Map(from.map((s) => [s.key, s.score]))
  return criteria.map((c) => ({ key: c.key, score: prev.get(c.key) ?? 5, note: '' }))
}

export function emptyFilter(): PortfolioFilter {
  return { year: 0, owner: '', segment: '', tier: '' }
}

/** The filter read from the address (?year=&owner=&segment=&tier=). */
export function filterFromQuery(q: LocationQuery): PortfolioFilter {
  const one = (v: unknown) => (typeof v === 'string' ? v : '')
  const year = Number(one(q.year))
  return {
    year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : 0,
    owner: one(q.owner),
    segment: one(q.segment),
    tier: one(q.tier),
  }
}

/** The filter as address query keys; empty values are left out. */
export function filterToQuery(f: PortfolioFilter): Record<string, string | undefined> {
  return {
    year: f.year ? String(f.year) : undefined,
    owner: f.owner || undefined,
    segment: f.segment || undefined,
    tier: f.tier || undefined,
  }
}

export function tabFromQuery(v: unknown): PortfolioTab {
  return VIEWS.includes(v as PortfolioTab) ? (v as PortfolioTab) : 'matrix'
}

/** The settings' key-account tiers. */
export function keyTiers(s: Pick<PortfolioSettings, 'tiers'>): string[] {
  return s.tiers.filter((t) => t.keyAccount).map((t) => t.key)
}

/** base64 text → Blob, for a file the server made. */
export function base64Blob(b64: string, type: string): Blob {
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type })
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** CLV = m·r/(1+i−r) − AC, the infinite-horizon formula, for the live preview in the inputs form. */
export function clv(margin: number, retention: number, discount: number, acquisition: number): number | null {
  if (margin < 0 || acquisition < 0 || retention < 0 || retention > 1 || discount < 0 || discount > 1) return null
  if (retention >= 1 + discount) return null
  return (margin * retention) / (1 + discount - retention) - acquisition
}
