import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { i18n } from '@/i18n'
import { $, $$, click, settle, withProviders } from '@/test/dom'
import type { Workspace } from '@/api/types'
import type { RetentionView, SwitchingView } from '@/api/retention'
import RetentionTab from '../RetentionTab.vue'

vi.mock('@/api/retention', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/retention')>()
  return {
    ...real,
    switchingApi: { get: vi.fn(), exportCalendar: vi.fn(), saveAssessment: vi.fn(), saveSurvey: vi.fn(), savePlan: vi.fn(), saveLeverAction: vi.fn() },
    retentionApi: { get: vi.fn(), saveRenewal: vi.fn(), saveCase: vi.fn() },
  }
})
vi.mock('@/api/files', () => ({ saveFile: vi.fn(async () => true) }))
const { switchingApi, retentionApi } = await import('@/api/retention')
const { saveFile } = await import('@/api/files')

const META = { rev: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }

function switchingView(): SwitchingView {
  return {
    today: '2026-11-23',
    currency: 'CNY',
    assessments: [{
      id: 'as1', ...META, accountId: 'acc1', date: '2026-05-01', assessor: '王磊', notes: '', settingsVersion: 1,
      scores: [], indices: { procedural: 100, financial: 50, relational: 0, barrier: 62.5 },
    }],
    surveys: [{
      id: 'sv1', ...META, accountId: 'acc1', date: '2026-06-01', respondent: '采购总监', notes: '', settingsVersion: 1, dimensions: [],
      result: { weighted: -0.45, attraction: 46.3, gaps: [{ key: 'tangibles', expectation: 6, perception: 5, gap: -1, weight: 30, weighted: -0.3 }] },
    }],
    plans: [{
      id: 'pl1', ...META, accountId: 'acc1', title: '2026 提高转换成本计划', start: '2026-03-01', notes: '',
      levers: ['product', 'service', 'process', 'asset', 'emotional'].map((key) => ({ key, strength: 2, target: 4, note: '' })) as never,
      progress: [
        { key: 'product', strength: 2, target: 4, gap: 2, actions: 0, done: 0, open: 0, overdue: 0, percent: 0, cost: [] },
        { key: 'service', strength: 2, target: 4, gap: 2, actions: 2, done: 1, open: 1, overdue: 1, percent: 50, cost: [] },
      ],
      actions: [
        { id: 'a1', ...META, accountId: 'acc1', title: '派驻厂工程师', owner: '王磊', due: '2026-11-01', status: 'open', notes: '', completedOn: '',
          source: { area: 'switching', recordId: 'pl1', detail: 'service' }, accountName: '', planYear: 0, cost: { amount: 0, currency: '' }, evidence: '' },
        { id: 'a2', ...META, accountId: 'acc1', title: '建立备件寄售库存', owner: '王磊', due: '2026-10-01', status: 'done', notes: '', completedOn: '2026-10-01',
          source: { area: 'switching', recordId: 'pl1', detail: 'service' }, accountName: '', planYear: 0, cost: { amount: 0, currency: '' }, evidence: '停机时间下降 30%' },
      ],
    }],
  }
}

function retentionView(): RetentionView {
  return {
    today: '2026-11-23',
    position: { attraction: 46.3, barrier: 62.5, quadrant: 'captive', surveyedOn: '2026-06-01', assessedOn: '2026-05-01', trail: [] },
    risk: {
      score: 45, level: 'medium', unknown: ['renewal_near'],
      warnings: [
        { key: 'falling_revenue', weight: 25, params: { from: 2024, to: 2025, percent: 15 }, message: '' },
        { key: 'rising_complaints', weight: 20, params: { recent: 3, earlier: 1, days: 90 }, message: '' },
      ],
    },
    renewal: { id: 'acc1', rev: 0, createdAt: '', updatedAt: '', accountId: 'acc1', date: '', note: '' },
    cases: [],
    suggestedTier: 'A',
    settings: { id: '000001', ...META, area: 'retention', version: 1, defaults: true, value: {
      switching: { typeWeights: { procedural: 50, financial: 25, relational: 25 }, surveyWeights: { tangibles: 20, reliability: 20, responsiveness: 20, assurance: 20, empathy: 20 }, attractionCut: 50, barrierCut: 50 },
      weights: { falling_revenue: 25, falling_share: 15, rising_complaints: 20, contact_left: 15, renewal_near: 10, competitor_activity: 15 },
      revenueDrop: 10, shareDrop: 5, complaintDays: 90, minComplaints: 2, contactLeftDays: 180, renewalDays: 90, competitorDays: 90,
      competitorWords: ['竞争对手'], mediumAt: 30, highAt: 60,
    } },
  }
}

const workspace = { account: { id: 'acc1', name: '华东精细化工集团', owner: '王磊', currency: 'CNY' } } as unknown as Workspace

let wrapper: VueWrapper | null = null

async function mountTab(locale: 'en' | 'zh-CN' = 'en', query: Record<string, string> = {}) {
  i18n.global.locale.value = locale
  const Page = defineComponent(() => () => h(RetentionTab, { accountId: 'acc1', workspace, readonly: false }))
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/accounts/:id', component: Page }] })
  await router.push({ path: '/accounts/acc1', query: { tab: 'retention', ...query } })
  await router.isReady()
  wrapper = mount(withProviders(() => h(RouterView)), {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), i18n, router] as never[],
      stubs: { QuadrantChart: true, BarrierHistoryChart: true, GapChart: true, ActionForm: true },
    },
  })
  i18n.global.locale.value = locale
  await settle()
}

const text = (sel: string) => $(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''

describe('RetentionTab', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.mocked(switchingApi.get).mockImplementation(async () => switchingView())
    vi.mocked(retentionApi.get).mockImplementation(async () => retentionView())
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('shows the position, the indices and each warning with its reason', async () => {
    await mountTab()
    expect(text('[data-testid="retention-quadrant"]')).toBe('Captive')
    expect(text('[data-testid="retention-barrier"]')).toBe('62.5')
    expect(text('[data-testid="retention-satisfaction"]')).toBe('-0.5')
    expect(text('[data-testid="retention-risk"]')).toContain('45')
    expect(text('[data-testid="warning-falling_revenue"]')).toContain('Revenue fell 15% from 2024 to 2025.')
    expect(text('[data-testid="warning-rising_complaints"]')).toContain('3 complaints in the last 90 days, 1 in the 90 days before.')
    expect(text('[data-testid="retention-warnings"]')).toContain('Cannot check: Renewal near, no action')
  })

  it('says it in Chinese too', async () => {
    await mountTab('zh-CN')
    expect(text('[data-testid="retention-quadrant"]')).toBe('被迫留下')
    expect(text('[data-testid="warning-falling_revenue"]')).toContain('销售额从 2024 年到 2025 年下降了 15%。')
    expect(text('[data-testid="lever-service"]')).toContain('服务依赖')
  })

  it('shows the lever board with the overdue action standing out and progress per lever', async () => {
    await mountTab()
    const cards = $$('[data-testid="lever-service"] [data-testid="lever-action"]')
    expect(cards.map((c) => c.querySelector('.card-title')?.textContent)).toEqual(['派驻厂工程师', '建立备件寄售库存'])
    expect(cards[0]!.classList.contains('overdue')).toBe(true)
    expect(cards[1]!.classList.contains('overdue')).toBe(false)
    expect(text('[data-testid="lever-progress-service"]')).toBe('1 of 2 done')
    expect(text('[data-testid="lever-plan-card"]')).toContain('1 overdue')
    // by status within the lever: the open group before the done one, each with its count
    const heads = $$('[data-testid="lever-service"] .status-head').map((e) => e.textContent?.replace(/\s+/g, '').trim())
    expect(heads).toEqual(['Open1', 'Done1'])
    // a lever without actions says so, with no "0 of 0 done"
    expect($('[data-testid="lever-progress-product"]')).toBeNull()
    expect(text('[data-testid="lever-product"]')).toContain('No actions yet')
  })

  it('names the checks it cannot make as a list in words', async () => {
    vi.mocked(retentionApi.get).mockImplementation(async () => {
      const v = retentionView()
      v.risk.unknown = ['falling_share', 'renewal_near']
      return v
    })
    await mountTab()
    expect(text('[data-testid="retention-warnings"]')).toContain('Cannot check: Falling share of wallet and Renewal near, no action')
  })

  it('exports the plan as an .ics file through saveFile, with labels in the UI language', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a1@keystone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    vi.mocked(switchingApi.exportCalendar).mockResolvedValue({ name: '华东 计划.ics', content: ics, events: 1 })
    await mountTab('zh-CN')
    await click('[data-testid="lever-plan-export"]')
    const [acc, plan, labels] = vi.mocked(switchingApi.exportCalendar).mock.calls[0]!
    expect([acc, plan]).toEqual(['acc1', 'pl1'])
    expect(labels['lever.service']).toBe('服务依赖')
    expect(labels['status.open']).toBe('未开始')
    const [name, blob] = vi.mocked(saveFile).mock.calls[0]!
    expect(name).toBe('华东 计划.ics')
    expect(blob.type).toBe('text/calendar;charset=utf-8')
    expect(await blob.text()).toBe(ics)
  })

  it('offers to create a plan when there is none', async () => {
    vi.mocked(switchingApi.get).mockImplementation(async () => ({ ...switchingView(), plans: [] }))
    await mountTab()
    expect($('[data-testid="lever-plan-create"]')).not.toBeNull()
    expect($('[data-testid="lever-board"]')).toBeNull()
  })
})
