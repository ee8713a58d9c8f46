import { afterEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { $, click, settle, withProviders } from '@/test/dom'
import type { RetentionSettings, SettingsModel } from '@/api/retention'
import RetentionSettingsView from '../RetentionSettings.vue'

vi.mock('@/api/retention', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/retention')>()
  return { ...real, retentionApi: { settings: vi.fn(), saveSettings: vi.fn(), restoreDefaults: vi.fn() } }
})
const { retentionApi } = await import('@/api/retention')

function model(version: number): SettingsModel<RetentionSettings> {
  return {
    id: String(version), rev: 1, createdAt: '', updatedAt: '', area: 'retention', version, defaults: version === 0,
    value: {
      switching: { typeWeights: { procedural: 50, financial: 25, relational: 25 }, surveyWeights: { tangibles: 20, reliability: 20, responsiveness: 20, assurance: 20, empathy: 20 }, attractionCut: 50, barrierCut: 50 },
      weights: { falling_revenue: 25, falling_share: 15, rising_complaints: 20, contact_left: 15, renewal_near: 10, competitor_activity: 15 },
      revenueDrop: 10, shareDrop: 5, complaintDays: 90, minComplaints: 2, contactLeftDays: 180, renewalDays: 90, competitorDays: 90,
      competitorWords: ['竞争对手'], mediumAt: 30, highAt: 60,
    },
  }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

async function mountIt() {
  i18n.global.locale.value = 'en'
  wrapper = mount(withProviders(() => h(RetentionSettingsView)), { attachTo: document.body, global: { plugins: [i18n] as never[] } })
  await settle()
}

// Naive UI's dialogs and inputs are slow to settle on a busy machine.
describe('RetentionSettings', { timeout: 20_000 }, () => {
  it('shows the sum of the weights and the server’s error when they do not add up to 100', async () => {
    vi.mocked(retentionApi.settings).mockResolvedValue(model(0))
    vi.mocked(retentionApi.saveSettings).mockRejectedValue({
      code: 'invalid', field: 'weights', rule: 'weights_not_100', params: { total: 90 }, message: 'x',
      issues: [{ field: 'weights', rule: 'weights_not_100', params: { total: 90 }, message: 'x' }],
    })
    await mountIt()
    const input = $<HTMLInputElement>('[data-testid="set-weight-renewal_near"] input')!
    input.value = '0'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('blur'))
    await settle()
    expect($('[data-testid="set-weights-sum"]')?.textContent).toContain('Sum 90 of 100')
    await click('[data-testid="retention-settings-save"]')
    expect(vi.mocked(retentionApi.saveSettings).mock.calls[0]![1]).toBe(0)
    expect($('[data-testid="set-weights-error"]')?.textContent).toContain('The weights add up to 90; they must add up to 100.')
  })

  it('restores the defaults as a new version after asking', async () => {
    vi.mocked(retentionApi.settings).mockResolvedValue(model(3))
    vi.mocked(retentionApi.restoreDefaults).mockResolvedValue(model(4))
    await mountIt()
    expect($('[data-testid="retention-settings-version"]')?.textContent).toContain('Version 3')
    await click('[data-testid="retention-settings-restore"]')
    const ok = [...document.querySelectorAll<HTMLButtonElement>('.n-dialog button')].find((b) => b.textContent?.includes('Restore defaults'))
    await click(ok!)
    expect(retentionApi.restoreDefaults).toHaveBeenCalledWith(3)
    expect($('[data-testid="retention-settings-version"]')?.textContent).toContain('Version 4')
  })
})
