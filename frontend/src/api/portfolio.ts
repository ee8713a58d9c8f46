// Choosing and tiering key accounts, and the home page: the JSON shapes of
// core/portfolio, app/portfolio.go, app/portfolioviews.go, app/dashboard.go
// and app/portfolioexport.go, and their typed calls. Amounts are minor units
// of the reporting currency (`currency` on each view).
import { call } from './transport'
import { outgoing } from './services'
import type { ActionCounts, ActionRow, DateString, Meta, ModelSettings } from './types'

export const QUADRANTS = ['strategic', 'star', 'status', 'streamline'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export const VALUE_CLASSES = ['core', 'potential', 'over_served', 'marginal'] as const
export type ValueClass = (typeof VALUE_CLASSES)[number]

export const ABC_CLASSES = ['A', 'B', 'C'] as const
export type AbcClass = (typeof ABC_CLASSES)[number]

export type Axis = 'attractiveness' | 'strength'
export const AXES: readonly Axis[] = ['attractiveness', 'strength']

export interface Criterion {
  key: string
  en: string
  zh: string
  /** weights of a scorecard sum to 100 */
  weight: number
}

export interface Tier {
  key: string
  en: string
  zh: string
  /** counted against the portfolio's healthy size */
  keyAccount: boolean
}

export interface Band {
  key: string
  en: string
  zh: string
  /** revenue from (minor units of the reporting currency) */
  min: number
}

export interface PortfolioSettings {
  attractiveness: Criterion[]
  strength: Criterion[]
  /** both axes cut here (1–10): at or above is high */
  cut: number
  /** best first */
  tiers: Tier[]
  quadrantTier: Record<Quadrant, string>
  maxKeyAccounts: number
  classA: number
  classB: number
  /** highest first; the last starts at 0 */
  bands: Band[]
  cpvCut: number
  /** 0 = the portfolio's median */
  clvCut: number
  retention: number
  discount: number
}

export type PortfolioSettingsModel = ModelSettings<PortfolioSettings>

export interface Score {
  key: string
  score: number
  note: string
}

export interface Scorecard extends Meta {
  accountId: string
  scoredOn: DateString
  attractiveness: Score[]
  strength: Score[]
  settingsVersion: number
}

export interface Position {
  attractiveness: number
  strength: number
  quadrant: Quadrant
  suggestedTier: string
}

/** A scorecard with the criteria and cut of the settings it was made with. */
export interface ScorecardView {
  scorecard: Scorecard
  position: Position
  attractiveness: Criterion[]
  strength: Criterion[]
  cut: number
}

export interface Assignment extends Meta {
  accountId: string
  tier: string
  setOn: DateString
  reason: string
}

export interface Inputs extends Meta {
  accountId: string
  /** null = the settings' default */
  retention: number | null
  discount: number | null
  acquisition: number
  /** per year */
  costToServe: number
  perceivedValue: number | null
}

export interface PortfolioFilter {
  /** 0 = last year, the latest complete one */
  year: number
  owner: string
  segment: string
  tier: string
}

export interface MatrixPoint {
  accountId: string
  name: string
  owner: string
  segment: string
  country: string
  /** assigned, else suggested by the quadrant; "" when unscored and unassigned */
  tier: string
  tierAssigned: boolean
  scored: boolean
  scoredOn: DateString
  attractiveness: number
  strength: number
  quadrant: Quadrant | ''
  revenue: number
  revenueKnown: boolean
  /** 0–10, from the switching-cost barrier and the decline risk; null until either exists */
  vulnerability: number | null
  /** class on the attractiveness × vulnerability view; "" when unscored or no vulnerability */
  defence: Defence | ''
}

export type Defence = 'defend' | 'secure' | 'question' | 'hold'
export const DEFENCES: readonly Defence[] = ['defend', 'secure', 'question', 'hold']

export interface MatrixView {
  year: number
  currency: string
  cut: number
  points: MatrixPoint[]
  unscored: number
  keyAccounts: number
  maxKeyAccounts: number
  tooMany: boolean
  byQuadrant: Partial<Record<Quadrant, number>>
  byTier: Record<string, number>
  tiers: Tier[]
  missingRates: string[]
  /** scored accounts with a vulnerability, per defence class */
  byDefence: Partial<Record<Defence, number>>
  /** where vulnerability counts as high (0–10) */
  vulnerableFrom: number
}

export interface ClassSummary {
  class: AbcClass
  count: number
  value: number
  share: number
}

export interface ParetoRow {
  accountId: string
  value: number
  rank: number
  share: number
  cumulative: number
  class: AbcClass
  name: string
  tier: string
}

export type ParetoMetric = 'revenue' | 'margin'

export interface ParetoView {
  year: number
  metric: ParetoMetric
  currency: string
  total: number
  rows: ParetoRow[]
  classes: ClassSummary[]
  limitA: number
  limitB: number
  noFigures: number
  missingRates: string[]
}

export interface PyramidLevel {
  band: string
  count: number
  revenue: number
  margin: number
  cost: number
  profit: number
  /** profit ÷ revenue, % */
  return: number
  accounts: string[]
  en: string
  zh: string
  min: number
}

export interface PyramidView {
  year: number
  currency: string
  /** highest band first */
  levels: PyramidLevel[] | null
  /** accounts without a cost to serve: their profit is their whole margin */
  noCost: number
  noFigures: number
  missingRates: string[]
}

export interface ValueRow {
  accountId: string
  name: string
  tier: string
  margin: number
  retention: number
  discount: number
  acquisition: number
  ownInputs: boolean
  clv: number
  clvFinite: number
  perceived: number | null
  class: ValueClass | ''
  /** the rule that kept CLV from being computed, e.g. "negative" */
  problem: string
}

export interface ValuesView {
  year: number
  currency: string
  rows: ValueRow[]
  cpvCut: number
  clvCut: number
  clvCutMedian: boolean
  byClass: Partial<Record<ValueClass, number>>
  horizon: number
  /** retention, discount */
  defaults: [number, number]
  tiers: Tier[]
  missingRates: string[]
}

export interface Performance {
  revenue: number
  revenueTarget: number
  margin: number
  marginTarget: number
  lastYearRevenue: number
  lastYearMargin: number
  withFigures: number
}

export interface DealEvent {
  accountId: string
  accountName: string
  opportunityId: string
  title: string
  outcome: 'won' | 'lost' | string
  value: number
  closedOn: DateString
}

export interface DashboardWinLoss {
  winRate: number
  valueWinRate: number
  decided: number
  openPipeline: number
  recent: DealEvent[] | null
}

export interface AccountRisk {
  accountId: string
  accountName: string
  score: number
  level: 'low' | 'medium' | 'high' | string
}

export interface DashboardRisk {
  atRisk: number
  high: number
  top: AccountRisk[] | null
}

export interface Renewal {
  accountId: string
  accountName: string
  what: string
  recordId: string
  title: string
  date: DateString
  daysLeft: number
}

export interface DashboardView {
  today: DateString
  /** this year: its figures are to date */
  year: number
  currency: string
  accounts: number
  performance: Performance
  shareOfWallet: number | null
  matrix: MatrixView
  pareto: ParetoView
  owner: string
  actions: ActionCounts
  dueActions: ActionRow[]
  winLoss: DashboardWinLoss | null
  risk: DashboardRisk | null
  renewals: Renewal[] | null
  missingRates: string[] | null
}

export type ExportLanguage = 'en' | 'zh-CN'

export const portfolio = {
  settings: () => call<PortfolioSettingsModel>('PortfolioService', 'Settings'),
  /** a new settings version; base is the version edited */
  saveSettings: (value: PortfolioSettings, base: number) =>
    call<PortfolioSettingsModel>('PortfolioService', 'SaveSettings', value, base),
  restoreDefaults: (base: number) => call<PortfolioSettingsModel>('PortfolioService', 'RestoreDefaults', base),
  /** new (id "") under the current settings, or an update at its rev */
  score: (s: Scorecard) => call<ScorecardView>('PortfolioService', 'Score', outgoing(s)),
  /** newest first */
  scorecards: (accountId: string) => call<ScorecardView[]>('PortfolioService', 'Scorecards', accountId),
  archiveScorecard: (accountId: string, id: string, rev: number) =>
    call<void>('PortfolioService', 'ArchiveScorecard', accountId, id, rev),
  /** the stored assignment: rev 0 when none, deletedAt set once cleared */
  tier: (accountId: string) => call<Assignment>('PortfolioService', 'Tier', accountId),
  setTier: (a: Assignment) => call<Assignment>('PortfolioService', 'SetTier', outgoing(a)),
  /** back to the tier the quadrant suggests */
  clearTier: (accountId: string, rev: number) => call<void>('PortfolioService', 'ClearTier', accountId, rev),
  inputs: (accountId: string) => call<Inputs>('PortfolioService', 'Inputs', accountId),
  saveInputs: (i: Inputs) => call<Inputs>('PortfolioService', 'SaveInputs', outgoing(i)),
  matrix: (f: PortfolioFilter) => call<MatrixView>('PortfolioService', 'Matrix', f),
  pareto: (f: PortfolioFilter, metric: ParetoMetric) => call<ParetoView>('PortfolioService', 'Pareto', f, metric),
  pyramid: (f: PortfolioFilter) => call<PyramidView>('PortfolioService', 'Pyramid', f),
  values: (f: PortfolioFilter) => call<ValuesView>('PortfolioService', 'Values', f),
  /** an .xlsx workbook, base64 */
  export: (f: PortfolioFilter, lang: ExportLanguage) => call<string>('PortfolioService', 'Export', f, lang),
  /** the home page; owner "" = everyone's actions */
  dashboard: (owner: string) => call<DashboardView>('PortfolioService', 'Dashboard', owner),
}
