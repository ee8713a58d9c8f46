import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import { $, click, settle, withProviders } from '@/test/dom'
import type { PartnershipSettings, RelationshipSettings, SettingsModel } from '@/api/partnership'
import PartnershipSettingsView from '../PartnershipSettings.vue'
import { SETTINGS } from './harness'

vi.mock('@/api/partnership', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/partnership')>()
  return {
    ...real,
    partnership: { settings: vi.fn(), saveSettings: vi.fn(), restoreDefaults: vi.fn(), defaults: vi.fn() },
    relationships: { settings: vi.fn(), saveSettings: vi.fn(), restoreDefaults: vi.fn(), defaults: vi.fn() },
  }
})
const { partnership, relationships } = await import('@/api/partnership')
const REL: RelationshipSettings = { shareCuts: [10, 25, 40, 60], notMetDays: 90 }
const relModel = (version: number, value: RelationshipSettings = REL, defaults = true): SettingsModel<RelationshipSettings> => ({
  id: String(version), rev: 0, createdAt: '', updatedAt: '', area: 'relationship', version, value: JSON.parse(JSON.stringify(value)) as RelationshipSettings, defaults,
})

const model = (version: number, value: PartnershipSettings = SETTINGS, defaults = true): SettingsModel<PartnershipSettings> => ({
  id: String(version), rev: 0, createdAt: '', updatedAt: '', area: 'partnership', version, value: JSON.parse(JSON.stringify(value)) as PartnershipSettings, defaults,
})

let w: VueWrapper | null = null
beforeEach(() => {
  vi.mocked(partnership.settings).mockResolvedValue(model(1))
  vi.mocked(partnership.defaults).mockResolvedValue(JSON.parse(JSON.stringify(SETTINGS)) as PartnershipSettings)
  vi.mocked(relationships.settings).mockResolvedValue(relModel(0))
  vi.mocked(relationships.defaults).mockResolvedValue(structuredClone(REL))
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

  it('shows the shipped default beside each threshold and marks the changed ones', async () => {
    vi.mocked(partnership.settings).mockResolvedValue(model(2, { ...SETTINGS, armsLengthBelow: 10 }, false))
    await mountIt()
    const cut = $('[data-testid="ps-default-armsLengthBelow"]')!
    expect(cut.textContent?.trim()).toBe('default 8')
    expect(cut.classList.contains('changed')).toBe(true)
    const mid = $('[data-testid="ps-default-middleFrom"]')!
    expect(mid.textContent?.trim()).toBe('default 12')
    expect(mid.classList.contains('changed')).toBe(false)
    await setNumber('ps-armsLengthBelow', 8)
    expect(cut.classList.contains('changed')).toBe(false)
  })

  it('edits the share-of-wallet cuts and the not-met period of the relationship model as a new version', async () => {
    vi.mocked(relationships.saveSettings).mockImplementation(async (v) => relModel(1, v, false))
    await mountIt()
    expect($('[data-testid="relationship-settings-version"]')!.textContent).toContain('Shipped defaults (not saved yet)')
    await setNumber('rs-cut-1', 30)
    await setNumber('rs-notMetDays', 60)
    await click('[data-testid="relationship-settings-save"]')
    const [value, base] = vi.mocked(relationships.saveSettings).mock.calls[0]!
    expect(base).toBe(0)
    expect(value).toEqual({ shareCuts: [10, 30, 40, 60], notMetDays: 60 })
    expect($('[data-testid="relationship-settings-version"]')!.textContent).toContain('Version 1')
  })

  it('shows a refused cut next to its field, in words', async () => {
    vi.mocked(relationships.saveSettings).mockRejectedValue({
      code: 'invalid', field: 'shareCuts[2]', rule: 'not_above', message: 'x',
      issues: [{ field: 'shareCuts[2]', rule: 'not_above', params: { value: 20, other: 'shareCuts[1]', min: 25 }, message: 'x' }],
    })
    await mountIt()
    await setNumber('rs-cut-2', 20)
    await click('[data-testid="relationship-settings-save"]')
    expect(document.body.textContent).toContain('Partnership KAM from must be above Mid KAM from.')
  })
})
