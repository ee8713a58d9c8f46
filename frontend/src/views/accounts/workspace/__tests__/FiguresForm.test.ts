import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { YearFigures } from '@/api/types'
import FiguresForm from '../FiguresForm.vue'
import { $, click, fieldErrorsShown, figures, mountIn, settle, typeInto } from './harness'

vi.mock('@/api/services', () => ({
  accounts: { saveFigures: vi.fn() },
}))
const { accounts } = await import('@/api/services')
const saveFigures = vi.mocked(accounts.saveFigures)

let wrapper: VueWrapper | null = null

async function open(props: { currency?: string; figures?: YearFigures | null; all?: YearFigures[] } = {}) {
  const saved: YearFigures[] = []
  wrapper = mountIn(FiguresForm, {
    show: true,
    accountId: 'acc1',
    currency: props.currency ?? 'CNY',
    figures: props.figures ?? null,
    all: props.all ?? [],
    onSaved: (f: YearFigures) => saved.push(f),
  })
  await settle()
  return saved
}

describe('FiguresForm', () => {
  beforeEach(() => {
    saveFigures.mockReset()
    saveFigures.mockImplementation(async (f) => ({ ...f, id: f.id || 'new', rev: f.rev + 1 }))
  })

  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('turns major units typed by the user into minor units of the account currency', async () => {
    const saved = await open()
    await typeInto('figures-year', '2024')
    await typeInto('figures-revenue', '1,234,567.89')
    await typeInto('figures-revenueTarget', '150万')
    await typeInto('figures-margin', '-2000.5')
    await typeInto('figures-categorySpend', '1.2亿')
    await click('[data-testid="figures-save"]')

    expect(saveFigures).toHaveBeenCalledTimes(1)
    const sent = saveFigures.mock.calls[0]![0]
    expect(sent).toMatchObject({
      accountId: 'acc1', year: 2024, currency: 'CNY',
      revenue: 123_456_789, revenueTarget: 150_000_000, margin: -200_050,
      categorySpend: 12_000_000_000, marginTarget: 0, crossSellSales: 0,
    })
    expect(saved).toHaveLength(1)
  })

  it('shows what the typed amount means and the share of wallet it gives', async () => {
    await open()
    await typeInto('figures-revenue', '125万')
    await typeInto('figures-categorySpend', '500万')
    expect(document.body.textContent).toContain('¥1,250,000.00')
    expect($('[data-testid="sow-preview"]')!.textContent).toBe('25%')
  })

  it('uses the currency’s own decimals: none for yen', async () => {
    await open({ currency: 'JPY' })
    await typeInto('figures-revenue', '1500.5')
    await click('[data-testid="figures-save"]')
    expect(saveFigures).not.toHaveBeenCalled()
    expect(fieldErrorsShown()['Revenue']).toMatch(/Too many decimals: this currency has 0/)

    await typeInto('figures-revenue', '1500000')
    await click('[data-testid="figures-save"]')
    expect(saveFigures.mock.calls[0]![0]).toMatchObject({ currency: 'JPY', revenue: 1_500_000 })
  })

  it('opens an existing year in major units and keeps its id and rev', async () => {
    const row = figures({ year: 2023, id: 'f23', rev: 4, revenue: 123_456, revenueTarget: 0, currency: 'USD' })
    await open({ figures: row, all: [row] })
    expect($<HTMLInputElement>('[data-testid="figures-revenue"]')!.value).toBe('1,234.56')
    expect($<HTMLInputElement>('[data-testid="figures-revenueTarget"]')!.value).toBe('') // 0 = no target
    await click('[data-testid="figures-save"]')
    expect(saveFigures.mock.calls[0]![0]).toMatchObject({ id: 'f23', rev: 4, year: 2023, currency: 'USD', revenue: 123_456 })
  })

  it('refuses a second row for a year that already has figures', async () => {
    await open({ all: [figures({ year: 2024 })] })
    await typeInto('figures-year', '2024')
    await click('[data-testid="figures-save"]')
    expect(saveFigures).not.toHaveBeenCalled()
    expect(fieldErrorsShown()['Year']).toBe('There are already figures for this year.')
  })

  it('refuses negative amounts other than the margin', async () => {
    await open()
    await typeInto('figures-crossSellSales', '-5')
    await click('[data-testid="figures-save"]')
    expect(saveFigures).not.toHaveBeenCalled()
    expect(fieldErrorsShown()['Cross-sell revenue']).toBe('Cross-sell revenue cannot be negative.')
  })

  it('puts a server rule next to its field', async () => {
    saveFigures.mockRejectedValueOnce({
      code: 'invalid', field: 'categorySpend', rule: 'below_revenue', message: 'categorySpend below revenue',
      issues: [{ field: 'categorySpend', rule: 'below_revenue', message: 'categorySpend below revenue' }],
    })
    await open()
    await typeInto('figures-revenue', '100')
    await typeInto('figures-categorySpend', '50')
    await click('[data-testid="figures-save"]')
    expect(fieldErrorsShown()['Customer category spend']).toBe(
      'Customer category spend cannot be lower than our revenue in it.',
    )
  })
})
