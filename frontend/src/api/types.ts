// JSON shapes of the Go services (package app). Keep in step with app/*.go.

/** Calendar date "YYYY-MM-DD"; "" when unset. */
export type DateString = string

export interface Meta {
  id: string
  rev: number
  createdAt: string
  updatedAt: string
  deletedAt?: string | null
}

export interface Account extends Meta {
  name: string
  legalName: string
  industry: string
  segment: string
  /** ISO 3166-1 alpha-2, e.g. "CN" */
  country: string
  owner: string
  parentId: string
  /** ISO 4217, e.g. "CNY" */
  currency: string
  tags: string[]
  notes: string
}

/** One year of an account's figures, amounts in minor units (fen/cents) of `currency`. */
export interface YearFigures extends Meta {
  accountId: string
  year: number
  currency: string
  revenue: number
  margin: number
  revenueTarget: number
  marginTarget: number
  categorySpend: number
  crossSellSales: number
}

export interface Contact extends Meta {
  accountId: string
  name: string
  title: string
  department: string
  reportsTo: string
  buyingRole: '' | 'economic' | 'technical' | 'user' | 'financial' | 'coach' | 'influencer'
  stance: '' | 'supporter' | 'neutral' | 'opponent'
  influence: '' | 'high' | 'medium' | 'low'
  /** 0 = not graded, 1..5 = contact 接触 … supportive & exclusive 支持并排他 */
  relationshipLevel: number
  lastContact: DateString
  email: string
  phone: string
  interests: string
  /** "MM-DD" */
  birthday: string
  left: boolean
  notes: string
}

export interface Activity extends Meta {
  accountId: string
  date: DateString
  type: 'visit' | 'call' | 'meeting' | 'event' | 'service' | 'complaint'
  subject: string
  contactIds: string[]
  notes: string
  followUp: DateString
  /** "one useful thing done for the customer" */
  useful: boolean
}

export interface AccountFilter {
  search: string
  owner: string
  segment: string
  country: string
  industry: string
  /** true: list only archived accounts */
  archived: boolean
}

export interface AccountRow extends Account {
  latestYear: number
  latestRevenue: number
  contactCount: number
  lastActivity: DateString
}

export interface AccountList {
  rows: AccountRow[]
  /** live (not archived) accounts in the store, before filters */
  total: number
  owners: string[]
  countries: string[]
  segments: string[]
  industries: string[]
}

export interface YearShare {
  year: number
  /** share of wallet in percent; meaningful only when known */
  percent: number
  known: boolean
}

export interface KeyPersonVisits {
  contactId: string
  name: string
  visits: number
  perMonth: number
}

export interface MonthCount {
  /** "YYYY-MM" */
  month: string
  visits: number
  activities: number
  useful: boolean
}

export interface VisitStats {
  from: DateString
  to: DateString
  months: number
  /** face-to-face activities (visit, meeting) in the window */
  visits: number
  visitsPerMonth: number
  keyPeople: KeyPersonVisits[]
  /** months in the window with at least one useful thing done */
  usefulMonths: number
  byMonth: MonthCount[]
}

export interface AccountRef {
  id: string
  name: string
}

export interface Workspace {
  /** the follow-up actions of this account's activities (source area "activity") */
  followUps: Action[]
  account: Account
  figures: YearFigures[]
  contacts: Contact[]
  activities: Activity[]
  shareOfWallet: YearShare[]
  visits: VisitStats
  parent: AccountRef | null
  children: AccountRef[]
}

export interface Preferences {
  /** "" = follow the OS */
  language: '' | 'en' | 'zh-CN'
  theme: 'light' | 'dark' | 'system'
  /** the owner name "My actions" shows by default ("" = not chosen yet) */
  owner: string
}

export interface DataInfo {
  version: string
  schemaVersion: number
  dataDir: string
  accounts: number
  empty: boolean
}

export interface SampleSummary {
  accounts: number
  contacts: number
  activities: number
  figures: number
  plans: number
  actions: number
  /** the other areas' records by kind */
  items?: Record<string, number>
}

/** What a rejected call carries (Go fault.Error). */
export interface ApiIssue {
  field: string
  rule: string
  params?: Record<string, unknown>
  message: string
}

export interface ApiError {
  code: 'invalid' | 'not_found' | 'conflict' | 'locked' | 'newer_schema' | 'internal' | string
  field?: string
  rule?: string
  params?: Record<string, unknown>
  message: string
  issues?: ApiIssue[]
}

// ---- actions (core/action): the one to-do kind every area uses ----

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled'
export type ActionArea = 'manual' | 'plan' | 'activity' | 'partnership' | 'switching' | 'program' | 'retention' | 'winloss'

export interface ActionSource {
  area: ActionArea
  /** the plan, activity, ... it came from; "" for manual */
  recordId: string
  /** a part of that record, e.g. a plan goal's id */
  detail: string
}

export interface Action extends Meta {
  accountId: string
  title: string
  owner: string
  due: DateString
  status: ActionStatus
  source: ActionSource
  notes: string
  completedOn: DateString
}

export interface ActionRow extends Action {
  accountName: string
  /** plan year when the source is a plan, else 0 (for the link back) */
  planYear: number
}

export interface ActionQuery {
  /** "" = every owner */
  owner: string
  /** "" = every account */
  accountId: string
  /** [] = every area */
  areas: ActionArea[]
  includeClosed: boolean
}

/** Totals per section; a board section lists at most 200 rows, these count them all. */
export interface ActionCounts {
  open: number
  overdue: number
  thisWeek: number
  later: number
  noDate: number
  /** done and cancelled (counted on the board only when includeClosed) */
  closed: number
}

export interface ActionBoard {
  today: DateString
  /** Sunday of this Monday-first week */
  weekEnd: DateString
  overdue: ActionRow[]
  thisWeek: ActionRow[]
  later: ActionRow[]
  noDate: ActionRow[]
  /** done and cancelled, newest first; empty unless includeClosed */
  closed: ActionRow[]
  counts: ActionCounts
}

// ---- plans (core/plan): six elements and four value quadrants ----

export type GoalMetric = 'revenue' | 'margin' | 'share_of_wallet' | 'cross_sell' | 'custom'

export interface Goal {
  /** client-made unique id (e.g. crypto.randomUUID()) for new goals */
  id: string
  title: string
  metric: GoalMetric
  /** minor units for money metrics, basis points (1/100 %) for share_of_wallet, plain number for custom */
  target: number
  /** custom goals only */
  unit: string
  /** custom goals only; other metrics read the yearly figures */
  actual: number
  notes: string
}

export interface Positioning {
  statement: string
  targetContactIds: string[]
  targetCompetitors: string[]
  valueProposition: string
}

export interface Resource {
  party: 'ours' | 'customer'
  description: string
  owner: string
}

export interface ValueQuadrants {
  functional: string
  psychological: string
  customerCommitments: string
  tracking: string
}

export interface Plan extends Meta {
  accountId: string
  year: number
  currency: string
  goals: Goal[]
  strategicFocus: string
  positioning: Positioning
  actionPlan: string
  resources: Resource[]
  /** minor units */
  budget: number
  /** minor units: revenue forecast */
  forecast: number
  budgetNotes: string
  value: ValueQuadrants
  /** rolled forward: read-only history */
  locked: boolean
  rolledFrom: string
}

export interface GoalProgress {
  goalId: string
  actual: number
  target: number
  percent: number
  known: boolean
  /** the figures' currency when it differs from the plan's ("" otherwise) */
  mismatch: string
}

export type PlanPart = 'goals' | 'strategicFocus' | 'positioning' | 'actionPlan' | 'resources' | 'budget'
  | 'value.functional' | 'value.psychological' | 'value.customerCommitments' | 'value.tracking'

export interface Completeness {
  filled: PlanPart[]
  missing: PlanPart[]
  percent: number
}

export interface PlanView {
  year: number
  /** null when the account has no plan for this year yet */
  plan: Plan | null
  /** years that have a plan, newest first */
  years: number[]
  progress: GoalProgress[]
  completeness: Completeness
  /** actions whose source is this plan */
  actions: ActionRow[]
  /** the year's figures, when entered */
  figures: YearFigures | null
}

export interface PlanComparison {
  current: PlanView
  previous: PlanView
}

/** One year's exchange rates (year 0 = standing rates for years without their own). */
export interface YearRates {
  year: number
  /** units of the reporting currency one unit of each currency is worth */
  rates: Record<string, number>
}

/** The firm's reporting currency and exchange rates (Settings → Currency). */
export interface CurrencySettings extends Meta {
  reporting: string
  years: YearRates[]
}

/** One saved version of an area's model settings. */
export interface ModelSettings<T> extends Meta {
  area: string
  version: number
  value: T
  /** true while the version holds the shipped defaults unchanged */
  defaults: boolean
}
