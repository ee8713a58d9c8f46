import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Workspace } from '@/api/types'
import OverviewTab from '../OverviewTab.vue'
import FiguresChart from '../FiguresChart.vue'
import { $, $$, account, figures, mountIn, settle, workspace } from './harness'

vi.mock('@/api/services', () => ({
  accounts: { saveFigures: vi.fn(), deleteFigures: vi.fn() },
}))

let wrapper: VueWrapper | null = null

const yuan = (n: number) => n * 100

function ws(over: Partial<Workspace> = {}): Workspace {
  return workspace({
    figures: [
      figures({ year: 2023, revenue: yuan(10_000_000), margin: yuan(2_000_000), categorySpend: 0 }),
      figures({
        year: 2024, revenue: yuan(12_000_000), revenueTarget: yuan(15_000_000), margin: yuan(3_000_000),
        categorySpend: yuan(34_782_609), crossSellSales: yuan(3_000_000),
      }),
    ],
    shareOfWallet: [
      { year: 2023, percent: 0, known: false },
      { year: 2024, percent: 34.5, known: true },
    ],
    ...over,
  })
}

async function open(w: Workspace, locale: 'en' | 'zh-CN' = 'en') {
  wrapper = mountIn(OverviewTab, { workspace: w }, { locale, stubs: { FiguresChart: true, VisitsChart: true } })
  await settle()
}

const text = (id: string) => $(`[data-testid="${id}"]`)?.textContent?.trim()

describe('OverviewTab', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('does not compare this year to date with the whole of last year', async () => {
    const year = new Date().getFullYear()
    await open(workspace({
      figures: [
        figures({ year: year - 1, revenue: yuan(10_000_000) }),
        figures({ year, revenue: yuan(7_000_000), revenueTarget: yuan(11_000_000) }),
      ],
      shareOfWallet: [],
    }))
    const kpis = $('[data-testid="kpis"]')!.textContent!
    expect(kpis).toContain(`Revenue ${year} to date`)
    expect(text('kpi-last-year')).toBe(`All of ${year - 1}: CN¥10,000,000`)
    expect(kpis).not.toContain(`vs ${year - 1}`)
  })

  it('shows the latest year against its target, with margin and share of wallet in percent', async () => {
    await open(ws())
    expect(text('kpi-revenue')).toBe('CN¥12,000,000')
    expect(text('kpi-attainment')).toBe('80% of target')
    expect(text('kpi-margin-pct')).toBe('25% of revenue')
    expect(text('kpi-sow')).toBe('34.5%')
    expect(text('kpi-cross-sell')).toBe('CN¥3,000,000')
    expect($('[data-testid="kpis"]')!.textContent).toContain('20% vs 2023')
    expect($('[data-testid="kpis"]')!.textContent).toContain('20% of all our sales to them')
  })

  it('lists every year with the computed share of wallet, a dash where the spend is unknown', async () => {
    await open(ws())
    const rows = $$('[data-testid="figures-row"]')
    expect(rows.map((r) => r.querySelector('td')?.textContent?.trim())).toEqual(['2024', '2023'])
    expect(rows[0]!.querySelector('[data-testid="sow-cell"]')?.textContent).toBe('34.5%')
    expect(rows[1]!.querySelector('[data-testid="sow-cell"]')).toBeNull()
  })

  it('says the share of wallet is unknown when the customer’s spend is not recorded', async () => {
    await open(ws({ shareOfWallet: [{ year: 2024, percent: 0, known: false }] }), 'zh-CN')
    expect(text('kpi-sow')).toBe('—')
    expect($('[data-testid="kpis"]')!.textContent).toContain('录入客户在本品类的总采购额后即可计算')
  })

  it('falls back to the latest year whose share of wallet is known, and names that year', async () => {
    const w = ws()
    w.figures.push(figures({ year: 2025, revenue: yuan(13_000_000), categorySpend: 0 }))
    w.shareOfWallet.push({ year: 2025, percent: 0, known: false })
    await open(w)
    expect(text('kpi-revenue')).toBe('CN¥13,000,000')
    expect(text('kpi-sow')).toBe('34.5%')
    expect(text('kpi-sow-year')).toBe('(2024)')
  })

  it('keeps years in another currency out of the chart and says so', async () => {
    const w = ws()
    w.figures.push(figures({ year: 2022, currency: 'USD', revenue: 100_000 }))
    await open(w)
    const chart = wrapper!.findComponent(FiguresChart)
    expect((chart.props('figures') as { year: number }[]).map((f) => f.year).sort()).toEqual([2023, 2024])
    expect(document.body.textContent).toContain('Not in the chart: 2022 (USD)')
  })

  it('invites the first year when there are no figures', async () => {
    await open(workspace({ account: account() }))
    expect($('[data-testid="kpis"]')).toBeNull()
    expect(document.body.textContent).toContain('No yearly figures yet')
    expect($('[data-testid="add-figures"]')).not.toBeNull()
  })
})
