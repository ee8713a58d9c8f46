import { describe, expect, it } from 'vitest'
import { autofocusTarget, isSubmitKey } from '../keyboard'

function form(): { body: HTMLElement; first: HTMLInputElement; date: HTMLInputElement; outside: HTMLButtonElement } {
  document.body.innerHTML = `
    <button id="outside">New</button>
    <div id="body">
      <div data-autofocus><input id="first"></div>
      <div class="n-date-picker"><input id="date"></div>
      <textarea id="notes"></textarea>
    </div>`
  const q = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
  return { body: q('body'), first: q('first'), date: q('date'), outside: q('outside') }
}

describe('autofocusTarget', () => {
  it('is the marked field when the focus is outside the form (on the button that opened it)', () => {
    const f = form()
    expect(autofocusTarget(f.body, f.outside)).toBe(f.first)
    expect(autofocusTarget(f.body, null)).toBe(f.first)
  })
  it('is nothing while the user is already in one of the form fields', () => {
    const f = form()
    expect(autofocusTarget(f.body, f.date)).toBeNull()
  })
  it('is nothing without a form', () => {
    expect(autofocusTarget(null, null)).toBeNull()
  })
})

describe('isSubmitKey', () => {
  const key = (target: Element, init: KeyboardEventInit) => {
    const e = new KeyboardEvent('keydown', { bubbles: true, ...init })
    Object.defineProperty(e, 'target', { value: target })
    return e
  }
  it.each([
    ['Enter in a one-line field', 'first', { key: 'Enter' }, true],
    ['Enter picking a date', 'date', { key: 'Enter' }, false],
    ['Enter in a text area', 'notes', { key: 'Enter' }, false],
    ['Ctrl+Enter in a text area', 'notes', { key: 'Enter', ctrlKey: true }, true],
    ['Shift+Enter', 'first', { key: 'Enter', shiftKey: true }, false],
    ['Enter confirming a Chinese input candidate', 'first', { key: 'Enter', isComposing: true }, false],
    ['another key', 'first', { key: 'a' }, false],
  ] as const)('%s', (_, id, init, want) => {
    form()
    expect(isSubmitKey(key(document.getElementById(id)!, init))).toBe(want)
  })
})
