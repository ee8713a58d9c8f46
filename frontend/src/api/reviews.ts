// The review service (app/review*.go) and its JSON shapes (core/review).
// Amounts are minor units of the currency named beside them.
import { call } from './transport'
import type { DateString, Meta } from './types'

export type ReviewKind = 'quarterly' | 'annual'
export type ReviewStatus = 'draft' | 'final'
export type PrintLang = 'zh' | 'en'

export const REVIEW_KINDS: readonly ReviewKind[] = ['annual', 'quarterly']
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['draft', 'final']

export interface Strategy {
  goals: string
  focus: string
  positioning: string
  actionPlan: string
  resources: string
  budget: string
}

export interface ValueProposition {
  functional: string
  psychological: string
  customerCommitments: string
  tracking: string
}

export interface SignOff {
  preparedBy: string
  preparedOn: DateString
  approvedBy: string
  approvedOn: DateString
}

export interface Narrative {
  summary: string
  /** one per line */
  highlights: string
  /** one per line */
  issues: string
  strategy: Strategy
  value: ValueProposition
  signOff: SignOff
}

export interface AccountInfo {
  name: string
  legalName: string
  owner: string
  industry: string
  segment: string
  country: string
  currency: string
}

export interface YearRow {
  year: number
  currency: string
  revenue: number
  revenueTarget: number
  margin: number
  marginTarget: number
  categorySpend: number
  share: number
  shareKnown: boolean
  crossSell: number
}

export interface Performance {
  years: YearRow[]
  reporting: number
  reportingCurrency: string
  reportingKnown: boolean
}

export interface DimensionGap { key: string; expectation: number; perception: number; gap: number; weight: number }
export interface Satisfaction { surveyedOn: DateString; weighted: number; attraction: number; gaps: DimensionGap[]; surveys: number }

export interface PortfolioPosition {
  tier: string
  tierEn: string
  tierZh: string
  tierAssigned: boolean
  scored: boolean
  scoredOn: DateString
  attractiveness: number
  strength: number
  quadrant: string
  cut: number
  accounts: number
  rank: number
}

export interface Relationship {
  phase: string
  stage: string
  suggested: string
  organizational: string
  extensive: string
  levels: number[]
  supportive: number
  decisionMakers: number
  contacts: number
}

export interface PartnershipGap { component: string; today: string; required: string }
export interface Partnership {
  assessedOn: DateString
  type: string
  d: number
  f: number
  scaleMax: number
  ours: Record<string, number>
  customer: Record<string, number>
  gaps: PartnershipGap[] | null
}

export interface LeverRow { key: string; strength: number; target: number; actions: number; done: number; overdue: number; percent: number }
export interface Switching {
  assessedOn: DateString
  assessed: boolean
  barrier: number
  procedural: number
  financial: number
  relational: number
  planName: string
  levers: LeverRow[] | null
}

export interface Reason { key: string; en: string; zh: string; deals: number; value: number; share: number }
export interface Deal {
  title: string
  outcome: string
  closedOn: DateString
  currency: string
  value: number
  reasonEn: string
  reasonZh: string
  winner: string
}
export interface Deals {
  currency: string
  won: number
  lost: number
  noDecision: number
  winRate: number
  rateKnown: boolean
  wonValue: number
  lostValue: number
  open: number
  openValue: number
  reasons: Reason[] | null
  list: Deal[] | null
}

export interface ProgramStatusInfo {
  manager: string
  status: string
  health: string
  findings: string[]
  countries: number
  currency: string
  target: number
  actual: number
  renewal: string
}

export interface Warning { key: string; weight: number; params: Record<string, unknown>; message: string }
export interface Risk { score: number; level: string; warnings: Warning[] | null }
export interface Todo { title: string; owner: string; due: DateString; area: string }
export interface ActionCounts { open: number; overdue: number; done: number; next: Todo[] | null }

export interface Snapshot {
  takenOn: DateString
  account: AccountInfo
  performance?: Performance
  satisfaction?: Satisfaction
  portfolio?: PortfolioPosition
  relationship?: Relationship
  partnership?: Partnership
  switching?: Switching
  deals?: Deals
  program?: ProgramStatusInfo
  risk?: Risk
  actions?: ActionCounts
}

export interface Review extends Meta {
  accountId: string
  kind: ReviewKind
  year: number
  quarter: number
  status: ReviewStatus
  narrative: Narrative
  snapshot: Snapshot
  finalizedAt?: string
}

export interface ReviewRow {
  id: string
  rev: number
  accountId: string
  accountName: string
  owner: string
  kind: ReviewKind
  year: number
  quarter: number
  status: ReviewStatus
  preparedBy: string
  period: string
  updatedAt: string
}

export interface ReviewQuery {
  accountId: string
  kind: string
  year: number
  status: string
  owner: string
  search: string
}

export interface ReviewList { rows: ReviewRow[]; owners: string[]; years: number[] }

export interface NewReviewInput { accountId: string; kind: ReviewKind; year: number; quarter: number }

export interface ReviewExport {
  name: string
  /** where the desktop saved it; "" in browser mode or when cancelled */
  path: string
  bytes: number
  /** base64 PDF in browser mode */
  data: string
}

export interface BatchInput {
  year: number
  lang: PrintLang
  tier: string
  owner: string
  accountId: string
  folder: string
}

export interface BatchResult { files: string[]; summary: string; skipped: string[] }

export interface BatchStatus {
  id: string
  state: 'running' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
  current: string
  folder: string
  result: BatchResult | null
  error: { code: string; rule?: string; message: string; params?: Record<string, unknown> } | null
}

const S = 'ReviewService'

export const reviews = {
  list: (q: ReviewQuery) => call<ReviewList>(S, 'List', q),
  get: (id: string) => call<Review>(S, 'Get', id),
  create: (input: NewReviewInput) => call<Review>(S, 'Create', input),
  saveNarrative: (id: string, rev: number, n: Narrative) => call<Review>(S, 'SaveNarrative', id, rev, n),
  refresh: (id: string, rev: number) => call<Review>(S, 'Refresh', id, rev),
  finalize: (id: string, rev: number) => call<Review>(S, 'Finalize', id, rev),
  remove: (id: string, rev: number) => call<void>(S, 'Delete', id, rev),
  /** desktop: asks where and saves; browser mode: returns the bytes */
  exportPdf: (id: string, lang: PrintLang) => call<ReviewExport>(S, 'Export', id, lang),
  startBatch: (input: BatchInput) => call<BatchStatus>(S, 'StartBatch', input),
  batchStatus: (id: string) => call<BatchStatus>(S, 'BatchStatus', id),
  cancelBatch: (id: string) => call<BatchStatus>(S, 'CancelBatch', id),
}

/** Decodes an exported PDF's base64 into a Blob for download. */
export function pdfBlob(base64: string): Blob {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: 'application/pdf' })
}
