import type { InputHTMLAttributes } from 'vue'

/**
 * Attributes for the native <input> inside a Naive UI input. Vue's typing of
 * InputHTMLAttributes has no data-* keys, though the DOM accepts them.
 */
export function inputAttrs(testId: string, extra: InputHTMLAttributes = {}): InputHTMLAttributes {
  return { autocomplete: 'off', ...extra, ...({ 'data-testid': testId } as InputHTMLAttributes) }
}
