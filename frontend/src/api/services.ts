// Typed wrappers over the bound Go services; one object per service.
import { call } from './transport'
import type {
  Meta,
  Action, ActionBoard, ActionCounts, ActionQuery, ActionRow, Plan, PlanComparison, PlanView,
  Account, AccountFilter, AccountList, Activity, Contact, DataInfo, Preferences,
  SampleSummary, Workspace, YearFigures, CurrencySettings,
} from './types'

/**
 * Timestamps belong to the server: a new record's empty createdAt/updatedAt
 * would not parse as times in Go, so they are left out rather than sent blank.
 */
export function outgoing<T extends Meta>(r: T): T {
  const copy: Partial<Meta> & Omit<T, keyof Meta> = { ...r }
  if (!copy.createdAt) delete copy.createdAt
  if (!copy.updatedAt) delete copy.updatedAt
  if (!copy.deletedAt) delete copy.deletedAt
  return copy as T
}

export const accounts = {
  list: (filter: AccountFilter) => call<AccountList>('AccountService', 'List', filter),
  get: (id: string) => call<Account>('AccountService', 'Get', id),
  create: (a: Account) => call<Account>('AccountService', 'Create', outgoing(a)),
  update: (a: Account) => call<Account>('AccountService', 'Update', outgoing(a)),
  archive: (id: string, rev: number) => call<Account>('AccountService', 'Archive', id, rev),
  restore: (id: string, rev: number) => call<Account>('AccountService', 'Restore', id, rev),
  workspace: (id: string) => call<Workspace>('AccountService', 'Workspace', id),
  /** create (id "") or update (id and rev set) one year's figures */
  saveFigures: (f: YearFigures) => call<YearFigures>('AccountService', 'SaveFigures', outgoing(f)),
  deleteFigures: (accountId: string, id: string, rev: number) =>
    call<void>('AccountService', 'DeleteFigures', accountId, id, rev),
  saveContact: (c: Contact) => call<Contact>('AccountService', 'SaveContact', outgoing(c)),
  archiveContact: (accountId: string, id: string, rev: number) =>
    call<void>('AccountService', 'ArchiveContact', accountId, id, rev),
  saveActivity: (a: Activity) => call<Activity>('AccountService', 'SaveActivity', outgoing(a)),
  archiveActivity: (accountId: string, id: string, rev: number) =>
    call<void>('AccountService', 'ArchiveActivity', accountId, id, rev),
}

export const settings = {
  preferences: () => call<Preferences>('SettingsService', 'Preferences'),
  savePreferences: (p: Preferences) => call<Preferences>('SettingsService', 'SavePreferences', p),
  currency: () => call<CurrencySettings>('SettingsService', 'Currency'),
  saveCurrency: (c: CurrencySettings) => call<CurrencySettings>('SettingsService', 'SaveCurrency', outgoing(c)),
}

export const data = {
  info: () => call<DataInfo>('DataService', 'Info'),
  loadSample: () => call<SampleSummary>('DataService', 'LoadSample'),
}

export const actions = {
  /** the My actions board; an empty owner means everyone */
  mine: (q: ActionQuery) => call<ActionBoard>('ActionService', 'Mine', q),
  /** open / overdue / this-week counts for the navigation badge */
  counts: (owner: string) => call<ActionCounts>('ActionService', 'Counts', owner),
  /** owner names known from accounts and actions, sorted */
  owners: () => call<string[]>('ActionService', 'Owners'),
  /** every action of one account, open first */
  forAccount: (accountId: string) => call<ActionRow[]>('ActionService', 'ForAccount', accountId),
  /** create (id "") or update */
  save: (a: Action) => call<Action>('ActionService', 'Save', outgoing(a)),
  setStatus: (id: string, rev: number, status: Action['status']) =>
    call<Action>('ActionService', 'SetStatus', id, rev, status),
  archive: (id: string, rev: number) => call<void>('ActionService', 'Archive', id, rev),
}

export const plans = {
  /** year 0 = the current year */
  get: (accountId: string, year: number) => call<PlanView>('PlanService', 'Get', accountId, year),
  /** create (id "") or update; a locked plan is refused with rule read_only */
  save: (p: Plan) => call<Plan>('PlanService', 'Save', outgoing(p)),
  /** copy the year's plan into year+1 and lock it; returns the new plan */
  rollForward: (accountId: string, year: number) => call<Plan>('PlanService', 'RollForward', accountId, year),
  /** the year's plan beside the year before */
  compare: (accountId: string, year: number) => call<PlanComparison>('PlanService', 'Compare', accountId, year),
}
