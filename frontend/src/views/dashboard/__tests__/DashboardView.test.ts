import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  $$, byTestId, click, dashboard, matrix, mountPage, pareto, point, settle, text, type Mounted,
} from '@/views/portfolio/__tests__/harness'

vi.mock('@/api/portfolio', async (orig) => ({
  ...(await orig<typeof import('@/api/portfolio')>()),
  portfolio: { dashboard: vi.fn() },
}))
vi.mock('@/api/services', () => ({
  data: { loadSample: vi.fn(async () => ({ accounts: 24, contacts: 200, activities: 1500, figures: 72, plans: 0, actions: 0 })) },
  settings: { preferences: vi.fn(async () => ({ language: 'en', theme: 'light', owner: '' })), savePreferences: vi.fn() },
}))

const { portfolio } = await import('@/api/portfolio')
const D = vi.mocked(portfolio.dashboard)
const DashboardView = (await import('../DashboardView.vue')).default

// a page of cards and charts mounts slowly on a loaded machine
vi.setConfig({ testTimeout: 30_000 })

let m: Mounted | null = null
const stubs = { MatrixChart: true, ParetoChart: true }

async function open(locale: 'en' | 'zh-CN' = 'en') {
  m = await mountPage(DashboardView, '/', { stubs, locale })
}

describe('DashboardView', () => {
  beforeEach(() => D.mockReset())

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
  })

  it('shows the first-run card when there are no accounts, reloads after the sample and sends “new” to the accounts form', async () => {
    D.mockResolvedValueOnce(dashboard({ accounts: 0 }))
    await open()
    expect(byTestId('first-run')).not.toBeNull()
    expect(byTestId('dashboard-kpis')).toBeNull()

    D.mockResolvedValueOnce(dashboard())
    await click('[data-testid="load-sample"]')
    expect(D).toHaveBeenCalledTimes(2)
    expect(byTestId('first-run')).toBeNull()
    expect(byTestId('dashboard-kpis')).not.toBeNull()
  })

  it('opens the new-account form from the first-run card', async () => {
    D.mockResolvedValue(dashboard({ accounts: 0 }))
    await open()
    await click('[data-testid="new-account"]')
    expect(m!.router.currentRoute.value.fullPath).toBe('/accounts?new=1')
  })

  it('shows revenue and margin against target to date, with last year beside', async () => {
    D.mockResolvedValue(dashboard())
    await open()
    expect(text('kpi-revenue')).toBe('CN¥6,000,000')
    expect(text('tile-revenue')).toContain('75% of target')
    expect(text('kpi-revenue-last-year')).toContain('2025: CN¥11M')
    expect(text('tile-margin')).toContain('75% of target')
  })

  it('shows only the tiles whose areas have data', async () => {
    D.mockResolvedValue(dashboard())
    await open()
    expect(byTestId('tile-sow')).toBeNull()
    expect(byTestId('tile-winrate')).toBeNull()
    expect(byTestId('tile-risk')).toBeNull()
    expect(byTestId('dashboard-renewals')).toBeNull()
    expect(byTestId('dashboard-deals')).toBeNull()
    expect(byTestId('dashboard-risk')).toBeNull()
    m!.wrapper.unmount()
    document.body.innerHTML = ''

    D.mockResolvedValue(dashboard({
      shareOfWallet: 31.25,
      winLoss: { winRate: 62.5, valueWinRate: 55, decided: 16, openPipeline: 3_000_000_00, recent: [
        { accountId: 'a1', accountName: '华东精密', opportunityId: 'o1', title: '二期产线', outcome: 'won', value: 1_200_000_00, closedOn: '2026-06-20' },
        { accountId: 'a2', accountName: 'Nordwind', opportunityId: 'o2', title: 'Service contract', outcome: 'lost', value: 300_000_00, closedOn: '2026-06-10' },
      ] },
      risk: { atRisk: 4, high: 1, top: [{ accountId: 'a3', accountName: '远航金石', score: 78, level: 'high' }] },
      renewals: [{ accountId: 'a1', accountName: '华东精密', what: 'program', recordId: 'p1', title: '全球框架协议', date: '2026-07-20', daysLeft: 20 }],
    }))
    await open()
    expect(text('kpi-sow')).toBe('31.3%')
    expect(text('kpi-winrate')).toBe('63%')
    expect(text('kpi-risk')).toBe('4')
    expect($$('[data-testid="dashboard-deal"]').map((d) => d.dataset.outcome)).toEqual(['won', 'lost'])
    expect(text('dashboard-renewal')).toContain('in 20 days')
    expect(text('dashboard-risk-row')).toContain('远航金石')
  })

  it('clicks through from each tile to its page', async () => {
    D.mockResolvedValue(dashboard({ winLoss: { winRate: 50, valueWinRate: 50, decided: 2, openPipeline: 0, recent: [] }, risk: { atRisk: 1, high: 0, top: [] } }))
    await open()
    const to = async (tile: string) => {
      await click(`[data-testid="${tile}"]`)
      const path = m!.router.currentRoute.value.fullPath
      await m!.router.push('/')
      await settle()
      return path
    }
    expect(await to('tile-revenue')).toBe('/portfolio?view=pareto')
    expect(await to('tile-key-accounts')).toBe('/portfolio')
    expect(await to('tile-winrate')).toBe('/winloss')
    expect(await to('tile-risk')).toBe('/retention')
  })

  it('shows the matrix and the Pareto classes, and the due actions with how late they are', async () => {
    D.mockResolvedValue(dashboard({
      matrix: matrix({ points: [point({ accountId: 'a1' })], keyAccounts: 1, byQuadrant: { strategic: 1 } }),
      pareto: pareto({ rows: [{ accountId: 'a1', value: 100, rank: 1, share: 100, cumulative: 100, class: 'A', name: 'a1', tier: '' }],
        classes: [{ class: 'A', count: 1, value: 100, share: 100 }, { class: 'B', count: 0, value: 0, share: 0 }, { class: 'C', count: 0, value: 0, share: 0 }] }),
      actions: { open: 2, overdue: 1, thisWeek: 1, later: 0, noDate: 0, closed: 0 },
      dueActions: [
        { id: 'x1', rev: 1, createdAt: '', updatedAt: '', accountId: 'a1', title: '送样确认', owner: '王磊', due: '2026-06-27', status: 'open',
          source: { area: 'manual', recordId: '', detail: '' }, notes: '', completedOn: '', accountName: '华东精密', planYear: 0 },
      ],
    }))
    await open('zh-CN')
    expect(m!.wrapper.findComponent({ name: 'MatrixChart' }).exists()).toBe(true)
    expect(text('dashboard-abc')).toContain('1 个客户 · 100%')
    expect(text('dashboard-action')).toContain('送样确认')
    expect(text('dashboard-action')).toContain('逾期 3 天')
    expect(text('dashboard-overdue')).toBe('逾期 1')
  })
})
