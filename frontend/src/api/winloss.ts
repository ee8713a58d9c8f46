// Types and calls of the opportunity and win-loss services (app/opportunity.go,
// app/winloss.go; the model in core/opportunity and core/winloss).
import type { Tier } from './portfolio'
import { call } from './transport'
import { outgoing } from './services'
import type { AccountRef, DateString, Meta } from './types'

export interface Money {
  amount: number
  currency: string
}

export const OUTCOMES = ['won', 'lost', 'no_decision', 'withdrawn', 'invalid'] as const
export type Outcome = (typeof OUTCOMES)[number]

export const ANSWERS = ['yes', 'maybe', 'no'] as const
export type Answer = (typeof ANSWERS)[number]

/** The Real–Win–Worth screen's eight questions, by part. */
export const QUESTIONS = [
  { key: 'need', part: 'real' },
  { key: 'budget', part: 'real' },
  { key: 'will_buy', part: 'real' },
  { key: 'advantage', part: 'win' },
  { key: 'resources', part: 'win' },
  { key: 'competitor_response', part: 'win' },
  { key: 'profit', part: 'worth' },
  { key: 'strategy', part: 'worth' },
] as const
export type QuestionKey = (typeof QUESTIONS)[number]['key']
export const PARTS = ['real', 'win', 'worth'] as const

export interface Label {
  en: string
  zh: string
}
export interface Stage {
  key: string
  label: Label
  probability: number
}
export interface Reason {
  key: string
  label: Label
  group: 'decision' | 'no_decision'
}
export interface WinLossSettings {
  stages: Stage[]
  reasons: Reason[]
  stalledDays: number
}
export interface SettingsModel<T> extends Meta {
  area: string
  version: number
  value: T
  defaults: boolean
}

export interface StageChange {
  stage: string
  on: DateString
}
export interface Interview {
  who: string
  role: string
  on: DateString
  drivers: string[]
  quotes: string
}
export interface Close {
  outcome: Outcome | ''
  primaryReason: string
  secondaryReasons: string[]
  winner: string
  lessons: string
  on: DateString
  interview: Interview | null
}

export interface Opportunity extends Meta {
  accountId: string
  title: string
  value: Money
  stage: string
  probability: number
  expectedClose: DateString
  openedOn: DateString
  competitors: string[]
  influences: string[]
  screen: Partial<Record<QuestionKey, Answer>>
  owner: string
  notes: string
  history: StageChange[]
  close: Close | null
  settingsVersion: number
}

export interface PartScore {
  part: string
  points: number
  max: number
  answered: number
  count: number
  noes: number
}
export interface ScreenResult {
  parts: PartScore[]
  points: number
  max: number
  answered: number
  flagged: boolean
  complete: boolean
}

export interface OpportunityRow extends Opportunity {
  screenResult: ScreenResult
  stalled: boolean
  weighted: number
  furthest: string
}

export interface AccountDeals {
  deals: OpportunityRow[]
  settings: SettingsModel<WinLossSettings>
  versions: Record<string, WinLossSettings>
  today: DateString
  competitors: string[]
}

/** The compact deal the pipeline and the figures read. */
export interface Deal {
  id: string
  accountId: string
  title: string
  owner: string
  value: Money
  stage: string
  probability: number
  openedOn: DateString
  expectedClose: DateString
  lastChange: DateString
  competitors: string[] | null
  flagged: boolean
  outcome: Outcome | ''
  closedOn: DateString
  primaryReason: string
  secondaryReasons: string[] | null
  winner: string
  drivers: string[] | null
  interviewed: boolean
}

export interface PipelineQuery {
  owner: string
  segment: string
  /** the account's tier: set by hand, else suggested by its quadrant */
  tier: string
  accountId: string
  from: DateString
  to: DateString
  stage: string
  stalledOnly: boolean
  flaggedOnly: boolean
  sort: '' | 'value' | 'weighted' | 'expectedClose' | 'lastChange' | 'title' | 'account' | 'stage'
  desc: boolean
  offset: number
  limit: number
}

export interface PipelineRow extends Deal {
  accountName: string
  stalled: boolean
  daysInStage: number
  weighted: number
  reportingValue: number
  converted: boolean
}

export interface StageColumn {
  stage: string
  count: number
  value: number
  weighted: number
  stalled: number
  cards: PipelineRow[]
}

export interface MissingRate {
  currency: string
  year: number
  deals: number
}

export interface Pipeline {
  currency: string
  today: DateString
  stalledDays: number
  stages: StageColumn[]
  rows: PipelineRow[]
  total: number
  count: number
  value: number
  weighted: number
  stalled: number
  flagged: number
  missing: MissingRate[]
  excluded: number
  owners: string[]
  segments: string[]
  /** the firm's tiers, for the filter */
  tiers: Tier[]
  settings: WinLossSettings
}

export interface Filter {
  from: DateString
  to: DateString
  owner: string
  segment: string
  tier: string
  accountId: string
  competitor: string
}

export interface Rate {
  part: number
  whole: number
  percent: number
  defined: boolean
}
export interface Counts {
  won: number
  lost: number
  noDecision: number
  withdrawn: number
  invalid: number
  closed: number
}
export interface CompetitorRow {
  name: string
  deals: number
  won: number
  lost: number
  lostTo: number
  lostToValue: number
  winRate: Rate
}
export interface ReasonRow {
  reason: string
  deals: number
  secondary: number
  lostValue: number
  noDecisionValue: number
  value: number
  share: number
  cumulative: number
}
export interface StageRow {
  stage: string
  lost: number
  lostValue: number
  noDecision: number
}
export interface Stats {
  deals: number
  avgDays: number
  medianDays: number
  valueDeals: number
  avgValue: number
  medianValue: number
}
export interface Quarter {
  key: string
  won: number
  lost: number
  noDecision: number
  wonValue: number
  lostValue: number
  winRate: Rate
}
export interface RepeatLoss {
  accountId: string
  name: string
  losses: number
  lostValue: number
  last: DateString
}
export interface Voice {
  reason: string
  seller: number
  buyer: number
}

export interface Analysis {
  currency: string
  counts: Counts
  winRate: Rate
  valueWinRate: Rate
  noDecisionRate: Rate
  wonValue: number
  lostValue: number
  noDecisionValue: number
  competitors: CompetitorRow[]
  reasons: ReasonRow[]
  stages: StageRow[]
  cycle: { won: Stats; lost: Stats }
  trend: Quarter[]
  repeatLosses: RepeatLoss[]
  repeatFrom: DateString
  repeatTo: DateString
  voices: Voice[]
  interviews: number
  missing: MissingRate[]
  valueExcluded: number
}

export interface AnalysisView extends Analysis {
  filter: Filter
  today: DateString
  settings: WinLossSettings
  owners: string[]
  segments: string[]
  tiers: Tier[]
  competitorNames: string[]
  accounts: AccountRef[]
}

export interface AccountSummary extends Analysis {
  open: number
  openValue: number
  openWeighted: number
  openStalled: number
  openMissing: number
}

export const CHARTS = ['outcome', 'reason', 'competitor', 'lost_to', 'stage', 'cycle', 'quarter', 'repeat', 'voice'] as const
export type Chart = (typeof CHARTS)[number]
export interface Selection {
  chart: Chart | ''
  key: string
}

export interface DealRow extends Deal {
  accountName: string
  reportingValue: number
  converted: boolean
  cycleDays: number
  furthest: string
}
export interface DealList {
  rows: DealRow[]
  total: number
  currency: string
}

/** One table of an Excel export. */
export interface Sheet {
  name: string
  headers: string[]
  rows: (string | number)[][]
}

export const emptyFilter = (): Filter => ({ from: '', to: '', owner: '', segment: '', tier: '', accountId: '', competitor: '' })

export const emptyPipelineQuery = (): PipelineQuery => ({
  owner: '', segment: '', tier: '', accountId: '', from: '', to: '', stage: '', stalledOnly: false, flaggedOnly: false,
  sort: 'expectedClose', desc: false, offset: 0, limit: 50,
})

export const opportunities = {
  forAccount: (accountId: string) => call<AccountDeals>('OpportunityService', 'ForAccount', accountId),
  /** create (id "") or update; stage changes are recorded with today's date */
  save: (o: Opportunity) => call<Opportunity>('OpportunityService', 'Save', outgoing(o)),
  moveStage: (accountId: string, id: string, rev: number, stage: string) =>
    call<Opportunity>('OpportunityService', 'MoveStage', accountId, id, rev, stage),
  close: (accountId: string, id: string, rev: number, c: Close) =>
    call<Opportunity>('OpportunityService', 'Close', accountId, id, rev, c),
  reopen: (accountId: string, id: string, rev: number) => call<Opportunity>('OpportunityService', 'Reopen', accountId, id, rev),
  archive: (accountId: string, id: string, rev: number) => call<void>('OpportunityService', 'Archive', accountId, id, rev),
  pipeline: (q: PipelineQuery) => call<Pipeline>('OpportunityService', 'Pipeline', q),
  settings: () => call<SettingsModel<WinLossSettings>>('OpportunityService', 'Settings'),
  saveSettings: (v: WinLossSettings, base: number) =>
    call<SettingsModel<WinLossSettings>>('OpportunityService', 'SaveSettings', v, base),
  restoreDefaults: (base: number) => call<SettingsModel<WinLossSettings>>('OpportunityService', 'RestoreDefaults', base),
}

export const winloss = {
  analysis: (f: Filter) => call<AnalysisView>('WinLossService', 'Analysis', f),
  deals: (f: Filter, sel: Selection, offset: number, limit: number) =>
    call<DealList>('WinLossService', 'Deals', f, sel, offset, limit),
  account: (accountId: string) => call<AccountSummary>('WinLossService', 'Account', accountId),
  /** an .xlsx file of the tables, base64 */
  workbook: (sheets: Sheet[]) => call<string>('WinLossService', 'Workbook', sheets),
}
