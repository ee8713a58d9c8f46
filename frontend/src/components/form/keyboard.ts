// Enter submits a drawer form from a one-line input; Ctrl/⌘+Enter from anywhere.
// Enter that confirms an IME candidate (Chinese input) or picks a select/date
// option must not submit.
export function isSubmitKey(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return false
  if (e.ctrlKey || e.metaKey) return true
  if (e.shiftKey || e.altKey) return false
  const el = e.target as HTMLElement | null
  if (!el || el.tagName !== 'INPUT') return false
  return !el.closest('.n-base-selection, .n-date-picker, .n-select')
}

/**
 * The field to focus when a form has opened: the one marked data-autofocus,
 * unless the user is already typing in one of the form's fields (someone
 * quick, or a slow machine). Moving the focus then would send their next
 * Enter to another field, where it saves the form.
 */
export function autofocusTarget(body: HTMLElement | null, active: Element | null): HTMLElement | null {
  if (!body || (active && body.contains(active))) return null
  return body.querySelector<HTMLElement>('[data-autofocus] input, input[data-autofocus]')
}
