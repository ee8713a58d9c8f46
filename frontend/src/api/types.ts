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
