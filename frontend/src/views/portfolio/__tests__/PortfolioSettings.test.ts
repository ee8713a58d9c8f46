import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { PortfolioSettings } from '@/api/portfolio'
import { $, $$, byTestId, click, mountPage, settingsModel, settle, text, type Mounted } from './harness'

vi.mock('@/api/portfolio', async (orig) => ({
  ...(await orig<typeof import('@/api/portfolio')>()),
  portfolio: { settings: vi.fn(), saveSettings: vi.fn(), restoreDefaults: vi.fn() },
}))
vi.mock('@/api/services', () => ({
  settings: { currency: vi.fn(async () => ({ reporting: 'CNY', years: [] })) },
}))

const { portfolio } = await import('@/api/portfolio')
const P = vi.mocked(portfolio)
const PortfolioSettingsView = (await import('../PortfolioSettings.vue')).default

// a page of Naive UI inputs mounts slowly on a loaded machine
vi.setConfig({ testTimeout: 30_000 })

let m: Mounted | null = null

async function typeWeight(axis: string, nth: number, value: string) {
  const el = $$<HTMLInputElement>(`[data-testid="settings-${axis}-weight"] input`)[nth]!
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  el.dispatchEvent(new Event('blur'))
  await nextTick()
  await settle()
}

describe('PortfolioSettings', () => {
  beforeEach(() => {
    for (const f of Object.values(P)) f.mockReset()
    P.settings.mockResolvedValue(settingsModel())
  })

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
  })

  it('shows both scorecards with bilingual names and says which values are literature defaults', async () => {
    m = await mountPage(PortfolioSettingsView, '/settings')
    expect($$('[data-testid="settings-attractiveness-row"]')).toHaveLength(6)
    expect($$<HTMLInputElement>('[data-testid="settings-attractiveness-row"] input')[1]?.value).toBe('未来销售收入和利润')
    expect(text('settings-attractiveness-sum')).toBe('Sum 100 / 100')
    expect(text('portfolio-settings-help')).toContain('5.5')
    expect(text('portfolio-settings-help')).toContain('80 % and 95 %')
    expect(text('portfolio-settings-help')).toContain('editable')
  })

  it('keeps a running sum and will not save until both add up to 100', async () => {
    m = await mountPage(PortfolioSettingsView, '/settings')
    await typeWeight('strength', 0, '40')
    expect(text('settings-strength-sum')).toBe('Sum 115 / 100')
    expect(byTestId('settings-strength-sum')?.classList.contains('bad')).toBe(true)
    expect(byTestId('portfolio-settings-save')?.hasAttribute('disabled')).toBe(true)

    await typeWeight('strength', 1, '0')
    expect(text('settings-strength-sum')).toBe('Sum 100 / 100')
    expect(byTestId('portfolio-settings-save')?.hasAttribute('disabled')).toBe(false)

    P.saveSettings.mockImplementation(async (v: PortfolioSettings) => settingsModel(v, 2))
    await click('[data-testid="portfolio-settings-save"]')
    const [sent, base] = P.saveSettings.mock.calls[0]!
    expect(base).toBe(1)
    expect(sent.strength.map((c) => c.weight)).toEqual([40, 0, 15, 15, 15, 15])
    expect(text('portfolio-settings-version')).toContain('Version 2')
  })

  it('shows the server’s reasons next to the fields and keeps the draft', async () => {
    P.saveSettings.mockRejectedValue({
      code: 'invalid', rule: 'order', message: 'bad', issues: [
        { field: 'classB', rule: 'order', params: { a: 96, b: 95 }, message: 'the ABC limits must rise' },
        { field: 'retention', rule: 'diverges', params: { retention: 1, discount: 0 }, message: 'endless' },
      ],
    })
    m = await mountPage(PortfolioSettingsView, '/settings')
    const a = $<HTMLInputElement>('[data-testid="settings-class-a"] input')!
    a.value = '96'
    a.dispatchEvent(new Event('input', { bubbles: true }))
    a.dispatchEvent(new Event('blur'))
    await settle()
    await click('[data-testid="portfolio-settings-save"]')
    expect(text('portfolio-settings-error')).toBe('Please correct the highlighted fields.')
    const card = byTestId('settings-class-b')!.closest('.field')!
    expect(card.textContent).toContain('the values must go in order')
    expect(byTestId('settings-retention')!.closest('.field')!.textContent).toContain('would be endless')
    expect($<HTMLInputElement>('[data-testid="settings-class-a"] input')!.value).toBe('96.0')
  })

  it('restores the defaults after a confirmation', async () => {
    P.settings.mockResolvedValue(settingsModel({ cut: 7 }, 3))
    P.restoreDefaults.mockResolvedValue(settingsModel({}, 4))
    m = await mountPage(PortfolioSettingsView, '/settings')
    expect(text('portfolio-settings-version')).toContain('edited')
    await click('[data-testid="portfolio-settings-restore"]')
    const confirm = $$('.n-dialog .n-button').find((b) => b.textContent?.includes('Restore defaults'))
    await click(confirm!)
    expect(P.restoreDefaults).toHaveBeenCalledWith(3)
    expect(text('portfolio-settings-version')).toContain('shipped defaults')
  })
})
