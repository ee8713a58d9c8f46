import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { i18n } from '@/i18n'
import { $, $$, settle, withProviders } from '@/test/dom'
import type { PortfolioPoint, RetentionPortfolio as Portfolio } from '@/api/retention'
import RetentionPortfolio from '../RetentionPortfolio.vue'

vi.mock('@/api/retention', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/retention')>()
  return { ...real, retentionApi: { portfolio: vi.fn() } }
})
vi.mock('vue-echarts', () => ({ default: { name: 'VChart', render: () => null } }))
const { retentionApi } = await import('@/api/retention')

function point(id: string, name: string, attraction: number | null, barrier: number | null, extra: Partial<PortfolioPoint> = {}): PortfolioPoint {
  return {
    accountId: id, name, owner: '李娜', attraction, barrier, quadrant: '', revenue: 0, revenueYear: 2025, revenueKnown: true,
    currency: 'CNY', risk: 0, level: 'low', warnings: [], openCases: 0, ...extra,
  }
}

function portfolio(): Portfolio {
  return {
    today: '2026-11-23',
    reporting: 'CNY',
    points: [
      point('a1', '苏州精工', 40, 70, { quadrant: 'captive', revenue: 800000, risk: 40, level: 'medium', warnings: ['falling_revenue', 'falling_share'], openCases: 1 }),
      point('a2', 'Calm Ltd', 60, 30, { quadrant: 'free', revenue: 200000 }),
      point('a3', '未评估', null, null),
    ],
    quadrants: { captive: 1, free: 1, '': 1 },
    levels: { medium: 1, low: 2 },
    rates: [
      { year: 2025, customers: 4, retained: 3, lost: 1, retention: 75, churn: 25, casesOpened: 2, casesKept: 1, casesLost: 1 },
      { year: 2026, customers: 3, retained: 3, lost: 0, retention: 100, churn: 0, casesOpened: 1, casesKept: 0, casesLost: 0 },
    ],
    missingRates: [],
    settings: {
      switching: { typeWeights: { procedural: 50, financial: 25, relational: 25 }, surveyWeights: { tangibles: 20, reliability: 20, responsiveness: 20, assurance: 20, empathy: 20 }, attractionCut: 50, barrierCut: 50 },
      weights: { falling_revenue: 25, falling_share: 15, rising_complaints: 20, contact_left: 15, renewal_near: 10, competitor_activity: 15 },
      revenueDrop: 10, shareDrop: 5, complaintDays: 90, minComplaints: 2, contactLeftDays: 180, renewalDays: 90, competitorDays: 90,
      competitorWords: [], mediumAt: 30, highAt: 60,
    },
  }
}

// The chart stands in as a list of its points, each a button that selects it as a bubble click does.
const ChartStub = defineComponent({
  props: { points: { type: Array, required: true }, fit: Boolean },
  emits: ['select'],
  setup(props, { emit }) {
    return () => h('div', { 'data-fit': String(props.fit) },
      (props.points as { id: string; name: string; size?: number }[]).map((p) =>
        h('button', { 'data-id': p.id, 'data-size': String(p.size), onClick: () => emit('select', p.id) }, p.name)))
  },
})

let wrapper: VueWrapper | null = null

async function mountPage(locale: 'en' | 'zh-CN' = 'en') {
  i18n.global.locale.value = locale
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/retention', component: RetentionPortfolio },
      { path: '/accounts/:id', component: defineComponent(() => () => h('div', 'account')) },
    ],
  })
  await router.push('/retention')
  await router.isReady()
  wrapper = mount(withProviders(() => h(RouterView)), {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, router] as never[], stubs: { QuadrantChart: ChartStub, VChart: true } },
  })
  await settle()
  return router
}

const text = (sel: string) => $(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''

describe('RetentionPortfolio', { timeout: 20_000 }, () => {
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('puts the placed accounts on the fitted chart, bubbles sized by revenue, and a click opens the account', async () => {
    vi.mocked(retentionApi.portfolio).mockResolvedValue(portfolio())
    const router = await mountPage()
    const bubbles = $$('[data-testid="portfolio-quadrant"] button')
    expect(bubbles.map((b) => b.dataset.id)).toEqual(['a1', 'a2'])
    expect(bubbles.map((b) => Number(b.dataset.size))).toEqual([1, 0.25])
    expect($('[data-testid="portfolio-quadrant"]')!.dataset.fit).toBe('true')
    expect(text('.retention-portfolio')).toContain('1 account not placed yet')
    bubbles[0]!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/accounts/a1?tab=retention')
  })

  it('lists the accounts at risk with each warning, and marks the year under way', async () => {
    vi.mocked(retentionApi.portfolio).mockResolvedValue(portfolio())
    await mountPage()
    const rows = $$('[data-testid="portfolio-risk-list"] tbody tr')
    expect(rows).toHaveLength(1)
    expect($$('.warn-tags .n-tag', rows[0]).map((e) => e.textContent?.trim())).toEqual(['Falling revenue', 'Falling share of wallet'])
    const cells = $$('[data-testid="portfolio-rates"] tbody tr').map((r) => [...r.children].map((c) => c.textContent?.trim()))
    expect(cells).toEqual([
      ['2025', '4', '1', '75%', '25%', '2 / 1 / 1'],
      ['2026 (to date)', '3', '0', '100%', '0%', '1 / 0 / 0'],
    ])
    expect(text('[data-testid="portfolio-count-captive"]')).toContain('1')
  })

  it('says it in Chinese', async () => {
    vi.mocked(retentionApi.portfolio).mockResolvedValue(portfolio())
    await mountPage('zh-CN')
    expect(text('[data-testid="portfolio-rates"]')).toContain('2026（截至今日）')
    expect(text('[data-testid="portfolio-risk-list"]')).toContain('钱包份额下降')
  })
})
