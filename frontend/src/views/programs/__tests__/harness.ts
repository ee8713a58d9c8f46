// Mounting helpers for the program views: the real i18n messages, Naive UI's
// providers, a memory router, and a fake `keystone serve` at the HTTP
// boundary (src/test/fakeServer), so api, transport and views run for real.
import { h, type Component } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { settle, withProviders } from '@/test/dom'
import type { Country, Program, ProgramList, ProgramRow, ProgramView, Rollup } from '@/api/programs'

const META = { rev: 4, createdAt: '2026-01-05T02:00:00Z', updatedAt: '2026-03-01T02:00:00Z' }

export function country(over: Partial<Country> & { id: string; country: string }): Country {
  return { entityId: '', lead: '', coverage: 'covered', shareOfWallet: null, added: '2026-01-01', dropped: '', coverageLog: [], quarters: [], notes: '', ...over }
}

export function program(over: Partial<Program> = {}): Program {
  return {
    id: 'prog1', ...META, accountId: 'acc1', manager: 'Anna Schmidt', sponsor: 'Thomas Weber', committee: ['Anna Schmidt'],
    structure: 'coordination', start: '2026-01-01', status: 'active', currency: 'EUR',
    drivers: [{ key: 'global_purchasing', present: true, notes: 'One tender' }],
    countries: [
      country({ id: 'c-de', country: 'DE', quarters: [{ year: 2026, quarter: 1, target: 100_000_00, actual: 60_000_00 }] }),
      country({ id: 'c-us', country: 'US', coverage: 'partial' }),
      country({ id: 'c-br', country: 'BR', coverage: 'none', dropped: '2026-05-15' }),
    ],
    contract: { number: 'GA-2024-017', scope: 'Pumps', start: '2024-02-01', end: '2027-02-28', renewal: '2027-01-22', harmonization: 'banded', adopted: ['DE'] },
    kpis: [], notes: '', ...over,
  }
}

function rollup(key: string, over: Partial<Rollup> = {}): Rollup {
  return {
    key, countries: 2, covered: 1, partial: 1, none: 0, coverage: { percent: 75, known: true }, adoption: { percent: 50, known: true },
    figures: { targetYear: 100_000_00, targetToDate: 100_000_00, actualToDate: 60_000_00, percent: 60, known: true, missing: 0 }, ...over,
  }
}

export function view(over: Partial<ProgramView> = {}): ProgramView {
  const p = over.program ?? program()
  return {
    program: p, accountName: 'Rhine Valley Chemicals', readonly: false, year: 2026, today: '2026-11-23',
    health: {
      level: 'red',
      findings: [
        { rule: 'revenue_red', level: 'red', params: { percent: 60, threshold: 80 }, reason: 'revenue to date is 60.0% of the target to date, below 80%' },
        { rule: 'renewal_urgent', level: 'red', params: { days: 60, date: '2027-01-22', threshold: 90 }, reason: 'x' },
      ],
    },
    renewal: { level: 'urgent', date: '2027-01-22', end: '2027-02-28', days: 60, actioned: false },
    rollups: {
      year: 2026, today: '2026-11-23',
      countries: p.countries.map((c) => ({ id: c.id, country: c.country, region: c.country === 'DE' ? 'europe' : c.country === 'US' ? 'north_america' : 'latin_america',
        coverage: c.coverage, current: !c.dropped, added: c.added, dropped: c.dropped, adopted: c.country === 'DE',
        figures: rollup('x').figures })),
      regions: [rollup('europe'), rollup('north_america')],
      total: rollup('total'),
      trend: [{ year: 2026, quarter: 1, target: 100_000_00, actual: 60_000_00, hasActual: true, closed: true }],
    },
    kpis: [
      { metric: 'revenue', target: 100_000_00, actual: 60_000_00, known: true, percent: 60, computed: true, targetFromCountries: true },
      { metric: 'margin', target: 2500, actual: 2300, known: true, percent: 92, computed: false, targetFromCountries: false },
      { metric: 'coverage', target: 0, actual: 7500, known: true, percent: 0, computed: true, targetFromCountries: false },
      { metric: 'adoption', target: 0, actual: 5000, known: true, percent: 0, computed: true, targetFromCountries: false },
      { metric: 'satisfaction', target: 80, actual: 0, known: false, percent: 0, computed: false, targetFromCountries: false },
    ],
    actions: [],
    group: [
      { id: 'acc1', name: 'Rhine Valley Chemicals', country: 'DE', parentId: '', depth: 0, archived: false },
      { id: 'acc2', name: 'Rhine Valley Chemicals USA', country: 'US', parentId: 'acc1', depth: 1, archived: false },
    ],
    settings: { rules: [], partialWeight: 50 },
    settingsVersion: 0,
    regions: [],
    ...over,
  }
}

export function row(over: Partial<ProgramRow> & { id: string; accountName: string }): ProgramRow {
  return {
    rev: 1, accountId: `a-${over.id}`, manager: 'Anna Schmidt', sponsor: '', status: 'active', structure: 'coordination',
    start: '2025-01-01', currency: 'EUR', health: 'green', findings: [], countries: 4, coverage: { percent: 75, known: true },
    revenue: { targetYear: 0, targetToDate: 100_00, actualToDate: 98_00, percent: 98, known: true, missing: 0 },
    nextRenewal: '2027-06-30', renewal: null, overdueActions: 0, openActions: 2, ...over,
  }
}

export function list(over: Partial<ProgramList> = {}): ProgramList {
  return { today: '2026-11-23', rows: [], total: 0, managers: [], candidates: [], renewalHorizon: 180, ...over }
}

export async function mountView(component: Component, path: string, locale: 'en' | 'zh-CN' = 'en', props: Record<string, unknown> = {}): Promise<{ wrapper: VueWrapper; router: Router }> {
  i18n.global.locale.value = locale
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/programs', component },
      { path: '/programs/:id', component, props: true },
      { path: '/settings', component },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(path)
  await router.isReady()
  const Host = withProviders(() => h(RouterView, props))
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, router] as never[], stubs: { ProgramCharts: true } }, // ECharts needs a real canvas
  })
  i18n.global.locale.value = locale
  await settle()
  return { wrapper, router }
}
