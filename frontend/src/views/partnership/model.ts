// Pure helpers of the relationship tab: blank and copied assessments, the
// plain-words reason of a type, item names with the settings' overrides.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  BONUSES, COMPONENTS, DRIVERS, FACILITATORS, OUTCOMES, PRECONDITIONS,
  type Assessment, type Explanation, type Label, type PartnershipSettings, type Profile,
} from '@/api/partnership'

/** A deep copy of JSON data; works on Vue's reactive proxies, which structuredClone refuses. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

/** A new assessment with every item present and unscored, or copied from an earlier one (scores and levels, not notes). */
export function blankAssessment(accountId: string, today: string, from?: Assessment | null): Assessment {
  const rate = (keys: readonly string[], src?: Record<string, { score: number }>) =>
    Object.fromEntries(keys.map((k) => [k, { score: src?.[k]?.score ?? 0, note: '' }]))
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '',
    accountId,
    assessedOn: today,
    drivers: { ours: rate(DRIVERS, from?.drivers.ours), customer: rate(DRIVERS, from?.drivers.customer) },
    facilitators: rate(FACILITATORS, from?.facilitators),
    bonuses: Object.fromEntries(BONUSES.map((k) => [k, { present: !!from?.bonuses?.[k]?.present, note: '' }])),
    components: Object.fromEntries(COMPONENTS.map((k) => [k, { level: from?.components?.[k]?.level ?? '', note: '' }])),
    outcomes: rate(OUTCOMES, from?.outcomes),
    preconditions: Object.fromEntries(PRECONDITIONS.map((k) => [k, !!from?.preconditions?.[k]])),
    portfolio: from?.portfolio ?? '',
    notes: '',
    settingsVersion: 0,
  }
}

/** An assessment from the server made complete (every key present), for editing. */
export function editable(a: Assessment): Assessment {
  const base = blankAssessment(a.accountId, a.assessedOn)
  const merge = <T>(blank: Record<string, T>, have?: Record<string, T>) => ({ ...blank, ...(have ?? {}) })
  return {
    ...clone(a),
    drivers: { ours: merge(base.drivers.ours, a.drivers?.ours), customer: merge(base.drivers.customer, a.drivers?.customer) },
    facilitators: merge(base.facilitators, a.facilitators),
    bonuses: merge(base.bonuses, a.bonuses),
    components: merge(base.components, a.components),
    outcomes: merge(base.outcomes, a.outcomes),
    preconditions: merge(base.preconditions, a.preconditions),
  }
}

/** How many required scores (drivers of both sides, facilitators) are still 0. */
export function unscored(a: Assessment): number {
  let n = 0
  for (const k of DRIVERS) {
    if (!a.drivers.ours[k]?.score) n++
    if (!a.drivers.customer[k]?.score) n++
  }
  for (const k of FACILITATORS) if (!a.facilitators[k]?.score) n++
  return n
}

/** Client-side preview of D and F while the form is filled (the server's result is authoritative). */
export function preview(a: Assessment, s: PartnershipSettings) {
  const sum = (m: Record<string, { score: number }>, keys: readonly string[]) => keys.reduce((x, k) => x + (m[k]?.score ?? 0), 0)
  const ours = sum(a.drivers.ours, DRIVERS)
  const customer = sum(a.drivers.customer, DRIVERS)
  const bonus = BONUSES.filter((k) => a.bonuses[k]?.present).length * s.bonusPoints
  const f = sum(a.facilitators, FACILITATORS) + bonus
  const d = Math.min(ours, customer)
  const band = (x: number) => (x < s.armsLengthBelow ? -1 : x < s.middleFrom ? 0 : x < s.highFrom ? 1 : 2)
  const bd = band(d)
  const bf = band(f)
  const type = bd < 0 || bf < 0 ? 'arms_length' : (s.matrix[bf]?.[bd] ?? 'arms_length')
  return { ours, customer, d, f, type }
}

/** Names of model items (drivers, components, types ...) with the settings' renames in the UI language. */
export function usePartnershipLabels(settings: () => PartnershipSettings | null | undefined) {
  const { t, locale } = useI18n()
  const labels = computed<Record<string, Label>>(() => settings()?.labels ?? {})
  function name(group: string, key: string): string {
    const o = labels.value[key]
    const own = o ? (locale.value === 'zh-CN' ? o.zh : o.en) : ''
    return own?.trim() || t(`partnership.${group}.${key}`)
  }
  return {
    typeName: (k: string) => name('types', k),
    driver: (k: string) => name('drivers', k),
    facilitator: (k: string) => name('facilitators', k),
    bonus: (k: string) => name('bonuses', k),
    component: (k: string) => name('components', k),
    outcome: (k: string) => name('outcomes', k),
    precondition: (k: string) => name('preconditions', k),
    portfolio: (k: string) => (k ? name('portfolio', k) : t('partnership.portfolio.none')),
  }
}

/** The reason a type was recommended, in plain words in the UI language. */
export function reasonText(
  t: (key: string, params?: Record<string, unknown>) => string,
  r: Explanation,
  typeName: string,
): string {
  const below = t('partnership.reason.below', { cut: r.cut })
  const key = {
    matrix: 'text',
    drivers_low: 'textDriversLow',
    facilitators_low: 'textFacilitatorsLow',
    both_low: 'textBothLow',
  }[r.code] ?? 'text'
  return t(`partnership.reason.${key}`, {
    d: r.d, f: r.f, lower: t(`partnership.reason.lower.${r.lower}`), below, type: typeName,
  })
}

/** An empty relationship profile for an account. */
export function blankProfile(accountId: string): Profile {
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '', accountId, phase: '', stage: '',
    indicators: { supplierStatus: '', informationShared: '', jointPlanning: '', pricingBasis: '' },
    organizational: '', departments: [], influences: [], history: [], notes: '',
  }
}

/** The profile's editable parts, for sending back (the server keeps the history). */
export function profileCopy(p: Profile): Profile {
  return clone({ ...p, departments: p.departments ?? [], influences: p.influences ?? [], history: p.history ?? [] })
}

/** Today in the user's zone as YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Colours of the relationship levels 0..5, cold to warm: one scale for the map and its legend. */
export const LEVEL_COLORS = ['#9aa4b2', '#8c9eff', '#5c9ded', '#36b3a8', '#52c41a', '#1f9d55'] as const

/** Colours of the partnership types, arm's length to Type III. */
export const TYPE_COLORS: Record<string, string> = {
  arms_length: '#8a94a6', type_1: '#5c9ded', type_2: '#36b3a8', type_3: '#7b61ff',
}
