// The global account programs service (app/program.go) and its JSON shapes
// (core/program). Money is in minor units of the program's one currency;
// percentages are basis points (1/100 %), satisfaction tenths of a 0–10 score.
import { call } from './transport'
import { outgoing } from './services'
import type { ActionRow, DateString, Meta } from './types'

export type Structure = 'coordination' | 'control' | 'separate_unit'
export type ProgramStatus = 'planned' | 'active' | 'paused' | 'ended'
export type Coverage = 'covered' | 'partial' | 'none'
export type Harmonization = 'uniform' | 'banded' | 'local'
export type KpiMetric = 'revenue' | 'margin' | 'coverage' | 'adoption' | 'satisfaction'
export type HealthLevel = 'green' | 'amber' | 'red'
export type RuleKey = 'revenue_red' | 'revenue_amber' | 'renewal_urgent' | 'renewal_near' | 'coverage_fell'
  | 'overdue_actions' | 'kpi_short' | 'actuals_missing'
export type AlertLevel = 'notice' | 'urgent' | 'overdue' | 'expired'

export const STRUCTURES: readonly Structure[] = ['coordination', 'control', 'separate_unit']
export const PROGRAM_STATUSES: readonly ProgramStatus[] = ['planned', 'active', 'paused', 'ended']
export const COVERAGES: readonly Coverage[] = ['covered', 'partial', 'none']
export const HARMONIZATIONS: readonly Harmonization[] = ['uniform', 'banded', 'local']
export const KPI_METRICS: readonly KpiMetric[] = ['revenue', 'margin', 'coverage', 'adoption', 'satisfaction']
export const EXTERNAL_DRIVERS = ['global_purchasing', 'uniform_terms', 'weak_local_support', 'global_systems'] as const
export const INTERNAL_DRIVERS = ['global_opportunity', 'weak_subsidiaries', 'infrastructure_ready'] as const
export const RULE_KEYS: readonly RuleKey[] = ['revenue_red', 'revenue_amber', 'renewal_urgent', 'renewal_near',
  'coverage_fell', 'overdue_actions', 'kpi_short', 'actuals_missing']
/** Action details a program's actions carry. */
export const DETAIL_MILESTONE = 'milestone'
export const DETAIL_RENEWAL = 'renewal'

export interface Driver { key: string; present: boolean; notes: string }

export interface QuarterFigure {
  year: number
  quarter: number
  /** minor units */
  target: number
  /** minor units; null until entered ("not yet" is not zero) */
  actual: number | null
}

export interface CoverageChange { on: DateString; coverage: Coverage }

export interface Country {
  id: string
  country: string
  entityId: string
  lead: string
  coverage: Coverage
  /** basis points; null = unknown */
  shareOfWallet: number | null
  added: DateString
  dropped: DateString
  coverageLog: CoverageChange[]
  quarters: QuarterFigure[]
  notes: string
}

export interface Contract {
  number: string
  scope: string
  start: DateString
  end: DateString
  /** notice / renewal date; "" = the end date */
  renewal: DateString
  harmonization: Harmonization
  adopted: string[]
}

export interface Kpi { metric: KpiMetric; target: number; actual: number | null }

export interface Program extends Meta {
  accountId: string
  manager: string
  sponsor: string
  committee: string[]
  structure: Structure
  start: DateString
  status: ProgramStatus
  /** the one currency of every amount in the program */
  currency: string
  drivers: Driver[]
  countries: Country[]
  contract: Contract | null
  kpis: Kpi[]
  notes: string
}

export interface Finding {
  rule: RuleKey
  level: 'amber' | 'red'
  params: Record<string, unknown>
  reason: string
}

export interface Health { level: HealthLevel; findings: Finding[] }

export interface RenewalAlert {
  level: AlertLevel
  date: DateString
  end: DateString
  days: number
  actioned: boolean
}

export interface Figures {
  targetYear: number
  targetToDate: number
  actualToDate: number
  percent: number
  known: boolean
  missing: number
}

export interface Share { percent: number; known: boolean }

export interface CountryRollup {
  id: string
  country: string
  region: string
  coverage: Coverage
  current: boolean
  added: DateString
  dropped: DateString
  adopted: boolean
  figures: Figures
}

export interface Rollup {
  key: string
  countries: number
  covered: number
  partial: number
  none: number
  coverage: Share
  adoption: Share
  figures: Figures
}

export interface QuarterPoint {
  year: number
  quarter: number
  target: number
  actual: number
  hasActual: boolean
  closed: boolean
}

export interface Rollups {
  year: number
  today: DateString
  countries: CountryRollup[]
  regions: Rollup[]
  total: Rollup
  trend: QuarterPoint[]
}

export interface KpiResult {
  metric: KpiMetric
  target: number
  actual: number
  known: boolean
  percent: number
  computed: boolean
  targetFromCountries: boolean
}

export interface GroupAccount {
  id: string
  name: string
  country: string
  parentId: string
  depth: number
  archived: boolean
}

export interface Rule { key: RuleKey; enabled: boolean; level: 'amber' | 'red'; threshold: number }

export interface ProgramSettings { rules: Rule[]; partialWeight: number }

export interface ProgramSettingsModel extends Meta {
  area: string
  version: number
  value: ProgramSettings
  defaults: boolean
}

export interface Region { key: string; en: string; zh: string }

export interface ProgramView {
  program: Program
  accountName: string
  readonly: boolean
  year: number
  today: DateString
  health: Health
  renewal: RenewalAlert | null
  rollups: Rollups
  kpis: KpiResult[]
  actions: ActionRow[]
  group: GroupAccount[]
  settings: ProgramSettings
  settingsVersion: number
  regions: Region[]
}

export interface ProgramQuery { search: string; health: string; status: string; manager: string }

export interface ProgramRow {
  id: string
  rev: number
  accountId: string
  accountName: string
  manager: string
  sponsor: string
  status: ProgramStatus
  structure: Structure
  start: DateString
  currency: string
  health: HealthLevel
  findings: Finding[]
  countries: number
  coverage: Share
  revenue: Figures
  nextRenewal: DateString
  renewal: RenewalAlert | null
  overdueActions: number
  openActions: number
}

export interface ProgramCandidate {
  id: string
  name: string
  country: string
  currency: string
  owner: string
  subsidiaries: number
  countries: string[]
}

export interface ProgramList {
  today: DateString
  rows: ProgramRow[]
  total: number
  managers: string[]
  candidates: ProgramCandidate[]
  /** days ahead a renewal alerts (the renewal_near rule's threshold) */
  renewalHorizon: number
}

/** A subsidiary created while marking a global account. */
export interface NewSubsidiary { name: string; country: string }

/** Marks an account as a global account: accounts to link under it, subsidiaries to create. */
export interface Marking { accountId: string; link: string[]; create: NewSubsidiary[] }

export interface GlobalGroup {
  accountId: string
  accountName: string
  group: GroupAccount[]
  countries: string[]
  /** ids of the subsidiaries created */
  created: string[]
  /** its live program, "" when none */
  programId: string
}

/** An account offered when marking a global account, with what stands in the way of linking it. */
export interface LinkOption {
  id: string
  name: string
  country: string
  parentId: string
  parentName: string
  inGroup: boolean
  ancestor: boolean
  hasProgram: boolean
  children: number
}

export interface QuarterInput {
  countryId: string
  year: number
  quarter: number
  target: number
  actual: number | null
}

const S = 'ProgramService'

export const programs = {
  list: (q: ProgramQuery) => call<ProgramList>(S, 'List', q),
  /** year 0 = this year */
  get: (id: string, year: number) => call<ProgramView>(S, 'Get', id, year),
  create: (p: Program) => call<Program>(S, 'Create', outgoing(p)),
  /** the header: people, structure, start, status, currency, drivers, notes */
  save: (p: Program) => call<Program>(S, 'Save', outgoing(p)),
  /** add (id "") or update one country row */
  saveCountry: (id: string, rev: number, c: Country) => call<Program>(S, 'SaveCountry', id, rev, c),
  /** on "" = today */
  dropCountry: (id: string, rev: number, countryId: string, on: DateString) => call<Program>(S, 'DropCountry', id, rev, countryId, on),
  setQuarters: (id: string, rev: number, q: QuarterInput[]) => call<Program>(S, 'SetQuarters', id, rev, q),
  /** null removes the contract */
  saveContract: (id: string, rev: number, c: Contract | null) => call<Program>(S, 'SaveContract', id, rev, c),
  saveKpis: (id: string, rev: number, k: Kpi[]) => call<Program>(S, 'SaveKPIs', id, rev, k),
  archive: (id: string, rev: number) => call<void>(S, 'Archive', id, rev),
  /** link existing accounts and create subsidiaries under a global account, all or nothing */
  markGlobal: (m: Marking) => call<GlobalGroup>(S, 'MarkGlobal', m),
  /** live accounts for the marking form; accountId "" when choosing the global account */
  linkOptions: (accountId: string) => call<LinkOption[]>(S, 'LinkOptions', accountId),
  /** the account's live program id, "" when it has none */
  forAccount: (accountId: string) => call<string>(S, 'ForAccount', accountId),
  settings: () => call<ProgramSettingsModel>(S, 'Settings'),
  saveSettings: (v: ProgramSettings, base: number) => call<ProgramSettingsModel>(S, 'SaveSettings', v, base),
  restoreDefaults: (base: number) => call<ProgramSettingsModel>(S, 'RestoreDefaults', base),
}

export function emptyProgram(accountId: string, currency: string, manager: string, start: DateString): Program {
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '', accountId, manager, sponsor: '', committee: [],
    structure: 'coordination', start, status: 'active', currency,
    drivers: [...EXTERNAL_DRIVERS, ...INTERNAL_DRIVERS].map((key) => ({ key, present: false, notes: '' })),
    countries: [], contract: null, kpis: [], notes: '',
  }
}
