import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionRow } from '@/api/types'
import {
  $, $$, assessmentView, click, contact, mountTab, relView, settle, summary, text, type Mounted,
} from './harness'

vi.mock('@/api/partnership', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/partnership')>()
  return {
    ...real,
    partnership: {
      list: vi.fn(), history: vi.fn(), get: vi.fn(), save: vi.fn(), archive: vi.fn(), compare: vi.fn(),
      settings: vi.fn(), saveSettings: vi.fn(), restoreDefaults: vi.fn(), defaults: vi.fn(),
    },
    relationships: { get: vi.fn(), save: vi.fn(), defaults: vi.fn() },
  }
})
vi.mock('@/api/services', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/services')>()
  return { ...real, accounts: { ...real.accounts, saveContact: vi.fn() } }
})
const { partnership, relationships } = await import('@/api/partnership')
const { accounts } = await import('@/api/services')

const older = assessmentView('A1', '2025-10-01', {
  result: { ...assessmentView('A1', '2025-10-01').result, d: 9, f: 10, type: 'type_1', gaps: [],
    reason: { code: 'matrix', type: 'type_1', d: 9, f: 10, lower: 'ours', dBand: 0, fBand: 0, cut: 8, text: '' } },
})
const newer = assessmentView('A2', '2026-11-20')
let m: Mounted | null = null

beforeEach(() => {
  vi.clearAllMocks()
  vi.mocked(relationships.get).mockResolvedValue(relView())
  vi.mocked(partnership.history).mockResolvedValue([summary(older), summary(newer)])
  vi.mocked(partnership.get).mockImplementation(async (_acc, id) => structuredClone(id === 'A1' ? older : newer))
  vi.mocked(partnership.defaults).mockResolvedValue(structuredClone(newer.settings))
  vi.mocked(relationships.defaults).mockResolvedValue({ shareCuts: [10, 25, 40, 60], notMetDays: 90 })
})

afterEach(() => {
  m?.wrapper.unmount()
  m = null
  document.body.innerHTML = ''
})

describe('RelationshipTab', () => {
  it('shows the newest assessment: type, reason in plain words, gaps', async () => {
    m = await mountTab()
    expect(partnership.get).toHaveBeenCalledWith('acc1', 'A2')
    expect(text('assessment-type')).toBe('Type II')
    expect(text('assessment-reason')).toBe('drivers 13 — the customer’s side is the lower; facilitators 15 → Type II')
    const gaps = $$('[data-testid="gap-row"]')
    expect(gaps).toHaveLength(1)
    expect(gaps[0]!.textContent).toContain('Joint planning')
    expect(gaps[0]!.textContent).toContain('Low today; Type II calls for Medium · “只有年度报价会”')
    expect($('[data-testid="type-matrix"] [data-on="true"]')?.textContent?.trim()).toBe('Type II')
    expect($$('[data-testid="assessment-row"]').map((r) => r.dataset.id)).toEqual(['A2', 'A1'])
  })

  it('shows the evidence recorded with the scores', async () => {
    const v = structuredClone(newer)
    v.assessment.drivers.customer.profit!.note = '客户希望锁定三年价格'
    vi.mocked(partnership.get).mockResolvedValue(v)
    m = await mountTab()
    const ev = text('assessment-evidence')
    expect(ev).toContain('2 scores carry a note')
    expect(ev).toContain('Drivers · Customer’s Profit stability / growth4/5客户希望锁定三年价格')
    expect(ev).toContain('Components Joint planningLow只有年度报价会')
  })

  it('says on the type matrix which thresholds are literature defaults and where to change them', async () => {
    m = await mountTab()
    await click('[data-testid="matrix-help"]')
    await settle()
    const help = text('matrix-help-text')
    expect(help).toContain('Below 8 on either axis: arm’s length. Bands 8–11, 12–15 and 16+')
    expect(help).toContain('Lambert, Emmelhainz & Gardner (1996); their numbers are reconstructed')
    expect(help).toContain('editable in Settings → Partnership model')
    expect(text('matrix-help-status')).toBe('Every threshold here is a shipped default.')
    expect($$('[data-testid="matrix-help-defaults"] tr[data-changed]')).toHaveLength(0)
  })

  it('names the thresholds the settings version of an assessment changed from the defaults', async () => {
    const edited = structuredClone(newer)
    edited.assessment.settingsVersion = 3
    edited.settings.armsLengthBelow = 10
    edited.settings.matrix[1]![1] = 'type_3'
    vi.mocked(partnership.get).mockResolvedValue(edited)
    m = await mountTab({ locale: 'zh-CN' })
    await click('[data-testid="matrix-help"]')
    await settle()
    expect(text('matrix-help-status')).toBe('设置版本 3 改动了默认值：一般交易关系：低于、矩阵单元格。')
    const changed = $$('[data-testid="matrix-help-defaults"] tr[data-changed]')
    expect(changed).toHaveLength(1)
    expect(changed[0]!.textContent).toContain('108')
    expect(text('matrix-help-text')).toContain('改动 1 格')
  })

  it('says it all in Chinese too', async () => {
    m = await mountTab({ locale: 'zh-CN' })
    expect(text('assessment-type')).toBe('II 型伙伴关系')
    expect(text('assessment-reason')).toBe('驱动因素 13——客户方较低；促进因素 15 → II 型伙伴关系')
    expect(text('stage-current')).toBe('初期')
    expect(text('stage-suggested')).toBe('中期')
  })

  it('opens the assessment a link names (from My actions)', async () => {
    m = await mountTab({ query: { assessment: 'A1' } })
    expect(partnership.get).toHaveBeenCalledWith('acc1', 'A1')
    expect(text('assessment-type')).toBe('Type I')
    expect($('[data-testid="assessment-no-gaps"]')).not.toBeNull()
  })

  it('turns a gap into an action with its source preset', async () => {
    m = await mountTab()
    await click('[data-testid="gap-create-action"]')
    const form = m.wrapper.findComponent({ name: 'ActionForm' })
    expect(form.props('show')).toBe(true)
    expect(form.props('source')).toEqual({ area: 'partnership', recordId: 'A2', detail: 'joint_planning' })
    expect(form.props('action')).toMatchObject({ id: '', title: 'Raise Joint planning to Medium', owner: '王磊' })
  })

  it('lists the actions already made from a gap under it', async () => {
    const act = { id: 'x1', title: '建立季度联合规划会', status: 'open', due: '2026-12-15', owner: '王磊',
      source: { area: 'partnership', recordId: 'A2', detail: 'joint_planning' } } as ActionRow
    vi.mocked(partnership.get).mockResolvedValue({ ...structuredClone(newer), actions: [act] })
    m = await mountTab()
    expect($('[data-testid="gap-row"]')!.textContent).toContain('建立季度联合规划会')
  })

  it('compares the two ticked assessments', async () => {
    vi.mocked(partnership.compare).mockResolvedValue({ left: structuredClone(older), right: structuredClone(newer) })
    m = await mountTab()
    expect(($('[data-testid="assessment-compare"]') as HTMLButtonElement).disabled).toBe(true)
    for (const box of $$('[data-testid="assessment-tick"]')) await click(box)
    await click('[data-testid="assessment-compare"]')
    await settle()
    expect(partnership.compare).toHaveBeenCalledWith('acc1', 'A2', 'A1')
    expect(text('compare-left')).toContain('Type I')
    expect(text('compare-right')).toContain('Type II')
    expect($('[data-testid="compare-versions"]')).toBeNull()
  })

  it('says when the two compared were scored under different settings versions', async () => {
    const later = structuredClone(newer)
    later.assessment.settingsVersion = 2
    vi.mocked(partnership.compare).mockResolvedValue({ left: structuredClone(older), right: later })
    m = await mountTab()
    for (const box of $$('[data-testid="assessment-tick"]')) await click(box)
    await click('[data-testid="assessment-compare"]')
    await settle()
    expect(text('compare-versions')).toBe('Scored under different settings versions (1 and 2): each reads as it was made, under its own thresholds.')
  })

  it('lists the red flags in words beside the map', async () => {
    m = await mountTab()
    expect($$('[data-testid="red-flag"]').map((f) => f.textContent?.trim())).toEqual([
      'No coach: nobody in the chain wants us to win.',
      '陈总, the economic buyer, is at “Acceptance”, below “favourable”.',
      '陈总 (high influence) has never been met.',
    ])
  })

  it('confirms the suggested stage with a note for the history', async () => {
    vi.mocked(relationships.save).mockImplementation(async (p) => relView({ profile: { ...p, rev: 2 } }))
    m = await mountTab()
    await click('[data-testid="stage-confirm"]')
    const [sent, note] = vi.mocked(relationships.save).mock.calls[0]!
    expect(sent.stage).toBe('mid')
    expect(note).toBe('Confirmed from Keystone’s suggestion')
  })

  it('edits stage, phase and indicators in a drawer and sends the reason for the history', async () => {
    vi.mocked(relationships.save).mockImplementation(async (p) => relView({ profile: { ...p, rev: 2 } }))
    m = await mountTab()
    await click('[data-testid="stage-edit"]')
    expect($('[data-testid="indicator-supplierStatus"]')).not.toBeNull()
    const stage = m.wrapper.findAllComponents({ name: 'Select' }).find((x) => x.attributes('data-testid') === 'stage-stage-select')!
    stage.vm.$emit('update:value', 'mid')
    const note = $<HTMLInputElement>('[data-testid="stage-note"]')!
    note.value = '开始季度联合规划'
    note.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    await click('[data-testid="stage-save"]')
    const [sent, why] = vi.mocked(relationships.save).mock.calls[0]!
    expect(sent).toMatchObject({ stage: 'mid', phase: 'formation', indicators: { supplierStatus: 'approved' } })
    expect(why).toBe('开始季度联合规划')
  })

  it('grades a department for the extensive relationship', async () => {
    vi.mocked(relationships.save).mockImplementation(async (p) => relView({ profile: { ...p, rev: 2 } }))
    m = await mountTab({ contacts: [contact({ id: 'li', name: '李经理', department: '采购' })] })
    await click('[data-testid="department-add"]')
    expect($$('[data-testid="department-row"]')).toHaveLength(1)
    await click('[data-testid="departments-save"]')
    const [sent] = vi.mocked(relationships.save).mock.calls[0]!
    expect(sent.departments).toEqual([{ name: '采购', grade: 'fair', note: '' }])
  })

  it('changes a key relationship through the contact itself', async () => {
    const li = contact({ id: 'li', name: '李经理', relationshipLevel: 3, buyingRole: 'user' })
    vi.mocked(accounts.saveContact).mockImplementation(async (c) => c)
    m = await mountTab({ contacts: [li] })
    const select = m.wrapper.findAllComponents({ name: 'Select' }).find((s) => s.attributes('data-testid') === 'key-level-li')
    expect(select).toBeTruthy()
    select!.vm.$emit('update:value', 4)
    await settle()
    expect(accounts.saveContact).toHaveBeenCalledWith(expect.objectContaining({ id: 'li', relationshipLevel: 4 }))
    expect(m.events).toContain('changed')
  })

  it('shows the empty state with one action when nothing is assessed, none when read-only', async () => {
    vi.mocked(partnership.history).mockResolvedValue([])
    m = await mountTab()
    expect($$('[data-testid="assessment-new"]')).toHaveLength(1)
    m.wrapper.unmount()
    m = await mountTab({ readonly: true })
    expect($$('[data-testid="assessment-new"]')).toHaveLength(0)
    expect($('[data-testid="stage-confirm"]')).toBeNull()
  })
})
