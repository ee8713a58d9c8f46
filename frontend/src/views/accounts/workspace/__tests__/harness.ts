// Mounting helpers for the workspace tests: the real i18n messages, Naive UI's
// providers and (when asked) a memory router. Only `@/api/services` is faked,
// by each test file with vi.mock.
import { h, type Component } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { withProviders } from '@/test/dom'
import type { Account, Action, Activity, Contact, VisitStats, Workspace, YearFigures } from '@/api/types'

export function mountIn(
  component: Component,
  props: Record<string, unknown>,
  opts: { locale?: 'en' | 'zh-CN'; router?: Router; stubs?: Record<string, boolean | Component> } = {},
): VueWrapper {
  i18n.global.locale.value = opts.locale ?? 'en'
  const Host = withProviders(() => h(component, props))
  const plugins: unknown[] = [createPinia(), i18n]
  if (opts.router) plugins.push(opts.router)
  return mount(Host, {
    attachTo: document.body,
    global: { plugins: plugins as never[], stubs: { ...(opts.stubs ?? {}) } },
  })
}

export { $, $$, click, fieldErrorsShown, settle, typeInto } from '@/test/dom'

const META = { rev: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acc1', ...META, name: '华东精细化工集团', legalName: '华东精细化工集团股份有限公司', industry: 'chemical',
    segment: 'enterprise', country: 'CN', owner: '王磊', parentId: '', currency: 'CNY', tags: ['战略'], notes: '', ...over,
  }
}

export function contact(over: Partial<Contact> & { id: string }): Contact {
  return {
    ...META, accountId: 'acc1', name: over.id, title: '', department: '', reportsTo: '', buyingRole: '', stance: '',
    influence: '', relationshipLevel: 0, lastContact: '', email: '', phone: '', interests: '', birthday: '', left: false,
    notes: '', ...over,
  }
}

export function activity(over: Partial<Activity> & { id: string; date: string }): Activity {
  return {
    ...META, accountId: 'acc1', type: 'visit', subject: over.id, contactIds: [], notes: '', followUp: '', useful: false, ...over,
  }
}

export function figures(over: Partial<YearFigures> & { year: number }): YearFigures {
  return {
    id: `f${over.year}`, ...META, accountId: 'acc1', currency: 'CNY', revenue: 0, margin: 0, revenueTarget: 0,
    marginTarget: 0, categorySpend: 0, crossSellSales: 0, ...over,
  }
}

export function visits(over: Partial<VisitStats> = {}): VisitStats {
  return {
    from: '2024-04-01', to: '2025-03-31', months: 12, visits: 0, visitsPerMonth: 0, keyPeople: [], usefulMonths: 0,
    byMonth: [], ...over,
  }
}

/** The follow-up action of an activity (it shares the activity's id, as the store does). */
export function followUp(activityId: string, over: Partial<Action> = {}): Action {
  return {
    id: activityId, ...META, accountId: 'acc1', title: activityId, owner: '王磊', due: '', status: 'open',
    source: { area: 'activity', recordId: activityId, detail: '' }, notes: '', completedOn: '', ...over,
  }
}

export function workspace(over: Partial<Workspace> = {}): Workspace {
  return {
    account: account(), figures: [], contacts: [], activities: [], shareOfWallet: [], visits: visits(),
    parent: null, children: [], followUps: [], ...over,
  }
}
