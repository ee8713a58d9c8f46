import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { $$, byTestId, click, matrix, mountPage, point, settingsModel, settle, text, type Mounted } from './harness'

vi.mock('@/api/portfolio', async (orig) => ({
  ...(await orig<typeof import('@/api/portfolio')>()),
  portfolio: {
    settings: vi.fn(), matrix: vi.fn(), pareto: vi.fn(), pyramid: vi.fn(), values: vi.fn(), export: vi.fn(),
    scorecards: vi.fn(), tier: vi.fn(), inputs: vi.fn(),
  },
}))
vi.mock('@/api/services', () => ({
  actions: { owners: vi.fn(async () => ['Anna', '王磊']) },
  settings: { currency: vi.fn(async () => ({ reporting: 'CNY', years: [] })) },
  accounts: { get: vi.fn() },
}))
vi.mock('@/api/files', () => ({ saveFile: vi.fn(async () => true) }))

const { portfolio } = await import('@/api/portfolio')
const { saveFile } = await import('@/api/files')
const P = vi.mocked(portfolio)
const PortfolioView = (await import('../PortfolioView.vue')).default

// a page of Naive UI inputs mounts slowly on a loaded machine
vi.setConfig({ testTimeout: 30_000 })

let m: Mounted | null = null
const stubs = { MatrixChart: true, ParetoChart: true, AccountPortfolioDrawer: true }

async function open(query: Record<string, string> = {}, locale: 'en' | 'zh-CN' = 'en') {
  m = await mountPage(PortfolioView, '/portfolio', { query, stubs, locale })
}

describe('PortfolioView', () => {
  beforeEach(() => {
    for (const f of Object.values(P)) f.mockReset()
    P.settings.mockResolvedValue(settingsModel())
    P.matrix.mockResolvedValue(matrix({
      points: [
        point({ accountId: 'a1', name: '华东精密', quadrant: 'strategic' }),
        point({ accountId: 'a2', name: 'Nordwind GmbH', quadrant: 'star', tier: 'key' }),
        point({ accountId: 'u1', name: '小客户', scored: false, tier: '', quadrant: '', revenue: 10 }),
        point({ accountId: 'u2', name: '大客户未评分', scored: false, tier: '', quadrant: '', revenue: 9_000 }),
      ],
      unscored: 2, keyAccounts: 2, byQuadrant: { strategic: 1, star: 1 }, byTier: { strategic: 1, key: 1 },
    }))
  })

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
  })

  it('opens on the matrix with the key-account count, quadrants and the unscored accounts, largest first', async () => {
    await open()
    expect(P.matrix).toHaveBeenCalledWith({ year: 0, owner: '', segment: '', tier: '' })
    expect(text('key-accounts-count')).toBe('2')
    expect(byTestId('too-many')).toBeNull()
    const quads = $$('[data-testid="quadrant-count"]').map((e) => [e.dataset.quadrant, e.querySelector('b')?.textContent])
    expect(quads).toEqual([['strategic', '1'], ['star', '1'], ['status', '0'], ['streamline', '0']])
    expect(text('quadrant-count')).toContain('Invest for growth')
    expect($$('[data-testid="unscored-row"] a').map((r) => r.textContent?.trim())).toEqual(['大客户未评分', '小客户'])
  })

  it('warns past the key-account limit', async () => {
    P.matrix.mockResolvedValue(matrix({ keyAccounts: 57, maxKeyAccounts: 50, tooMany: true, points: [point({ accountId: 'a1' })] }))
    await open()
    expect(text('too-many')).toContain('57 accounts are in key-account tiers, more than the limit of 50')
  })

  it('keeps the view and the filter in the address and reloads with the filter', async () => {
    await open({ view: 'matrix', owner: '王磊', year: '2024' })
    expect(P.matrix).toHaveBeenLastCalledWith({ year: 2024, owner: '王磊', segment: '', tier: '' })
    await m!.router.replace({ query: { ...m!.router.currentRoute.value.query, tier: 'key' } })
    await settle()
    expect(P.matrix).toHaveBeenLastCalledWith({ year: 2024, owner: '王磊', segment: '', tier: 'key' })

    P.pareto.mockResolvedValue({ year: 2024, metric: 'revenue', currency: 'CNY', total: 0, rows: [], classes: [], limitA: 80, limitB: 95, noFigures: 0, missingRates: [] })
    await click('[data-testid="portfolio-tab-pareto"]')
    expect(m!.router.currentRoute.value.query.view).toBe('pareto')
    expect(P.pareto).toHaveBeenCalledWith({ year: 2024, owner: '王磊', segment: '', tier: 'key' }, 'revenue')

    await click('[data-testid="filter-clear"]')
    expect(m!.router.currentRoute.value.query).toEqual({ view: 'pareto' })
  })

  it('opens the account drawer from an unscored account, ready to score', async () => {
    await open()
    await click($$('[data-testid="unscored-score"]')[0]!)
    expect(m!.router.currentRoute.value.query.account).toBe('u2')
    const drawer = m!.wrapper.findComponent({ name: 'AccountPortfolioDrawer' })
    expect(drawer.props()).toMatchObject({ show: true, accountId: 'u2', accountName: '大客户未评分', scoreOnOpen: true })
  })

  it('exports the tables to Excel in the UI language', async () => {
    P.export.mockResolvedValue(btoa('PK-xlsx'))
    await open({ year: '2024' }, 'zh-CN')
    await click('[data-testid="portfolio-export"]')
    expect(P.export).toHaveBeenCalledWith({ year: 2024, owner: '', segment: '', tier: '' }, 'zh-CN')
    const [name, blob] = vi.mocked(saveFile).mock.calls[0]!
    expect(name).toBe('客户组合-2024.xlsx')
    expect(await (blob as Blob).text()).toBe('PK-xlsx')
  })

  it('shows why the matrix could not be loaded, with a retry', async () => {
    P.matrix.mockRejectedValue({ code: 'internal', rule: 'internal', message: 'disk full' })
    await open()
    expect(text('matrix-error')).toContain('disk full')
  })
})
