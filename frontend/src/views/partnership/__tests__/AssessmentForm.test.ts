import { afterEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { i18n } from '@/i18n'
import { $, $$, click, settle, withProviders } from '@/test/dom'
import type { Assessment } from '@/api/partnership'
import AssessmentForm from '../AssessmentForm.vue'
import { blankAssessment } from '../model'
import { SETTINGS, assessmentView } from './harness'

vi.mock('@/api/partnership', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/partnership')>()
  return { ...real, partnership: { save: vi.fn() } }
})
const { partnership } = await import('@/api/partnership')

let w: VueWrapper | null = null
afterEach(() => {
  w?.unmount()
  w = null
  document.body.innerHTML = ''
})

async function open(a: Assessment, locale: 'en' | 'zh-CN' = 'en') {
  const saved: unknown[] = []
  const Host = withProviders(() => h(AssessmentForm, { show: true, assessment: a, settings: SETTINGS, onSaved: (v: unknown) => saved.push(v) }))
  w = mount(Host, { attachTo: document.body, global: { plugins: [createPinia(), i18n] as never[] } })
  i18n.global.locale.value = locale
  await settle()
  return saved
}

/** Clicks the score button `n` of the picker with a test id. */
async function score(testId: string, n: number) {
  const btn = $$(`[data-testid="${testId}"] .n-radio-button`).find((b) => b.textContent?.trim() === String(n))
  if (!btn) throw new Error(`no score ${n} in ${testId}`)
  const input = btn.querySelector('input')!
  input.click()
  await settle()
}

describe('AssessmentForm', () => {
  it('previews D, F and the type while scoring, and saves the assessment', async () => {
    vi.mocked(partnership.save).mockImplementation(async (a) => ({ ...assessmentView('new', a.assessedOn), assessment: { ...a, id: 'new' } }))
    const saved = await open(blankAssessment('acc1', '2026-11-20'))
    expect($('[data-testid="assessment-preview"]')!.textContent).toContain('12 scores missing')
    for (const k of ['asset_cost', 'customer_service', 'marketing', 'profit']) {
      await score(`score-ours-${k}`, 4)
      await score(`score-customer-${k}`, k === 'profit' ? 4 : 3)
    }
    await click('[data-testid="assessment-section-facilitators"]')
    for (const k of ['compatibility', 'management', 'mutuality', 'symmetry']) await score(`score-facilitator-${k}`, k === 'symmetry' ? 3 : 4)
    const preview = $('[data-testid="assessment-preview"]')!.textContent!.replace(/\s+/g, ' ')
    expect(preview).toContain('D 13')
    expect(preview).toContain('F 15')
    expect(preview).toContain('Type II')
    await click('[data-testid="assessment-save"]')
    const sent = vi.mocked(partnership.save).mock.calls[0]![0]
    expect(sent.drivers.customer.profit!.score).toBe(4)
    expect(sent.facilitators.symmetry!.score).toBe(3)
    expect(saved).toHaveLength(1)
  })

  it('shows the server’s errors on their rows and opens the section that holds the first', async () => {
    vi.mocked(partnership.save).mockRejectedValue({
      code: 'invalid', field: 'components.scope.level', rule: 'unknown_value', message: 'bad',
      issues: [
        { field: 'components.scope.level', rule: 'unknown_value', params: { value: 'huge' }, message: 'bad' },
        { field: 'outcomes.process.score', rule: 'out_of_range', params: { min: 1, max: 5, value: 9 }, message: 'bad' },
      ],
    })
    const a = assessmentView('A1', '2026-11-20').assessment
    await open(a)
    await click('[data-testid="assessment-save"]')
    const tabs = $$('.n-tabs-tab').map((t) => t.textContent?.trim())
    expect(tabs).toContain('Components · 1')
    expect(tabs).toContain('Outcomes & preconditions · 1')
    expect(document.body.textContent).toContain('Scope: “huge” is not one of the allowed values.')
  })
})
