import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import { $, click, settle, withProviders } from '@/test/dom'
import type { PartnershipSettings, SettingsModel } from '@/api/partnership'
import PartnershipSettingsView from '../PartnershipSettings.vue'
import { SETTINGS } from './harness'

vi.mock('@/api/partnership', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/partnership')>()
  return { ...real, partnership: { settings: vi.fn(), saveSettings: vi.fn(), restoreDefaults: vi.fn() } }
})
const { partnership } = await import('@/api/partnership')

const model = (version: number, value: PartnershipSettings = SETTINGS, defaults = true): SettingsModel<PartnershipSettings> => ({
  id: String(version), rev: 0, createdAt: '', updatedAt: '', area: 'partnership', version, value: JSON.parse(JSON.stringify(value)) as PartnershipSettings, defaults,
})

let w: VueWrapper | null = null
beforeEach(() => {
  vi.mocked(partnership.settings).mockResolvedValue(model(1))
})
afterEach(() => {
  w?.unmount()
  w = null
  document.body.innerHTML = ''
})

async function mountIt() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  w = mount(withProviders(() => h(PartnershipSettingsView)), { attachTo: document.body, global: { plugins: [createPinia(), i18n, router] as never[] } })
  i18n.global.locale.value = 'en'
  await settle()
}

async function setNumber(testId: string, v: number) {
  const input = $<HTMLInputElement>(`[data-testid="${testId}"]`)!
  input.value = String(v)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('blur'))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  await settle()
}

describe('PartnershipSettings', () => {
  it('saves edited thresholds as a new version on top of the one opened', async () => {
    vi.mocked(partnership.saveSettings).mockImplementation(async (v) => model(2, v, false))
    await mountIt()
    expect($('[data-testid="partnership-settings-version"]')!.textContent).toContain('Version 1 · shipped defaults')
    expect(($('[data-testid="partnership-settings-save"]') as HTMLButtonElement).disabled).toBe(true)
    await setNumber('ps-armsLengthBelow', 10)
    await click('[data-testid="partnership-settings-save"]')
    const [value, base] = vi.mocked(partnership.saveSettings).mock.calls[0]!
    expect(base).toBe(1)
    expect(value.armsLengthBelow).toBe(10)
    expect(value.middleFrom).toBe(12)
    expect($('[data-testid="partnership-settings-version"]')!.textContent).toContain('Version 2')
  })

  it('shows a refused threshold next to its field in words', async () => {
    vi.mocked(partnership.saveSettings).mockRejectedValue({
      code: 'invalid', field: 'highFrom', rule: 'not_above', message: 'x',
      issues: [{ field: 'highFrom', rule: 'not_above', params: { value: 11, other: 'middleFrom', min: 13 }, message: 'x' }],
    })
    await mountIt()
    await setNumber('ps-highFrom', 11)
    await click('[data-testid="partnership-settings-save"]')
    expect(document.body.textContent).toContain('High band from must be above Middle band from.')
  })

  it('says the thresholds are reconstructed defaults', async () => {
    await mountIt()
    expect(document.body.textContent).toContain('reconstructed defaults')
  })
})
