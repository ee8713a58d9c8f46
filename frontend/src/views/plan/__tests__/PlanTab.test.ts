import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NSelect } from 'naive-ui'
import type { Plan, PlanComparison, PlanView } from '@/api/types'
import {
  $, $$, action, byTestId, click, contact, feedbackOf, field, full, goal, mountPlan, plan, settle, typeInto, view,
  type Mounted,
} from './harness'

vi.mock('@/api/services', () => ({
  plans: { get: vi.fn(), save: vi.fn(), rollForward: vi.fn(), compare: vi.fn() },
  actions: { setStatus: vi.fn(), save: vi.fn(), counts: vi.fn(), owners: vi.fn() },
}))
const { plans } = await import('@/api/services')
const get = vi.mocked(plans.get)
const save = vi.mocked(plans.save)
const rollForward = vi.mocked(plans.rollForward)
const compare = vi.mocked(plans.compare)

let m: Mounted | null = null

/** Serves `views` by year, like the plan service. */
function serve(views: Record<number, PlanView>) {
  get.mockImplementation(async (_id, year) => structuredClone(views[year] ?? view({ year })))
}

const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''

describe('PlanTab', () => {
  beforeEach(() => {
    for (const f of [get, save, rollForward, compare]) f.mockReset()
    save.mockImplementation(async (p: Plan) => ({ ...p, id: p.id || 'new', rev: p.rev + 1 }))
  })

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
  })

  it('shows how complete the plan is and takes a missing part’s link to its section', async () => {
    serve({
      2024: view({
        plan: plan({
          goals: [goal({ id: 'g1' })],
          strategicFocus: '',
          positioning: { statement: '我们是联合研发伙伴', valueProposition: '', targetContactIds: [], targetCompetitors: [] },
          actionPlan: '季度技术交流',
          resources: [{ party: 'ours', description: '应用工程师驻厂', owner: '张工' }],
          budget: 30_000_000,
          value: { functional: '降本 5%', psychological: '2 小时响应', customerCommitments: '60% 份额', tracking: '' },
        }),
        years: [2024],
        completeness: {
          filled: ['goals', 'positioning', 'actionPlan', 'resources', 'budget', 'value.functional', 'value.psychological', 'value.customerCommitments'],
          missing: ['strategicFocus', 'value.tracking'],
          percent: 80,
        },
      }),
    })
    m = await mountPlan({}, { query: { year: '2024' } })
    expect(get).toHaveBeenCalledWith('acc1', 2024)

    expect(text('plan-completeness-percent')).toBe('80%')
    const chips = $$('[data-testid="plan-missing-part"]')
    expect(chips.map((c) => c.textContent?.trim())).toEqual(['Strategic focus', 'Tracking'])

    const scrolled: Element[] = []
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this)
    })
    await click('[data-testid="plan-missing-part"][data-part="value.tracking"]')
    expect(scrolled.map((e) => e.id)).toEqual(['plan-part-value-tracking'])
    expect($('#plan-part-value-tracking')!.classList.contains('flash')).toBe(true)
    spy.mockRestore()

    // while editing it follows what is typed
    await click('[data-testid="plan-edit"]')
    await typeInto('plan-strategic-focus', '守住涂料业务')
    expect($$('[data-testid="plan-missing-part"]').map((c) => c.dataset.part)).toEqual(['value.tracking'])
    expect(text('plan-completeness-percent')).toBe('90%')
  })

  it('saves goal targets in stored units: money in minor units, share of wallet in basis points', async () => {
    serve({ 2024: view({ years: [] }) })
    m = await mountPlan({ account: (await import('./harness')).account({ currency: 'USD' }) }, { query: { year: '2024' } })
    expect(text('plan-tab')).toContain('No account plan for 2024 yet')

    await click('[data-testid="plan-create"]')
    await typeInto('plan-strategic-focus', 'Win the Nantong resin line')

    await click('[data-testid="plan-add-goal"]')
    await typeInto('goal-title', 'Revenue', 0)
    await typeInto('goal-target', '1,500,000.50', 0)

    await click('[data-testid="plan-add-goal"]')
    await typeInto('goal-title', 'Share of wallet', 1)
    const metric = m.wrapper.findAllComponents(NSelect).filter((s) => s.attributes('data-testid') === 'goal-metric')[1]!
    metric.vm.$emit('update:value', 'share_of_wallet')
    await settle()
    await typeInto('goal-target', '35.5%', 1)
    expect(feedbackOf(field('goal-target', 1))).toBe('')
    // a money target is echoed as it will be stored
    expect(field('goal-target', 0).closest('.n-form-item')!.textContent).toContain('$1,500,000.50')

    await click('[data-testid="plan-add-goal"]')
    await typeInto('goal-title', 'New plants', 2)
    m.wrapper.findAllComponents(NSelect).filter((s) => s.attributes('data-testid') === 'goal-metric')[2]!
      .vm.$emit('update:value', 'custom')
    await settle()
    await typeInto('goal-target', '3', 2)
    await typeInto('goal-unit', 'plants')
    await typeInto('plan-budget', '250万')

    await click('[data-testid="plan-save"]')
    expect(save).toHaveBeenCalledTimes(1)
    const sent = save.mock.calls[0]![0]
    expect(sent).toMatchObject({ id: '', rev: 0, accountId: 'acc1', year: 2024, currency: 'USD', budget: 250_000_000 })
    expect(sent.strategicFocus).toBe('Win the Nantong resin line')
    expect(sent.goals.map((g) => [g.title, g.metric, g.target, g.unit])).toEqual([
      ['Revenue', 'revenue', 150_000_050, ''],
      ['Share of wallet', 'share_of_wallet', 3550, ''],
      ['New plants', 'custom', 3, 'plants'],
    ])
    const ids = sent.goals.map((g) => g.id)
    expect(new Set(ids).size).toBe(3)
    expect(ids.every((id) => id.length > 10)).toBe(true)
    expect(m.changed()).toBe(1)
  })

  it('refuses a goal without a measurable target before sending it', async () => {
    serve({ 2024: view() })
    m = await mountPlan({}, { query: { year: '2024' } })
    await click('[data-testid="plan-create"]')
    await click('[data-testid="plan-add-goal"]')
    await typeInto('goal-title', '提升份额')
    await typeInto('goal-target', '0')
    await click('[data-testid="plan-save"]')
    expect(save).not.toHaveBeenCalled()
    expect(feedbackOf(field('goal-target'))).toBe('A goal needs a measurable target above zero.')
  })

  it('shows a rolled-forward plan as read-only history with no way to edit it', async () => {
    serve({
      2024: view({
        plan: plan({
          locked: true, updatedAt: '2024-12-20T03:00:00Z', strategicFocus: '守住涂料业务',
          goals: [goal({ id: 'g1', title: '销售收入 1000 万' })],
        }),
        years: [2025, 2024, 2023],
        completeness: full(),
        actions: [action({ id: 'a1', title: '技术交流', source: { area: 'plan', recordId: 'plan24', detail: 'g1' } })],
      }),
    })
    m = await mountPlan({}, { query: { year: '2024' } })

    expect(text('plan-locked-banner')).toContain('Read-only history')
    expect(text('plan-locked-banner')).toContain('rolled forward to 2025 on Dec 20, 2024')
    for (const id of ['plan-edit', 'plan-roll-forward', 'plan-add-goal', 'goal-add-action', 'plan-save', 'plan-create']) {
      expect(byTestId(id), id).toBeNull()
    }
    expect($$('textarea, [data-testid="plan-goal-editor"]')).toHaveLength(0)
    // still readable and comparable
    expect(text('plan-strategic-focus-text')).toBe('守住涂料业务')
    expect(byTestId('plan-compare')).not.toBeNull()
    expect($$('[data-testid="plan-action"]').map((a) => a.textContent)).toEqual([expect.stringContaining('技术交流')])
  })

  it('rolls the plan forward after confirming, then opens next year’s plan', async () => {
    const p24 = plan({ strategicFocus: '守住涂料业务', goals: [goal({ id: 'g1' })] })
    serve({
      2024: view({ plan: p24, years: [2024], completeness: full() }),
      2025: view({ year: 2025, plan: plan({ ...p24, id: 'plan25', year: 2025, rolledFrom: 'plan24' }), years: [2025, 2024] }),
    })
    rollForward.mockResolvedValue(plan({ ...p24, id: 'plan25', year: 2025, rolledFrom: 'plan24' }))
    m = await mountPlan({}, { query: { year: '2024' } })

    await click('[data-testid="plan-roll-forward"]')
    const dialog = byTestId('plan-roll-dialog')!
    expect(dialog.textContent).toContain('Roll the 2024 plan forward to 2025?')
    expect(dialog.textContent).toContain('read-only history')
    expect(rollForward).not.toHaveBeenCalled()

    await click('[data-testid="plan-roll-confirm"]')
    expect(rollForward).toHaveBeenCalledWith('acc1', 2024)
    await settle()
    expect(m.router.currentRoute.value.query).toMatchObject({ year: '2025', tab: 'plan' })
    expect(get).toHaveBeenLastCalledWith('acc1', 2025)
    const closed = byTestId('plan-roll-dialog')
    expect(closed === null || closed.style.display === 'none').toBe(true)
    expect(m.changed()).toBe(1)
    expect((byTestId('plan-year')?.textContent ?? '')).toContain('2025')
  })

  it('keeps the dialog open with the reason when rolling forward is refused', async () => {
    serve({ 2024: view({ plan: plan(), years: [2024] }) })
    rollForward.mockRejectedValue({
      code: 'invalid', field: 'year', rule: 'duplicate_year', params: { year: 2025 }, message: 'the account already has a plan for 2025',
    })
    m = await mountPlan({}, { query: { year: '2024' } })
    await click('[data-testid="plan-roll-forward"]')
    await click('[data-testid="plan-roll-confirm"]')
    expect(text('plan-roll-error')).toBe('There is already a 2025 plan for this account.')
    expect(m.router.currentRoute.value.query.year).toBe('2024')
    expect(m.changed()).toBe(0)
  })

  it('puts the server’s field errors next to the right goal and list', async () => {
    serve({
      2024: view({
        plan: plan({
          goals: [goal({ id: 'g1', title: 'Revenue' }), goal({ id: 'g2', title: 'Margin', metric: 'margin', target: 5000 })],
          positioning: { statement: '', valueProposition: '', targetContactIds: ['c1'], targetCompetitors: [] },
        }),
        years: [2024],
      }),
    })
    save.mockRejectedValueOnce({
      code: 'invalid', field: 'goals[1].target', rule: 'no_measure', message: 'goal "Margin" needs a measurable target',
      issues: [
        { field: 'goals[1].target', rule: 'no_measure', message: 'goal "Margin" needs a measurable target' },
        { field: 'positioning.targetContactIds[0]', rule: 'not_found', params: { kind: 'contact', id: 'c1' }, message: 'contact c1 is not a contact' },
      ],
    })
    m = await mountPlan({ contacts: [contact({ id: 'c1', name: '李明' })] }, { query: { year: '2024' } })
    await click('[data-testid="plan-edit"]')
    expect(field('goal-target', 1).value).toBe('50') // 5000 fen typed back as ¥50
    await click('[data-testid="plan-save"]')

    expect(save).toHaveBeenCalledTimes(1)
    expect(feedbackOf(field('goal-target', 1))).toBe('A goal needs a measurable target above zero.')
    expect(feedbackOf(field('goal-target', 0))).toBe('')
    expect(feedbackOf(field('goal-title', 1))).toBe('')
    const contacts = byTestId('plan-target-contacts')!
    expect(feedbackOf(contacts)).toBe('The contact could not be found. It may have been archived or deleted.')
    expect(text('plan-top-error')).toBe('Please correct the highlighted fields.')
    // still editing, nothing lost
    expect(byTestId('plan-save')).not.toBeNull()

    // fixing the field clears its message
    await typeInto('goal-target', '60', 1)
    expect(feedbackOf(field('goal-target', 1))).toBe('')
  })

  it('says a plan rolled forward meanwhile is history, in Chinese too', async () => {
    serve({ 2024: view({ plan: plan({ goals: [goal({ id: 'g1' })] }), years: [2024] }) })
    save.mockRejectedValueOnce({
      code: 'invalid', rule: 'read_only', params: { year: 2024 },
      message: 'the 2024 plan was rolled forward and is kept as history; edit next year\'s plan',
    })
    m = await mountPlan({}, { locale: 'zh-CN', query: { year: '2024' } })
    await click('[data-testid="plan-edit"]')
    await typeInto('plan-strategic-focus', '改一下')
    await click('[data-testid="plan-save"]')
    expect(document.body.textContent).toContain('2024 年计划已滚动至下一年并作为历史保留，无法修改。请在 2025 年计划中修改。')
    expect(byTestId('plan-save')).toBeNull()
    expect(get).toHaveBeenCalledTimes(2)
  })

  it('compares with last year and marks a new goal', async () => {
    const prevPlan = plan({
      id: 'plan23', year: 2023, strategicFocus: '守住涂料业务',
      goals: [goal({ id: 'a', title: '销售收入', target: 80_000_000 })],
      positioning: { statement: '', valueProposition: '', targetContactIds: [], targetCompetitors: ['巴斯夫'] },
    })
    const curPlan = plan({
      strategicFocus: '守住涂料业务',
      goals: [goal({ id: 'b', title: '销售收入', target: 100_000_000 }), goal({ id: 'c', title: '新增工厂', metric: 'custom', target: 2, unit: '家' })],
      positioning: { statement: '', valueProposition: '', targetContactIds: [], targetCompetitors: ['巴斯夫', '陶氏'] },
    })
    serve({ 2024: view({ plan: curPlan, years: [2024, 2023], completeness: full() }) })
    const cmp: PlanComparison = {
      current: view({ plan: curPlan, years: [2024, 2023] }),
      previous: view({ year: 2023, plan: prevPlan, years: [2024, 2023] }),
    }
    compare.mockResolvedValue(cmp)
    m = await mountPlan({}, { query: { year: '2024' } })

    expect(text('plan-compare')).toBe('Compare with 2023')
    await click('[data-testid="plan-compare"]')
    expect(compare).toHaveBeenCalledWith('acc1', 2024)
    expect(text('plan-compare-view')).toContain('2023 plan compared with 2024')

    const rows = $$('[data-testid="compare-goal"]')
    expect(rows.map((r) => r.dataset.change)).toEqual(['changed', 'added'])
    const added = rows[1]!
    expect(added.querySelector('[data-testid="compare-change"]')!.textContent!.trim()).toBe('New')
    expect(added.textContent).toContain('新增工厂')
    expect(rows[0]!.textContent).toContain('CN¥800,000')
    expect(rows[0]!.textContent).toContain('CN¥1,000,000')
    expect($('[data-testid="compare-row"][data-part="strategicFocus"]')!.dataset.change).toBe('same')
  })

  it('lists the plan’s actions under their goals and turns a goal into an action from this plan', async () => {
    serve({
      2024: view({
        plan: plan({ goals: [goal({ id: 'g1', title: '销售收入' }), goal({ id: 'g2', title: '钱包份额', metric: 'share_of_wallet', target: 4000 })] }),
        years: [2024],
        progress: [
          { goalId: 'g1', actual: 60_000_000, target: 100_000_000, percent: 60, known: true, mismatch: '' },
          { goalId: 'g2', actual: 0, target: 4000, percent: 0, known: false, mismatch: '' },
        ],
        actions: [
          action({ id: 'a1', title: '技术交流', source: { area: 'plan', recordId: 'plan24', detail: 'g2' } }),
          action({ id: 'a2', title: '报价', status: 'done', source: { area: 'plan', recordId: 'plan24', detail: 'g1' } }),
          action({ id: 'a3', title: '高层拜访', source: { area: 'plan', recordId: 'plan24', detail: '' } }),
        ],
        figures: (await import('./harness')).figures({ year: 2024, revenue: 60_000_000 }),
      }),
    })
    m = await mountPlan({ defaultOwner: '赵磊' }, { query: { year: '2024' } })

    const goals = $$('[data-testid="plan-goal"]')
    const titles = (el: Element) => [...el.querySelectorAll('[data-testid="plan-action"] .title')].map((a) => a.textContent?.trim())
    expect(titles(goals[0]!)).toEqual(['报价'])
    expect(titles(goals[1]!)).toEqual(['技术交流'])
    expect(titles(byTestId('plan-other-actions')!)).toEqual(['高层拜访'])
    // progress: known for revenue, explained when the category spend is missing
    expect(goals[0]!.querySelector('[data-testid="plan-goal-percent"]')!.textContent).toBe('60% of target')
    expect(goals[1]!.querySelector('[data-testid="plan-goal-unknown"]')!.textContent).toContain('category spend')
    expect(goals[1]!.querySelector('[data-testid="plan-goal-target"]')!.textContent).toBe('40%')

    const form = () => m!.wrapper.findComponent({ name: 'ActionForm' })
    expect(form().props('show')).toBe(false)
    goals[1]!.querySelector<HTMLButtonElement>('[data-testid="goal-add-action"]')!.click()
    await settle()
    expect(form().props()).toMatchObject({
      show: true, action: null, accountId: 'acc1', defaultOwner: '赵磊',
      source: { area: 'plan', recordId: 'plan24', detail: 'g2' },
    })
  })

  it('asks before switching years with unsaved changes', async () => {
    serve({ 2024: view({ plan: plan(), years: [2024, 2023] }), 2023: view({ year: 2023, years: [2024, 2023] }) })
    m = await mountPlan({}, { query: { year: '2024' } })
    await click('[data-testid="plan-edit"]')
    await typeInto('plan-strategic-focus', '新的重点')
    void m.router.replace({ query: { tab: 'plan', year: '2023' } })
    await settle()
    expect(document.body.textContent).toContain('Discard your changes?')
    expect(m.router.currentRoute.value.query.year).toBe('2024')
    const keep = $$<HTMLButtonElement>('.n-dialog button').find((b) => b.textContent?.includes('Keep editing'))!
    keep.click()
    await settle()
    expect(m.router.currentRoute.value.query.year).toBe('2024')
    expect(field('plan-strategic-focus').value).toBe('新的重点')
  })
})
