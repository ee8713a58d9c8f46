// Types and calls of the partnership and relationship services (app/partnership.go,
// app/relationship.go; the model in core/partnership and core/relationship).
import { call } from './transport'
import { outgoing } from './services'
import type { ActionRow, DateString, Meta } from './types'

// ---- partnership assessment (Lambert's model) ----

export const DRIVERS = ['asset_cost', 'customer_service', 'marketing', 'profit'] as const
export const FACILITATORS = ['compatibility', 'management', 'mutuality', 'symmetry'] as const
export const BONUSES = ['exclusivity', 'shared_competitors', 'proximity', 'prior_history', 'shared_end_users'] as const
export const COMPONENTS = [
  'joint_planning', 'joint_operating_controls', 'communications', 'risk_reward',
  'trust_commitment', 'contract_style', 'scope', 'financial_investment',
] as const
export const OUTCOMES = ['financial', 'process', 'competitive'] as const
export const PRECONDITIONS = [
  'shared_vision', 'top_commitment', 'quality_focus', 'agreed_formality', 'desire_to_succeed',
  'long_term_focus', 'managed_links', 'information_flow',
] as const
/** the first five preconditions are strategic, the rest operational */
export const STRATEGIC_PRECONDITIONS = 5
export const LEVELS = ['low', 'medium', 'high'] as const
export const TYPES = ['arms_length', 'type_1', 'type_2', 'type_3'] as const
export const PORTFOLIO = ['strategic', 'leverage', 'bottleneck', 'non_critical'] as const

export type Driver = (typeof DRIVERS)[number]
export type Facilitator = (typeof FACILITATORS)[number]
export type BonusKey = (typeof BONUSES)[number]
export type Component = (typeof COMPONENTS)[number]
export type Outcome = (typeof OUTCOMES)[number]
export type Precondition = (typeof PRECONDITIONS)[number]
export type ComponentLevel = (typeof LEVELS)[number]
export type PartnershipType = (typeof TYPES)[number]
export type PortfolioCategory = (typeof PORTFOLIO)[number]
export type Party = 'ours' | 'customer'

export interface Rating {
  /** 1..scaleMax; 0 = not scored */
  score: number
  note: string
}

export interface LevelRating {
  /** '' = not assessed */
  level: ComponentLevel | ''
  note: string
}

export interface Bonus {
  present: boolean
  note: string
}

export interface Assessment extends Meta {
  accountId: string
  assessedOn: DateString
  drivers: { ours: Record<string, Rating>; customer: Record<string, Rating> }
  facilitators: Record<string, Rating>
  bonuses: Record<string, Bonus>
  components: Record<string, LevelRating>
  outcomes: Record<string, Rating>
  preconditions: Record<string, boolean>
  portfolio: PortfolioCategory | ''
  notes: string
  /** set by the server: the settings version the assessment is scored under */
  settingsVersion: number
}

export interface Label {
  en: string
  zh: string
}

export interface PartnershipSettings {
  scaleMax: number
  bonusPoints: number
  armsLengthBelow: number
  middleFrom: number
  highFrom: number
  /** matrix[facilitator band][driver band], bands low / middle / high */
  matrix: PartnershipType[][]
  componentLevels: Record<PartnershipType, ComponentLevel>
  /** levels above what the type calls for that count as over-investment; 0 = off */
  farAbove: number
  labels: Record<string, Label>
}

export interface SettingsModel<T> extends Meta {
  area: string
  version: number
  value: T
  defaults: boolean
}

export type Lower = 'ours' | 'customer' | 'both'
export type ReasonCode = 'matrix' | 'drivers_low' | 'facilitators_low' | 'both_low'

export interface Explanation {
  code: ReasonCode
  type: PartnershipType
  d: number
  f: number
  lower: Lower
  /** -1 below the arm's-length cut, 0 low, 1 middle, 2 high */
  dBand: number
  fBand: number
  cut: number
  /** the English wording */
  text: string
}

export interface Gap {
  component: Component
  today: ComponentLevel
  required: ComponentLevel
  kind: 'below' | 'far_above'
  steps: number
}

export interface AssessmentResult {
  ours: number
  customer: number
  d: number
  lower: Lower
  facilitators: number
  bonusCount: number
  bonus: number
  f: number
  type: PartnershipType
  reason: Explanation
  gaps: Gap[]
  unassessed: Component[]
  precondsMet: number
  precondsAll: number
  /** mean of the rated outcomes in tenths; 0 = none rated */
  outcomeAvg: number
  advice: '' | 'strategic_pays' | 'non_critical_rarely'
}

export interface AssessmentView {
  assessment: Assessment
  result: AssessmentResult
  /** the settings the assessment is scored under (its own version) */
  settings: PartnershipSettings
  currentVersion: number
  actions: ActionRow[]
}

export interface AssessmentSummary {
  id: string
  rev: number
  assessedOn: DateString
  settingsVersion: number
  type: PartnershipType
  d: number
  f: number
  ours: number
  customer: number
  lower: Lower
  gaps: number
  portfolio: PortfolioCategory | ''
}

export interface AssessmentComparison {
  left: AssessmentView
  right: AssessmentView
}

let shipped: Promise<PartnershipSettings> | null = null

export const partnership = {
  /** newest first */
  list: (accountId: string) => call<AssessmentSummary[]>('PartnershipService', 'List', accountId),
  /** oldest first: the path for the chart */
  history: (accountId: string) => call<AssessmentSummary[]>('PartnershipService', 'History', accountId),
  get: (accountId: string, id: string) => call<AssessmentView>('PartnershipService', 'Get', accountId, id),
  save: (a: Assessment) => call<AssessmentView>('PartnershipService', 'Save', outgoing(a)),
  archive: (accountId: string, id: string, rev: number) => call<void>('PartnershipService', 'Archive', accountId, id, rev),
  compare: (accountId: string, left: string, right: string) =>
    call<AssessmentComparison>('PartnershipService', 'Compare', accountId, left, right),
  settings: () => call<SettingsModel<PartnershipSettings>>('PartnershipService', 'Settings'),
  saveSettings: (value: PartnershipSettings, base: number) =>
    call<SettingsModel<PartnershipSettings>>('PartnershipService', 'SaveSettings', value, base),
  restoreDefaults: (base: number) => call<SettingsModel<PartnershipSettings>>('PartnershipService', 'RestoreDefaults', base),
  /** the shipped settings, asked once per page: they never change while it runs */
  defaults: (): Promise<PartnershipSettings> => {
    shipped ??= call<PartnershipSettings>('PartnershipService', 'Defaults').catch((e: unknown) => {
      shipped = null // a failed call is asked again next time
      throw e
    })
    return shipped
  },
}

// ---- relationship: phase, stage, dimensions, map ----

export const PHASES = ['exploration', 'formation', 'stability', 'decline'] as const
export const STAGES = ['pre_kam', 'early', 'mid', 'partnership', 'synergistic', 'uncoupling'] as const
export const ORGANIZATIONAL = ['vendor', 'supplier', 'key_supplier', 'strategic_partner'] as const
export const GRADES = ['poor', 'fair', 'good', 'excellent'] as const
export const SUPPLIER_STATUSES = ['none', 'approved', 'preferred', 'sole'] as const
export const INFORMATION_LEVELS = ['none', 'limited', 'open', 'integrated'] as const
export const PLANNING_LEVELS = ['none', 'occasional', 'regular', 'integrated'] as const
export const PRICING_BASES = ['price_driven', 'negotiated', 'value_based', 'cost_transparent'] as const

export type Phase = (typeof PHASES)[number]
export type Stage = (typeof STAGES)[number]
export type Organizational = (typeof ORGANIZATIONAL)[number]
export type Grade = (typeof GRADES)[number]

export interface Indicators {
  supplierStatus: (typeof SUPPLIER_STATUSES)[number] | ''
  informationShared: (typeof INFORMATION_LEVELS)[number] | ''
  jointPlanning: (typeof PLANNING_LEVELS)[number] | ''
  pricingBasis: (typeof PRICING_BASES)[number] | ''
}

export interface Department {
  name: string
  grade: Grade | ''
  note: string
}

export interface Influence {
  from: string
  to: string
  note: string
}

export interface StageChange {
  on: DateString
  stage: Stage | ''
  phase: Phase | ''
  note: string
}

export interface Profile extends Meta {
  accountId: string
  phase: Phase | ''
  stage: Stage | ''
  indicators: Indicators
  organizational: Organizational | ''
  departments: Department[]
  influences: Influence[]
  /** oldest first; written by the server when the stage or phase changes */
  history: StageChange[]
  notes: string
}

export type SignalName = 'contacts' | 'share_of_wallet' | 'supplier_status' | 'information' | 'joint_planning' | 'pricing'
  | 'phase_decline' | 'share_falling' | 'price_driven_deep'

export interface Signal {
  indicator: SignalName
  value: string
  number: number
  extra: number
  stage: Stage | ''
}

export interface Suggestion {
  stage: Stage | ''
  signals: Signal[]
  warnings: Signal[]
  differs: boolean
}

export type FlagKind = 'no_coach' | 'economic_below' | 'opponent_high' | 'role_missing' | 'high_not_met'

export interface RedFlag {
  kind: FlagKind
  contactId: string
  role: string
  level: number
  /** days since last met; -1 never */
  days: number
}

export interface MapNode {
  id: string
  name: string
  title: string
  department: string
  reportsTo: string
  buyingRole: string
  stance: string
  influence: string
  level: number
  lastMet: DateString
  flags: FlagKind[]
}

export interface RelationshipMap {
  nodes: MapNode[]
  influences: Influence[]
  flags: RedFlag[]
  /** the period the "not met" flag used */
  notMetDays: number
}

/** The relationship model's settings (app/relationship.go): live, never pinned into a record. */
export interface RelationshipSettings {
  /** share of wallet (%) from which the indicator points to early, mid, partnership, synergistic */
  shareCuts: [number, number, number, number]
  /** a high-influence person not met for longer is a red flag */
  notMetDays: number
}

export interface Dimensions {
  organizational: Organizational | ''
  extensive: Grade | ''
  /** people per relationship level 0..5 */
  levels: number[]
  supportive: number
  decisionMakers: number
}

export interface RelationshipView {
  profile: Profile
  suggestion: Suggestion
  dimensions: Dimensions
  map: RelationshipMap
  today: DateString
  settings: RelationshipSettings
}

let shippedRelationship: Promise<RelationshipSettings> | null = null

export const relationships = {
  get: (accountId: string) => call<RelationshipView>('RelationshipService', 'Get', accountId),
  /** note: why the stage or phase changed (kept in the history) */
  save: (p: Profile, note: string) => call<RelationshipView>('RelationshipService', 'Save', outgoing(p), note),
  settings: () => call<SettingsModel<RelationshipSettings>>('RelationshipService', 'Settings'),
  saveSettings: (value: RelationshipSettings, base: number) =>
    call<SettingsModel<RelationshipSettings>>('RelationshipService', 'SaveSettings', value, base),
  restoreDefaults: (base: number) => call<SettingsModel<RelationshipSettings>>('RelationshipService', 'RestoreDefaults', base),
  /** the shipped settings, asked once per page */
  defaults: (): Promise<RelationshipSettings> => {
    shippedRelationship ??= call<RelationshipSettings>('RelationshipService', 'Defaults').catch((e: unknown) => {
      shippedRelationship = null
      throw e
    })
    return shippedRelationship
  },
}
