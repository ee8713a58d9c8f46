// DOM helpers shared by the component tests: Naive UI's providers around the
// component under test, waiting for it to settle, and finding, typing and
// clicking the way a user would.
import { defineComponent, h, nextTick, type VNode } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'

/** A root component rendering `inner` inside the dialog and message providers the app has. */
export function withProviders(inner: () => VNode) {
  return defineComponent(() => () =>
    h(NDialogProvider, null, { default: () => h(NMessageProvider, null, { default: inner }) }))
}

export async function settle(): Promise<void> {
  await flushPromises()
  await nextTick()
  await flushPromises()
}

export const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document.body) => root.querySelector<T>(sel)
export const $$ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document.body) => [...root.querySelectorAll<T>(sel)]

export async function click(sel: string | Element | null): Promise<void> {
  const el = typeof sel === 'string' ? $(sel) : sel
  if (!el) throw new Error(`nothing matches ${String(sel)}`)
  ;(el as HTMLElement).click()
  await settle()
}

/** Types into a native input (found by data-testid) the way a user would. */
export async function typeInto(testId: string, value: string): Promise<HTMLInputElement> {
  const input = $<HTMLInputElement>(`[data-testid="${testId}"]`)
  if (!input) throw new Error(`no input ${testId}`)
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await nextTick()
  return input
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
