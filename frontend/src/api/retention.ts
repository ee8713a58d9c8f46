// Switching costs, satisfaction and retention: the JSON shapes of
// app/switching.go and app/retention.go and their typed calls.
import { call } from './transport'
import { outgoing } from './services'
import type { Action, ActionRow, DateString, Meta } from './types'

export const SUB_TYPES = [
  { key: 'economic_risk', type: 'procedural' },
  { key: 'evaluation', type: 'procedural' },
  { key: 'learning', type: 'procedural' },
  { key: 'setup', type: 'procedural' },
  { key: 'benefit_loss', type: 'financial' },
  { key: 'monetary_loss', type: 'financial' },
  { key: 'personal_relationship', type: 'relational' },
  { key: 'brand_relationship', type: 'relational' },
] as const
export type SubTypeKey = (typeof SUB_TYPES)[number]['key']
export const COST_TYPES = ['procedural', 'financial', 'relational'] as const
export type CostType = (typeof COST_TYPES)[number]

export const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const
export type Dimension = (typeof DIMENSIONS)[number]

export const LEVERS = ['product', 'service', 'process', 'asset', 'emotional'] as const
export type LeverKey = (typeof LEVERS)[number]

export const QUADRANTS = ['loyal', 'captive', 'free', 'at_risk'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export const WARNINGS = ['falling_revenue', 'falling_share', 'rising_complaints', 'contact_left', 'renewal_near', 'competitor_activity'] as const
export type WarningKey = (typeof WARNINGS)[number]
export type RiskLevel = 'low' | 'medium' | 'high'

export const CAUSES = ['neglect', 'complaint', 'price', 'competitor', 'quality', 'key_contact', 'customer_change'] as const
export const SITUATIONS = ['at_risk', 'lost'] as const
export const TIERS = ['A', 'B', 'C'] as const
export const STRATEGIES = ['executive', 'recovery', 'value', 'service', 'standard', 'let_go'] as const
export const TIER_STRATEGIES: Record<(typeof TIERS)[number], readonly (typeof STRATEGIES)[number][]> = {
  A: ['executive', 'recovery', 'value'],
  B: ['recovery', 'value', 'service'],
  C: ['service', 'standard', 'let_go'],
}
export const OUTCOMES = ['open', 'retained', 'won_back', 'lost'] as const

export interface Money {
  amount: number
  currency: string
}

export interface Score {
  key: SubTypeKey
  score: number
  note: string
}

export interface Assessment extends Meta {
  accountId: string
  date: DateString
  assessor: string
  scores: Score[]
  notes: string
  settingsVersion: number
}

export interface Indices {
  procedural: number
  financial: number
  relational: number
  barrier: number
}

export interface AssessmentRow extends Assessment {
  indices: Indices
}

export interface DimensionScore {
  key: Dimension
  expectation: number
  perception: number
  weight: number
  note: string
}

export interface Survey extends Meta {
  accountId: string
  date: DateString
  respondent: string
  dimensions: DimensionScore[]
  notes: string
  settingsVersion: number
}

export interface Gap {
  key: Dimension
  expectation: number
  perception: number
  gap: number
  weight: number
  weighted: number
}

export interface Satisfaction {
  gaps: Gap[]
  /** Σ weight × gap ÷ 100, −6 … +6 */
  weighted: number
  /** the weighted satisfaction on 0–100 */
  attraction: number
}

export interface SurveyRow extends Survey {
  result: Satisfaction
}

export interface Lever {
  key: LeverKey
  strength: number
  target: number
  note: string
}

export interface SwitchingPlan extends Meta {
  accountId: string
  title: string
  start: DateString
  levers: Lever[]
  notes: string
}

export interface LeverProgress {
  key: LeverKey
  strength: number
  target: number
  gap: number
  actions: number
  done: number
  open: number
  overdue: number
  percent: number
  cost: Money[]
}

export interface LeverActionRow extends ActionRow {
  cost: Money
  evidence: string
}

export interface SwitchingPlanRow extends SwitchingPlan {
  progress: LeverProgress[]
  actions: LeverActionRow[]
}

export interface SwitchingView {
  today: DateString
  currency: string
  assessments: AssessmentRow[]
  surveys: SurveyRow[]
  plans: SwitchingPlanRow[]
}

export interface LeverActionInput {
  action: Action
  cost: Money
  evidence: string
}

export interface CalendarFile {
  name: string
  content: string
  events: number
}

export interface SwitchingSettings {
  typeWeights: Record<CostType, number>
  surveyWeights: Record<Dimension, number>
  attractionCut: number
  barrierCut: number
}

export interface RetentionSettings {
  switching: SwitchingSettings
  weights: Record<WarningKey, number>
  revenueDrop: number
  shareDrop: number
  complaintDays: number
  minComplaints: number
  contactLeftDays: number
  renewalDays: number
  competitorDays: number
  competitorWords: string[]
  mediumAt: number
  highAt: number
}

export interface SettingsModel<T> extends Meta {
  area: string
  version: number
  value: T
  defaults: boolean
}

export interface Warning {
  key: WarningKey
  weight: number
  params: Record<string, string | number>
  message: string
}

export interface Risk {
  score: number
  level: RiskLevel
  warnings: Warning[]
  unknown: WarningKey[]
}

export interface PositionPoint {
  date: DateString
  attraction: number
  barrier: number
  quadrant: Quadrant
}

export interface Position {
  attraction: number | null
  barrier: number | null
  quadrant: Quadrant | ''
  surveyedOn: DateString
  assessedOn: DateString
  trail: PositionPoint[]
}

export interface RetentionCase extends Meta {
  accountId: string
  opened: DateString
  situation: (typeof SITUATIONS)[number]
  cause: (typeof CAUSES)[number]
  causeNote: string
  tier: (typeof TIERS)[number]
  strategy: (typeof STRATEGIES)[number]
  approach: string
  outcome: (typeof OUTCOMES)[number]
  closed: DateString
  notes: string
}

export interface CaseRow extends RetentionCase {
  actions: ActionRow[]
}

export interface Renewal extends Meta {
  accountId: string
  date: DateString
  note: string
}

export interface RetentionView {
  today: DateString
  position: Position
  risk: Risk
  renewal: Renewal
  cases: CaseRow[]
  suggestedTier: (typeof TIERS)[number] | ''
  settings: SettingsModel<RetentionSettings>
}

export interface PortfolioPoint {
  accountId: string
  name: string
  owner: string
  attraction: number | null
  barrier: number | null
  quadrant: Quadrant | ''
  revenue: number
  revenueYear: number
  revenueKnown: boolean
  currency: string
  risk: number
  level: RiskLevel
  warnings: WarningKey[]
  openCases: number
}

export interface YearRate {
  year: number
  customers: number
  retained: number
  lost: number
  retention: number
  churn: number
  casesOpened: number
  casesKept: number
  casesLost: number
}

export interface RetentionPortfolio {
  today: DateString
  reporting: string
  points: PortfolioPoint[]
  quadrants: Record<string, number>
  levels: Record<string, number>
  rates: YearRate[]
  missingRates: string[]
  settings: RetentionSettings
}

export const switchingApi = {
  get: (accountId: string) => call<SwitchingView>('SwitchingService', 'Get', accountId),
  saveAssessment: (a: Assessment) => call<AssessmentRow>('SwitchingService', 'SaveAssessment', outgoing(a)),
  archiveAssessment: (accountId: string, id: string, rev: number) =>
    call<void>('SwitchingService', 'ArchiveAssessment', accountId, id, rev),
  saveSurvey: (s: Survey) => call<SurveyRow>('SwitchingService', 'SaveSurvey', outgoing(s)),
  archiveSurvey: (accountId: string, id: string, rev: number) => call<void>('SwitchingService', 'ArchiveSurvey', accountId, id, rev),
  savePlan: (p: SwitchingPlan) => call<SwitchingPlan>('SwitchingService', 'SavePlan', outgoing(p)),
  archivePlan: (accountId: string, id: string, rev: number) => call<void>('SwitchingService', 'ArchivePlan', accountId, id, rev),
  saveLeverAction: (input: LeverActionInput) =>
    call<LeverActionRow>('SwitchingService', 'SaveLeverAction', { ...input, action: outgoing(input.action) }),
  exportCalendar: (accountId: string, planId: string, labels: Record<string, string>) =>
    call<CalendarFile>('SwitchingService', 'ExportCalendar', accountId, planId, labels),
}

export const retentionApi = {
  get: (accountId: string) => call<RetentionView>('RetentionService', 'Get', accountId),
  portfolio: () => call<RetentionPortfolio>('RetentionService', 'Portfolio'),
  saveCase: (c: RetentionCase) => call<RetentionCase>('RetentionService', 'SaveCase', outgoing(c)),
  archiveCase: (accountId: string, id: string, rev: number) => call<void>('RetentionService', 'ArchiveCase', accountId, id, rev),
  saveRenewal: (r: Renewal) => call<Renewal>('RetentionService', 'SaveRenewal', outgoing(r)),
  settings: () => call<SettingsModel<RetentionSettings>>('RetentionService', 'Settings'),
  saveSettings: (value: RetentionSettings, base: number) =>
    call<SettingsModel<RetentionSettings>>('RetentionService', 'SaveSettings', value, base),
  restoreDefaults: (base: number) => call<SettingsModel<RetentionSettings>>('RetentionService', 'RestoreDefaults', base),
}
