// Mounting helpers for the relationship tab tests: the real i18n messages,
// Naive UI's providers and a memory router with the tab on an account route
// (so ?assessment= works as in the app). Each test file fakes
// '@/api/partnership' (and '@/api/services' where contacts change) with vi.mock.
import { defineComponent, h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { i18n } from '@/i18n'
import { settle, withProviders } from '@/test/dom'
import type { Account, Contact, Workspace } from '@/api/types'
import type {
  AssessmentSummary, AssessmentView, PartnershipSettings, RelationshipView,
} from '@/api/partnership'
import { blankAssessment } from '../model'
import RelationshipTab from '../RelationshipTab.vue'

const META = { rev: 1, createdAt: '2026-01-05T02:00:00Z', updatedAt: '2026-03-01T02:00:00Z' }

export const SETTINGS: PartnershipSettings = {
  scaleMax: 5, bonusPoints: 1, armsLengthBelow: 8, middleFrom: 12, highFrom: 16,
  matrix: [['type_1', 'type_1', 'type_2'], ['type_1', 'type_2', 'type_3'], ['type_2', 'type_3', 'type_3']],
  componentLevels: { arms_length: 'low', type_1: 'low', type_2: 'medium', type_3: 'high' },
  farAbove: 2, labels: {},
}

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acc1', ...META, name: '华东精细化工集团', legalName: '', industry: 'chemical', segment: 'enterprise',
    country: 'CN', owner: '王磊', parentId: '', currency: 'CNY', tags: [], notes: '', ...over,
  }
}

export function contact(over: Partial<Contact> & { id: string }): Contact {
  return {
    ...META, accountId: 'acc1', name: over.id, title: '', department: '', reportsTo: '', buyingRole: '', stance: '',
    influence: '', relationshipLevel: 0, lastContact: '', email: '', phone: '', interests: '', birthday: '', left: false,
    notes: '', ...over,
  }
}

export function workspace(contacts: Contact[] = []): Workspace {
  return {
    followUps: [], account: account(), figures: [], contacts, activities: [], shareOfWallet: [],
    visits: { from: '', to: '', months: 12, visits: 0, visitsPerMonth: 0, keyPeople: [], usefulMonths: 0, byMonth: [] },
    parent: null, children: [],
  }
}

export function relView(over: Partial<RelationshipView> = {}): RelationshipView {
  return {
    profile: {
      id: 'acc1', ...META, accountId: 'acc1', phase: 'formation', stage: 'early',
      indicators: { supplierStatus: 'approved', informationShared: '', jointPlanning: '', pricingBasis: '' },
      organizational: 'supplier', departments: [], influences: [],
      history: [{ on: '2026-03-01', stage: 'early', phase: 'formation', note: '成为合格供应商' }], notes: '',
    },
    suggestion: {
      stage: 'mid', differs: true, warnings: [],
      signals: [
        { indicator: 'contacts', value: 'growing', number: 4, extra: 2, stage: 'mid' },
        { indicator: 'share_of_wallet', value: '', number: 32.5, extra: 0, stage: 'mid' },
      ],
    },
    dimensions: { organizational: 'supplier', extensive: '', levels: [0, 0, 1, 1, 0, 0], supportive: 0, decisionMakers: 1 },
    map: {
      nodes: [
        { id: 'boss', name: '陈总', title: '总经理', department: '总经办', reportsTo: '', buyingRole: 'economic', stance: 'neutral', influence: 'high', level: 2, lastMet: '', flags: ['economic_below', 'high_not_met'] },
        { id: 'li', name: '李经理', title: '采购经理', department: '采购', reportsTo: 'boss', buyingRole: 'user', stance: 'supporter', influence: 'medium', level: 3, lastMet: '2026-11-01', flags: [] },
      ],
      influences: [],
      flags: [
        { kind: 'no_coach', contactId: '', role: 'coach', level: 0, days: 0 },
        { kind: 'economic_below', contactId: 'boss', role: '', level: 2, days: 0 },
        { kind: 'high_not_met', contactId: 'boss', role: '', level: 0, days: -1 },
      ],
      notMetDays: 90,
    },
    today: '2026-11-23',
    settings: { shareCuts: [10, 25, 40, 60], notMetDays: 90 },
    ...over,
  }
}

export function assessmentView(id: string, on: string, over: Partial<AssessmentView> = {}): AssessmentView {
  const a = blankAssessment('acc1', on)
  for (const k of Object.keys(a.drivers.ours)) a.drivers.ours[k]!.score = 4
  for (const k of Object.keys(a.drivers.customer)) a.drivers.customer[k]!.score = 3
  a.drivers.customer.profit!.score = 4
  for (const k of Object.keys(a.facilitators)) a.facilitators[k]!.score = 4
  a.facilitators.symmetry!.score = 3
  a.components.joint_planning = { level: 'low', note: '只有年度报价会' }
  return {
    assessment: { ...a, id, ...META, settingsVersion: 1 },
    result: {
      ours: 16, customer: 13, d: 13, lower: 'customer', facilitators: 15, bonusCount: 0, bonus: 0, f: 15, type: 'type_2',
      reason: { code: 'matrix', type: 'type_2', d: 13, f: 15, lower: 'customer', dBand: 1, fBand: 1, cut: 8, text: '' },
      gaps: [{ component: 'joint_planning', today: 'low', required: 'medium', kind: 'below', steps: 1 }],
      unassessed: [], precondsMet: 0, precondsAll: 8, outcomeAvg: 0, advice: '',
    },
    settings: SETTINGS,
    currentVersion: 1,
    actions: [],
    ...over,
  }
}

export function summary(v: AssessmentView): AssessmentSummary {
  return {
    id: v.assessment.id, rev: v.assessment.rev, assessedOn: v.assessment.assessedOn, settingsVersion: v.assessment.settingsVersion,
    type: v.result.type, d: v.result.d, f: v.result.f, ours: v.result.ours, customer: v.result.customer, lower: v.result.lower,
    gaps: v.result.gaps.length, portfolio: v.assessment.portfolio,
  }
}

export interface Mounted {
  wrapper: VueWrapper
  router: Router
  events: string[]
}

export async function mountTab(
  opts: { locale?: 'en' | 'zh-CN'; query?: Record<string, string>; contacts?: Contact[]; readonly?: boolean } = {},
): Promise<Mounted> {
  i18n.global.locale.value = opts.locale ?? 'en'
  const events: string[] = []
  const Page = defineComponent(() => () =>
    h(RelationshipTab, {
      accountId: 'acc1',
      workspace: workspace(opts.contacts ?? []),
      readonly: opts.readonly ?? false,
      onChanged: () => events.push('changed'),
      onStale: () => events.push('stale'),
    }))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accounts/:id', component: Page },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push({ path: '/accounts/acc1', query: { tab: 'relationship', ...(opts.query ?? {}) } })
  await router.isReady()
  const Host = withProviders(() => h(RouterView))
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: {
      plugins: [createPinia(), i18n, router] as never[],
      stubs: { ActionForm: true, VChart: true, 'v-chart': true, echarts: true },
    },
  })
  i18n.global.locale.value = opts.locale ?? 'en'
  await settle()
  return { wrapper, router, events }
}

export { $, $$, click, settle } from '@/test/dom'
export const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
