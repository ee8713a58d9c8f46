import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { Assignment, Inputs, Scorecard } from '@/api/portfolio'
import { $, $$, byTestId, cardView, click, mountPage, settingsModel, settle, text, type Mounted } from './harness'

vi.mock('@/api/portfolio', async (orig) => ({
  ...(await orig<typeof import('@/api/portfolio')>()),
  portfolio: {
    settings: vi.fn(), scorecards: vi.fn(), tier: vi.fn(), inputs: vi.fn(), score: vi.fn(), setTier: vi.fn(), clearTier: vi.fn(),
    saveInputs: vi.fn(), archiveScorecard: vi.fn(),
  },
}))
vi.mock('@/api/services', () => ({
  settings: { currency: vi.fn(async () => ({ reporting: 'CNY', years: [] })) },
  accounts: { get: vi.fn(async () => ({ id: 'acc1', name: '华东精密' })) },
}))

const { portfolio } = await import('@/api/portfolio')
const P = vi.mocked(portfolio)
const Drawer = (await import('../AccountPortfolioDrawer.vue')).default

const META = { rev: 0, createdAt: '', updatedAt: '' }
const noTier = (): Assignment => ({ id: '', ...META, accountId: 'acc1', tier: '', setOn: '', reason: '' })
const noInputs = (): Inputs => ({ id: '', ...META, accountId: 'acc1', retention: null, discount: null, acquisition: 0, costToServe: 0, perceivedValue: null })

// a page of Naive UI inputs mounts slowly on a loaded machine
vi.setConfig({ testTimeout: 30_000 })

let m: Mounted | null = null
let changed = 0

async function open(props: Record<string, unknown> = {}) {
  changed = 0
  m = await mountPage(Drawer, '/portfolio', {
    props: { show: true, accountId: 'acc1', onChanged: () => changed++, ...props },
  })
  await settle()
}

function input(testId: string): HTMLInputElement {
  const el = $<HTMLInputElement>(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`)
  if (!el) throw new Error(`no input ${testId}`)
  return el
}
async function type(testId: string, value: string) {
  const el = input(testId)
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await nextTick()
}

describe('AccountPortfolioDrawer', () => {
  beforeEach(() => {
    for (const f of Object.values(P)) f.mockReset()
    P.settings.mockResolvedValue(settingsModel())
    P.scorecards.mockResolvedValue([
      cardView({ id: 'new', on: '2026-09-01', a: 8, s: 4, quadrant: 'star' }),
      cardView({ id: 'old', on: '2025-03-01', a: 3, s: 3, quadrant: 'streamline' }),
    ])
    P.tier.mockResolvedValue(noTier())
    P.inputs.mockResolvedValue(noInputs())
  })

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
  })

  it('shows the latest position, the suggested tier and the history newest first', async () => {
    await open()
    expect(byTestId('drawer-quadrant')?.dataset.quadrant).toBe('star')
    expect(text('drawer-position')).toContain('Invest selectively to build our strength')
    expect(text('drawer-tier-current')).toContain('Key account · suggested by the quadrant')
    expect(byTestId('drawer-tier-suggested')).toBeNull() // nothing set by hand to clear
    expect($$('[data-testid="history-card"]').map((c) => c.textContent)).toEqual([
      expect.stringContaining('Star'), expect.stringContaining('Streamline'),
    ])
    expect($('.n-drawer-header')?.textContent).toContain('华东精密') // fetched: no name was given
  })

  it('scores every criterion with a live preview; Enter saves a new scorecard', async () => {
    P.score.mockImplementation(async (s: Scorecard) => cardView({ id: 'x', on: s.scoredOn, a: 9, s: 9 }))
    await open()
    await click('[data-testid="drawer-score"]')
    // seeded from the latest card: 8s and 4s
    expect(text('score-preview-attractiveness')).toBe('8.00')
    expect(text('score-preview-strength')).toBe('4.00')
    expect(byTestId('score-preview-quadrant')?.dataset.quadrant).toBe('star')

    for (const k of ['product_fit', 'service', 'price', 'reputation', 'relationship_depth', 'know_how']) {
      await type(`score-${k}`, '9')
      input(`score-${k}`).dispatchEvent(new Event('blur'))
    }
    await settle()
    expect(text('score-preview-strength')).toBe('9.00')
    expect(byTestId('score-preview-quadrant')?.dataset.quadrant).toBe('strategic')
    await type('score-note-product_fit', '联合研发项目已立项')

    input('score-know_how').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    expect(P.score).toHaveBeenCalledTimes(1)
    const sent = P.score.mock.calls[0]![0]
    expect(sent.id).toBe('')
    expect(sent.attractiveness.map((s) => s.score)).toEqual([8, 8, 8, 8, 8, 8])
    expect(sent.strength.map((s) => s.score)).toEqual([9, 9, 9, 9, 9, 9])
    expect(sent.strength[0]!.note).toBe('联合研发项目已立项')
    expect(changed).toBe(1)
    expect(P.scorecards).toHaveBeenCalledTimes(2) // reloaded after saving
  })

  it('shows a score the server refuses next to its criterion and saves nothing else', async () => {
    P.score.mockRejectedValue({
      code: 'invalid', rule: 'out_of_range', message: 'bad', issues: [
        { field: 'strength[2].score', rule: 'out_of_range', params: { min: 1, max: 10, value: 11 }, message: 'bad' },
      ],
    })
    await open()
    await click('[data-testid="drawer-score"]')
    await click('[data-testid="score-save"]')
    const row = byTestId('score-row-price')
    expect(row?.textContent).toContain('must be between 1 and 10')
    expect(text('form-error')).toContain('Please correct the highlighted fields.')
    expect(changed).toBe(0)
  })

  it('sets a tier by hand with a reason, then goes back to the suggestion', async () => {
    const set: Assignment = { ...noTier(), id: 'acc1', rev: 1, tier: 'develop', reason: '预算冻结', setOn: '2026-10-01' }
    P.setTier.mockResolvedValue(set)
    await open()
    const select = m!.wrapper.findAllComponents({ name: 'Select' }).find((c) => c.attributes('data-testid') === 'drawer-tier-select')!
    select.vm.$emit('update:value', 'develop')
    await type('drawer-tier-reason', '预算冻结')
    await click('[data-testid="drawer-tier-save"]')
    expect(P.setTier).toHaveBeenCalledWith(expect.objectContaining({ accountId: 'acc1', tier: 'develop', reason: '预算冻结', rev: 0 }))
    expect(text('drawer-tier-current')).toContain('Development account · set by hand')
    expect(changed).toBe(1)

    P.clearTier.mockResolvedValue(undefined)
    P.tier.mockResolvedValue({ ...set, rev: 2, deletedAt: '2026-10-02T00:00:00Z' })
    await click('[data-testid="drawer-tier-suggested"]')
    expect(P.clearTier).toHaveBeenCalledWith('acc1', 1)
    expect(text('drawer-tier-current')).toContain('Key account · suggested by the quadrant')
    expect(changed).toBe(2)
  })

  it('saves lifetime-value inputs as fractions and minor units, blanks as the defaults', async () => {
    P.saveInputs.mockImplementation(async (i: Inputs) => ({ ...i, id: 'acc1', rev: 1 }))
    await open({ margin: 100_00 })
    await type('inputs-retention', '70')
    input('inputs-retention').dispatchEvent(new Event('blur'))
    await type('inputs-cost', '1.2万')
    await type('inputs-acquisition', '50')
    await settle()
    // CLV = 100 × 0.7 / 0.4 − 50 = 125
    expect(text('drawer-clv-preview')).toContain('125')
    await click('[data-testid="inputs-save"]')
    expect(P.saveInputs).toHaveBeenCalledWith(expect.objectContaining({
      accountId: 'acc1', retention: 0.7, discount: null, costToServe: 1_200_000, acquisition: 5_000, perceivedValue: null,
    }))
  })

  it('refuses an amount it cannot read, next to the field', async () => {
    await open()
    await type('inputs-cost', 'lots')
    await click('[data-testid="inputs-save"]')
    expect(P.saveInputs).not.toHaveBeenCalled()
    expect(byTestId('inputs-cost')?.closest('.n-form-item')?.textContent).toContain('Not an amount.')
  })
})
