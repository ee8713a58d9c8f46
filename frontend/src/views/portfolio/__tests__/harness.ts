// Mounting helpers for the portfolio and dashboard tests: the real i18n
// messages, Naive UI's providers and a memory router, and complete records
// to serve. Only the API modules are faked, by each test file with vi.mock.
import { h, type Component } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { settle, withProviders } from '@/test/dom'
import type {
  DashboardView, MatrixPoint, MatrixView, ParetoView, PortfolioSettings, PortfolioSettingsModel, Score, ScorecardView,
} from '@/api/portfolio'

export const DEFAULTS: PortfolioSettings = {
  attractiveness: [
    { key: 'future_revenue', en: 'Future revenue and profit', zh: '未来销售收入和利润', weight: 25 },
    { key: 'financial_security', en: 'Financial security', zh: '财务安全', weight: 15 },
    { key: 'relationship', en: 'Mutual relationship', zh: '相互关系', weight: 15 },
    { key: 'influence', en: 'Influence / reference value', zh: '影响力', weight: 15 },
    { key: 'growth', en: 'Growth potential', zh: '增长潜力', weight: 15 },
    { key: 'budget', en: 'Purchase budget', zh: '采购预算', weight: 15 },
  ],
  strength: [
    { key: 'product_fit', en: 'Product fit', zh: '产品匹配度', weight: 25 },
    { key: 'service', en: 'Service and support', zh: '服务与支持', weight: 15 },
    { key: 'price', en: 'Price competitiveness', zh: '价格竞争力', weight: 15 },
    { key: 'reputation', en: 'Reputation', zh: '品牌声誉', weight: 15 },
    { key: 'relationship_depth', en: 'Relationship depth', zh: '关系深度', weight: 15 },
    { key: 'know_how', en: 'Know-how', zh: '专业知识', weight: 15 },
  ],
  cut: 5.5,
  tiers: [
    { key: 'strategic', en: 'Strategic key account', zh: '战略大客户', keyAccount: true },
    { key: 'key', en: 'Key account', zh: '重点客户', keyAccount: true },
    { key: 'develop', en: 'Development account', zh: '发展客户', keyAccount: false },
    { key: 'maintain', en: 'Maintenance account', zh: '维持客户', keyAccount: false },
  ],
  quadrantTier: { strategic: 'strategic', star: 'key', status: 'develop', streamline: 'maintain' },
  maxKeyAccounts: 50,
  classA: 80,
  classB: 95,
  bands: [
    { key: 'top', en: 'Top', zh: '顶层客户', min: 5_000_000_000 },
    { key: 'large', en: 'Large', zh: '大客户', min: 1_000_000_000 },
    { key: 'medium', en: 'Medium', zh: '中客户', min: 200_000_000 },
    { key: 'small', en: 'Small', zh: '小客户', min: 0 },
  ],
  cpvCut: 5.5,
  clvCut: 0,
  retention: 0.8,
  discount: 0.1,
}

const META = { rev: 1, createdAt: '2026-01-05T02:00:00Z', updatedAt: '2026-03-01T02:00:00Z' }

export function settingsModel(over: Partial<PortfolioSettings> = {}, version = 1): PortfolioSettingsModel {
  return { id: 'set1', ...META, area: 'portfolio', version, defaults: Object.keys(over).length === 0, value: { ...structuredClone(DEFAULTS), ...over } }
}

export function point(over: Partial<MatrixPoint> & { accountId: string }): MatrixPoint {
  return {
    name: over.accountId, owner: '王磊', segment: 'enterprise', country: 'CN', tier: 'strategic', tierAssigned: false, scored: true,
    scoredOn: '2026-03-01', attractiveness: 7, strength: 7, quadrant: 'strategic', revenue: 1_000_000_00, revenueKnown: true,
    vulnerability: null, defence: '', ...over,
  }
}

export function matrix(over: Partial<MatrixView> = {}): MatrixView {
  return {
    year: 2025, currency: 'CNY', cut: 5.5, points: [], unscored: 0, keyAccounts: 0, maxKeyAccounts: 50, tooMany: false,
    byQuadrant: {}, byTier: {}, tiers: structuredClone(DEFAULTS.tiers), missingRates: [],
    byDefence: {}, vulnerableFrom: 5, ...over,
  }
}

export function pareto(over: Partial<ParetoView> = {}): ParetoView {
  return {
    year: 2025, metric: 'revenue', currency: 'CNY', total: 0, rows: [], classes: [
      { class: 'A', count: 0, value: 0, share: 0 }, { class: 'B', count: 0, value: 0, share: 0 }, { class: 'C', count: 0, value: 0, share: 0 },
    ], limitA: 80, limitB: 95, noFigures: 0, missingRates: [], ...over,
  }
}

export function scores(keys: { key: string }[], score: number): Score[] {
  return keys.map((k) => ({ key: k.key, score, note: '' }))
}

export function cardView(over: { id: string; on: string; a: number; s: number; quadrant?: ScorecardView['position']['quadrant'] }): ScorecardView {
  const quadrant = over.quadrant ?? 'strategic'
  return {
    scorecard: {
      id: over.id, ...META, accountId: 'acc1', scoredOn: over.on, settingsVersion: 1,
      attractiveness: scores(DEFAULTS.attractiveness, Math.round(over.a)), strength: scores(DEFAULTS.strength, Math.round(over.s)),
    },
    position: { attractiveness: over.a, strength: over.s, quadrant, suggestedTier: DEFAULTS.quadrantTier[quadrant] },
    attractiveness: structuredClone(DEFAULTS.attractiveness), strength: structuredClone(DEFAULTS.strength), cut: 5.5,
  }
}

export function dashboard(over: Partial<DashboardView> = {}): DashboardView {
  return {
    today: '2026-06-30', year: 2026, currency: 'CNY', accounts: 3,
    performance: { revenue: 6_000_000_00, revenueTarget: 8_000_000_00, margin: 1_500_000_00, marginTarget: 2_000_000_00,
      lastYearRevenue: 11_000_000_00, lastYearMargin: 2_500_000_00, withFigures: 3 },
    shareOfWallet: null, matrix: matrix(), pareto: pareto(), owner: '',
    actions: { open: 0, overdue: 0, thisWeek: 0, later: 0, noDate: 0, closed: 0 }, dueActions: [],
    winLoss: null, risk: null, renewals: [], missingRates: [], ...over,
  }
}

export interface Mounted {
  wrapper: VueWrapper
  router: Router
}

/** Mounts `component` as the page at `path` (with query) in a memory router. */
export async function mountPage(component: Component, path: string, opts: {
  locale?: 'en' | 'zh-CN'; query?: Record<string, string>; stubs?: Record<string, boolean | Component>; props?: Record<string, unknown>
} = {}): Promise<Mounted> {
  const Page = { render: () => h(component, opts.props ?? {}) }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path, component: Page },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push({ path, query: opts.query ?? {} })
  await router.isReady()
  const Host = withProviders(() => h(RouterView))
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, router] as never[], stubs: opts.stubs ?? {} },
  })
  i18n.global.locale.value = opts.locale ?? 'en'
  await settle()
  return { wrapper, router }
}

export { $, $$, click, settle } from '@/test/dom'
export const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)
export const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
