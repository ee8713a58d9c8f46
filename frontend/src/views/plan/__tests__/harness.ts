// Mounting helpers for the plan tests: the real i18n messages, Naive UI's
// providers and a memory router with the plan tab on an account route (so
// the year in the address and the unsaved-changes guard work as in the app).
// Only `@/api/services` is faked, by each test file with vi.mock.
import { defineComponent, h, nextTick } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { $, $$, settle, withProviders } from '@/test/dom'
import type {
  Account, ActionRow, Completeness, Contact, Goal, Plan, PlanView, YearFigures,
} from '@/api/types'
import PlanTab from '../PlanTab.vue'
import { emptyPlan, PARTS } from '../model'

const META = { rev: 3, createdAt: '2024-01-05T02:00:00Z', updatedAt: '2024-03-01T02:00:00Z' }

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acc1', ...META, name: '华东精细化工集团', legalName: '', industry: 'chemical', segment: 'enterprise',
    country: 'CN', owner: '王磊', parentId: '', currency: 'CNY', tags: [], notes: '', ...over,
  }
}

export function contact(over: Partial<Contact> & { id: string }): Contact {
  return {
    ...META, accountId: 'acc1', name: over.id, title: '', department: '', reportsTo: '', buyingRole: '', stance: '',
    influence: '', relationshipLevel: 0, lastContact: '', email: '', phone: '', interests: '', birthday: '', left: false,
    notes: '', ...over,
  }
}

export function goal(over: Partial<Goal> & { id: string }): Goal {
  return { title: over.id, metric: 'revenue', target: 100_000_000, unit: '', actual: 0, notes: '', ...over }
}

export function plan(over: Partial<Plan> = {}): Plan {
  return { ...emptyPlan('acc1', 2024, 'CNY'), id: 'plan24', ...META, ...over }
}

export function figures(over: Partial<YearFigures> & { year: number }): YearFigures {
  return {
    id: `f${over.year}`, ...META, accountId: 'acc1', currency: 'CNY', revenue: 0, margin: 0, revenueTarget: 0,
    marginTarget: 0, categorySpend: 0, crossSellSales: 0, ...over,
  }
}

export function action(over: Partial<ActionRow> & { id: string }): ActionRow {
  return {
    ...META, accountId: 'acc1', title: over.id, owner: '王磊', due: '', status: 'open',
    source: { area: 'plan', recordId: 'plan24', detail: '' }, notes: '', completedOn: '', accountName: '', planYear: 2024,
    ...over,
  }
}

export function full(): Completeness {
  return { filled: [...PARTS], missing: [], percent: 100 }
}

export function view(over: Partial<PlanView> = {}): PlanView {
  return {
    year: 2024, plan: null, years: [], progress: [], completeness: { filled: [], missing: [...PARTS], percent: 0 },
    actions: [], figures: null, ...over,
  }
}

export interface Mounted {
  wrapper: VueWrapper
  router: Router
  changed: () => number
}

export async function mountPlan(
  props: { account?: Account; contacts?: Contact[]; figures?: YearFigures[]; defaultOwner?: string } = {},
  opts: { locale?: 'en' | 'zh-CN'; query?: Record<string, string> } = {},
): Promise<Mounted> {
  i18n.global.locale.value = opts.locale ?? 'en'
  let changes = 0
  const Page = defineComponent(() => () =>
    h(PlanTab, {
      accountId: 'acc1',
      account: props.account ?? account(),
      contacts: props.contacts ?? [],
      figures: props.figures ?? [],
      defaultOwner: props.defaultOwner ?? '王磊',
      onChanged: () => changes++,
    }))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accounts/:id', component: Page },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push({ path: '/accounts/acc1', query: { tab: 'plan', ...(opts.query ?? {}) } })
  await router.isReady()
  const Host = withProviders(() => h(RouterView))
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, router] as never[], stubs: { ActionForm: true } },
  })
  // the preferences store applies the OS language when first used: choose ours after it
  i18n.global.locale.value = opts.locale ?? 'en'
  await settle()
  return { wrapper, router, changed: () => changes }
}

export { $, $$, click, settle } from '@/test/dom'
export const byTestId = (id: string) => $(`[data-testid="${id}"]`)

/** The native input or textarea behind a test id, whether the id is on it or on its wrapper. */
export function field(id: string, nth = 0): HTMLInputElement | HTMLTextAreaElement {
  const all = $$<HTMLInputElement | HTMLTextAreaElement>(
    `input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`,
  )
  const el = all[nth < 0 ? all.length + nth : nth]
  if (!el) throw new Error(`no field ${id}[${nth}]`)
  return el
}

/** Types into a field the way a user would. */
export async function typeInto(id: string, value: string, nth = 0): Promise<void> {
  const el = field(id, nth)
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await nextTick()
}


/** The error feedback of the form item holding a field. */
export function feedbackOf(el: Element): string {
  const item = el.closest('.n-form-item')
  if (!item?.querySelector('.n-form-item-feedback--error')) return ''
  return item.querySelector('.n-form-item-feedback-wrapper')?.textContent?.trim() ?? ''
}
