// Mounting helpers for the action views' tests: real i18n, Pinia, Naive UI
// providers and a memory router. Only `@/api/services` is faked, by each test
// file with vi.mock.
import { h, type Component } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { $, $$, settle, withProviders } from '@/test/dom'
import type { Action, ActionBoard, ActionRow } from '@/api/types'

export function memoryRouter(): Router {
  const blank = { render: () => null }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: blank },
      { path: '/actions', component: blank },
      { path: '/accounts', component: blank },
      { path: '/accounts/:id', component: blank },
      { path: '/settings', component: blank },
      { path: '/programs/:id', component: blank },
    ],
  })
}

export interface Mounted {
  wrapper: VueWrapper
  router: Router
  pinia: Pinia
}

export async function mountIn(
  component: Component,
  props: Record<string, unknown>,
  opts: { locale?: 'en' | 'zh-CN'; path?: string } = {},
): Promise<Mounted> {
  i18n.global.locale.value = opts.locale ?? 'en'
  // The preferences store applies the cached language when it starts, as at app start.
  localStorage.setItem('keystone.preferences', JSON.stringify({ language: opts.locale ?? 'en', theme: 'light', owner: '' }))
  const router = memoryRouter()
  await router.push(opts.path ?? '/')
  const pinia = createPinia()
  setActivePinia(pinia)
  const Host = withProviders(() => h(component, props))
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, i18n, router] } })
  await settle()
  return { wrapper, router, pinia }
}

export { $, $$, click, fieldErrorsShown, settle, typeInto } from '@/test/dom'

export async function key(el: Element, k: string): Promise<KeyboardEvent> {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })
  el.dispatchEvent(e)
  await settle()
  return e
}

/** Opens a Naive UI select (by its data-testid) and picks the option with this label. */
export async function pick(testId: string, label: string): Promise<void> {
  const sel = $(`[data-testid="${testId}"]`)
  const trigger = sel?.querySelector<HTMLElement>('.n-base-selection') ?? sel
  if (!trigger) throw new Error(`no select ${testId}`)
  trigger.click()
  await settle()
  const option = $$('.n-base-select-option').find((o) => o.textContent?.trim() === label)
  if (!option) throw new Error(`no option ${label} in ${$$('.n-base-select-option').map((o) => o.textContent).join(', ')}`)
  option.click()
  await settle()
}

const META = { createdAt: '2025-03-01T00:00:00Z', updatedAt: '2025-03-01T00:00:00Z' }

export function action(over: Partial<Action> & { id: string }): Action {
  return {
    ...META, rev: 1, accountId: 'acc1', title: over.id, owner: '王磊', due: '', status: 'open',
    source: { area: 'manual', recordId: '', detail: '' }, notes: '', completedOn: '', ...over,
  }
}

export function row(over: Partial<ActionRow> & { id: string }): ActionRow {
  return { ...action(over), accountName: '华东精细化工集团', planYear: 0, ...over }
}

export function board(over: Partial<ActionBoard> = {}): ActionBoard {
  return {
    today: '2025-03-12', weekEnd: '2025-03-16', overdue: [], thisWeek: [], later: [], noDate: [], closed: [],
    counts: { open: 0, overdue: 0, thisWeek: 0, later: 0, noDate: 0, closed: 0 }, ...over,
  }
}
