import { afterEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia } from 'pinia'
import { i18n } from '@/i18n'
import { fakeServer, account } from '@/test/fakeServer'
import { $, $$, click, settle, withProviders } from '@/test/dom'
import type { Workspace } from '@/api/types'
import type { AccountDeals, AccountSummary, OpportunityRow, WinLossSettings } from '@/api/winloss'
// Charts draw on a canvas jsdom does not have; the figures are tested in Go.
vi.mock('vue-echarts', () => ({ default: { name: 'VChart', render: () => null } }))
const { default: OpportunitiesTab } = await import('../OpportunitiesTab.vue')

const settings: WinLossSettings = {
  stages: [
    { key: 'information', label: { en: 'Information gathering', zh: '信息收集' }, probability: 5 },
    { key: 'qualification', label: { en: 'Qualification', zh: '过滤' }, probability: 10 },
    { key: 'solution', label: { en: 'Solution shaping', zh: '方案打磨' }, probability: 20 },
  ],
  reasons: [
    { key: 'price', label: { en: 'Economic value (price, total cost)', zh: '经济价值（价格/总成本）' }, group: 'decision' },
    { key: 'no_budget', label: { en: 'No budget', zh: '没预算' }, group: 'no_decision' },
  ],
  stalledDays: 45,
}
const rate = (part: number, whole: number) => ({ part, whole, percent: whole ? (part * 100) / whole : 0, defined: whole > 0 })

function deal(over: Partial<OpportunityRow> = {}): OpportunityRow {
  return {
    id: '01HZX00000000000000000OPP1', rev: 3, createdAt: '', updatedAt: '', accountId: '01HZX0000000000000000000AA',
    title: '二期扩产 · 密封方案', value: { amount: 12_800_000, currency: 'CNY' }, stage: 'information', probability: 5,
    expectedClose: '2026-12-20', openedOn: '2026-06-01', competitors: ['Kestrel Pumps'], influences: [], screen: { need: 'yes', budget: 'no' },
    owner: '王磊', notes: '', history: [{ stage: 'information', on: '2026-06-01' }], close: null, settingsVersion: 1,
    screenResult: { parts: [], points: 2, max: 4, answered: 2, flagged: true, complete: false }, stalled: true, weighted: 640_000, furthest: 'information',
    ...over,
  }
}

function summary(over: Partial<AccountSummary> = {}): AccountSummary {
  return {
    currency: 'CNY', counts: { won: 1, lost: 2, noDecision: 1, withdrawn: 0, invalid: 0, closed: 4 },
    winRate: rate(1, 3), valueWinRate: rate(100, 400), noDecisionRate: rate(1, 4), wonValue: 100, lostValue: 300, noDecisionValue: 0,
    competitors: [], reasons: [{ reason: 'price', deals: 2, secondary: 0, lostValue: 300, noDecisionValue: 0, value: 300, share: 100, cumulative: 100 }],
    stages: [], cycle: { won: emptyStats(), lost: emptyStats() }, trend: [], repeatLosses: [], repeatFrom: '', repeatTo: '', voices: [], interviews: 0,
    missing: [], valueExcluded: 0, open: 1, openValue: 12_800_000, openWeighted: 640_000, openStalled: 1, openMissing: 0, ...over,
  }
}
function emptyStats() {
  return { deals: 0, avgDays: 0, medianDays: 0, valueDeals: 0, avgValue: 0, medianValue: 0 }
}

const workspace = { account: account(), contacts: [], figures: [], activities: [], followUps: [], shareOfWallet: [], visits: {}, parent: null, children: [] } as unknown as Workspace

let wrapper: VueWrapper | null = null

async function mountTab(deals: OpportunityRow[], extra: Record<string, (args: unknown[]) => unknown> = {}) {
  const data: AccountDeals = {
    deals, settings: { id: '000001', rev: 1, createdAt: '', updatedAt: '', area: 'winloss', version: 1, value: settings, defaults: true },
    versions: { 1: settings }, today: '2026-11-23', competitors: ['Kestrel Pumps'],
  }
  const server = fakeServer({
    'OpportunityService.ForAccount': () => data,
    'WinLossService.Account': () => summary(),
    ...extra,
  })
  i18n.global.locale.value = 'en'
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/accounts/x?tab=opportunities')
  wrapper = mount(withProviders(() => h(OpportunitiesTab, { accountId: workspace.account.id, workspace, readonly: false })), {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, router] as never[], stubs: { ActionForm: true, VChart: true } },
  })
  await settle()
  await settle()
  return server
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('OpportunitiesTab', () => {
  it('shows the account’s win rate, its deals with stalled and RWW flags', async () => {
    await mountTab([deal(), deal({ id: '01HZX00000000000000000OPP2', title: '已丢单项目', stalled: false,
      close: { outcome: 'lost', primaryReason: 'price', secondaryReasons: [], winner: 'Kestrel Pumps', lessons: '太晚进入', on: '2026-10-01', interview: null } })])
    expect($('[data-testid="opp-kpi-winrate"]')?.textContent).toContain('33%')
    const open = $$('[data-testid="deal-open"]')
    expect(open).toHaveLength(1)
    expect(open[0]?.textContent).toContain('Information gathering')
    expect($('[data-testid="deal-stalled"]', open[0])).not.toBeNull()
    expect(open[0]?.textContent).toContain('RWW flag')
    const closed = $$('[data-testid="deal-closed"]')
    expect(closed[0]?.textContent).toContain('Lost')
    expect(closed[0]?.textContent).toContain('lost to Kestrel Pumps')
    expect(closed[0]?.textContent).toContain('Economic value (price, total cost)')
  })

  it('moves a deal to the next stage with its revision', async () => {
    const server = await mountTab([deal()], {
      'OpportunityService.MoveStage': (args) => ({ ...deal(), stage: String(args[3]), rev: 4 }),
    })
    await click($('[data-testid="deal-next"]'))
    expect(server.calls('OpportunityService', 'MoveStage')).toEqual([['01HZX0000000000000000000AA', '01HZX00000000000000000OPP1', 3, 'qualification']])
  })

  it('shows the server’s refusal of a close without a reason next to the field', async () => {
    await mountTab([deal()], {
      'OpportunityService.Close': () => {
        throw { code: 'invalid', field: 'close.primaryReason', rule: 'required', message: 'close.primaryReason is required',
          issues: [{ field: 'close.primaryReason', rule: 'required', message: 'close.primaryReason is required' }] }
      },
    })
    await click($('[data-testid="deal-close"]'))
    await click($('[data-testid="outcome-lost"] input') ?? $('[data-testid="outcome-lost"]'))
    await click($('[data-testid="close-save"]'))
    await settle()
    expect($('[data-testid="close-form"]')?.textContent).toContain('Primary reason is required.')
  })
})
