import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { fakeServer, HttpReply } from '@/test/fakeServer'
import { $, $$, click, settle, withProviders } from '@/test/dom'
import type { CurrencySettings } from '@/api/types'
import CurrencySettingsView from '../CurrencySettings.vue'

const stored = (): CurrencySettings => ({
  id: 'firm', rev: 2, createdAt: '2026-01-02T00:00:00Z', updatedAt: '2026-01-03T00:00:00Z',
  reporting: 'CNY',
  years: [{ year: 0, rates: { USD: 7.1, EUR: 7.7 } }, { year: 2025, rates: { USD: 7.2 } }],
})

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

async function mountView(locale: 'en' | 'zh-CN', handlers: Parameters<typeof fakeServer>[0]) {
  i18n.global.locale.value = locale
  const server = fakeServer(handlers)
  wrapper = mount(withProviders(() => h(CurrencySettingsView)), { attachTo: document.body, global: { plugins: [i18n] } })
  await settle()
  return server
}

const input = (id: string) => $<HTMLInputElement>(`[data-testid="${id}"] input`)!

describe('CurrencySettings', () => {
  it('shows the saved rates per currency and year, standing first', async () => {
    await mountView('zh-CN', { 'SettingsService.Currency': () => stored() })
    const heads = $$('[data-testid="currency-rates"] thead th').map((th) => th.textContent?.trim())
    expect(heads.slice(0, 3)).toEqual(['货币', '常用汇率', '2025'])
    expect(input('rate-0-USD').value).toBe('7.1')
    expect(input('rate-2025-USD').value).toBe('7.2')
    // no 2025 EUR rate: the standing one applies
    expect(input('rate-2025-EUR').value).toBe('')
    expect($('[data-testid="currency-save"]')!.hasAttribute('disabled')).toBe(true)
  })

  it('sends the edited table and shows a refused rate on its cell', async () => {
    const server = await mountView('en', {
      'SettingsService.Currency': () => stored(),
      'SettingsService.SaveCurrency': () => new HttpReply(422, {
        code: 'invalid', field: 'years[1].rates.USD', rule: 'not_positive', message: 'the rate for USD must be a positive number',
        issues: [{ field: 'years[1].rates.USD', rule: 'not_positive', message: 'x' }],
      }),
    })
    const cell = input('rate-2025-USD')
    cell.value = '0'
    cell.dispatchEvent(new Event('input', { bubbles: true }))
    cell.dispatchEvent(new Event('blur'))
    await settle()
    await click('[data-testid="currency-save"]')
    const sent = server.calls('SettingsService', 'SaveCurrency')[0]![0] as CurrencySettings
    expect(sent.reporting).toBe('CNY')
    expect(sent.rev).toBe(2)
    expect(sent.years).toEqual([{ year: 0, rates: { USD: 7.1, EUR: 7.7 } }, { year: 2025, rates: { USD: 0 } }])
    expect($('[data-testid="currency-error"]')!.textContent).toContain('must be a number above zero')
    expect($('[data-testid="rate-2025-USD"] .n-input')!.className).toContain('n-input--error-status')
  })
})
