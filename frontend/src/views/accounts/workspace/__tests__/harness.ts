// Mounting helpers for the workspace tests: the real i18n messages, Naive UI's
// providers and (when asked) a memory router. Only `@/api/services` is faked,
// by each test file with vi.mock.
import { defineComponent, h, nextTick, type Component } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import type { Account, Action, Activity, Contact, VisitStats, Workspace, YearFigures } from '@/api/types'

export function mountIn(
  component: Component,
  props: Record<string, unknown>,
  opts: { locale?: 'en' | 'zh-CN'; router?: Router; stubs?: Record<string, boolean | Component> } = {},
): VueWrapper {
  i18n.global.locale.value = opts.locale ?? 'en'
  const Host = defineComponent(() => () =>
    h(NDialogProvider, null, { default: () => h(NMessageProvider, null, { default: () => h(component, props) }) }))
  const plugins: unknown[] = [createPinia(), i18n]
  if (opts.router) plugins.push(opts.router)
  return mount(Host, {
    attachTo: document.body,
    global: { plugins: plugins as never[], stubs: { ...(opts.stubs ?? {}) } },
  })
}

export async function settle(): Promise<void> {
  await flushPromises()
  await nextTick()
  await flushPromises()
}

export const $ = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)
export const $$ = <T extends Element = HTMLElement>(sel: string) => [...document.body.querySelectorAll<T>(sel)]

/** Types into a native input (found by data-testid) the way a user would. */
export async function typeInto(testId: string, value: string): Promise<HTMLInputElement> {
  const input = $<HTMLInputElement>(`[data-testid="${testId}"]`)
  if (!input) throw new Error(`no input ${testId}`)
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await nextTick()
  return input
}

export async function click(sel: string): Promise<void> {
  const el = $<HTMLElement>(sel)
  if (!el) throw new Error(`nothing matches ${sel}`)
  el.click()
  await settle()
}

/** Label → feedback text of each form item showing an error. */
export function fieldErrorsShown(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of $$('.n-form-item')) {
    if (!item.querySelector('.n-form-item-feedback--error')) continue
    const label = item.querySelector('.n-form-item-label__text')?.textContent?.trim() ?? ''
    out[label] = item.querySelector('.n-form-item-feedback-wrapper')?.textContent?.trim() ?? ''
  }
  return out
}

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
