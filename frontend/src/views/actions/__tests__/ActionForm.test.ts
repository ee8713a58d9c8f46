import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import type { Action, ActionSource } from '@/api/types'
import ActionForm from '../ActionForm.vue'
import { $, action, click, fieldErrorsShown, mountIn, settle, typeInto, type Mounted } from './harness'

vi.mock('@/api/services', () => ({
  actions: { save: vi.fn(), owners: vi.fn(), forAccount: vi.fn(), counts: vi.fn() },
  settings: { preferences: vi.fn(), savePreferences: vi.fn() },
}))
const { actions } = await import('@/api/services')
const save = vi.mocked(actions.save)

let m: Mounted | null = null
let saved: Action[] = []

/** The form inside a host that owns `show`, as a view would. */
async function open(props: { action?: Action | null; accountId?: string; source?: ActionSource; defaultOwner?: string; accounts?: { id: string; name: string }[]; readonly?: boolean }, locale: 'en' | 'zh-CN' = 'en') {
  saved = []
  const show = ref(true)
  const Host = defineComponent(() => () => h(ActionForm, {
    show: show.value, action: null, ...props,
    'onUpdate:show': (v: boolean) => { show.value = v },
    onSaved: (a: Action) => { saved.push(a) },
  }))
  m = await mountIn(Host, {}, { locale })
  await settle()
  return show
}

describe('ActionForm', () => {
  beforeEach(() => {
    vi.mocked(actions.owners).mockResolvedValue(['李娜', '王磊'])
    save.mockReset().mockImplementation(async (a) => ({ ...a, id: a.id || 'NEW1', rev: a.rev + 1 }))
  })

  afterEach(() => {
    m?.wrapper.unmount()
    m = null
    document.body.innerHTML = ''
  })

  it('creates a manual action for the account, owned by the default owner', async () => {
    const show = await open({ accountId: 'acc1', defaultOwner: '王磊' })
    expect($('[data-testid="action-account-select"]')).toBeNull() // the account is given
    expect($('[data-testid="action-form-source"]')!.textContent).toContain('Manual')
    await typeInto('action-title', '  发送修订报价  ')
    await click('[data-testid="action-save"]')
    expect(save).toHaveBeenCalledTimes(1)
    expect(save.mock.calls[0]![0]).toMatchObject({
      id: '', rev: 0, accountId: 'acc1', title: '发送修订报价', owner: '王磊', due: '', status: 'open',
      source: { area: 'manual', recordId: '', detail: '' },
    })
    expect(saved.map((a) => a.id)).toEqual(['NEW1'])
    expect(show.value).toBe(false)
  })

  it('sends the source it was given (a plan goal)', async () => {
    await open({ accountId: 'acc1', source: { area: 'plan', recordId: 'PLAN1', detail: 'goal-7' } }, 'zh-CN')
    expect($('[data-testid="action-form-source"]')!.textContent).toContain('客户计划')
    await typeInto('action-title', '完成交叉销售方案')
    await click('[data-testid="action-save"]')
    expect(save.mock.calls[0]![0].source).toEqual({ area: 'plan', recordId: 'PLAN1', detail: 'goal-7' })
  })

  it('saves an existing action with its revision and only the action fields', async () => {
    const row = { ...action({ id: 'A1', rev: 4, title: '旧标题', due: '2025-04-01' }), accountName: '华东', planYear: 0 }
    await open({ action: row, accountId: 'acc1' })
    await typeInto('action-title', '新标题')
    await click('[data-testid="action-save"]')
    const sent = save.mock.calls[0]![0]
    expect(sent).toMatchObject({ id: 'A1', rev: 4, title: '新标题', due: '2025-04-01' })
    expect(sent).not.toHaveProperty('accountName')
    expect(sent).not.toHaveProperty('planYear')
  })

  it('asks for a title and an account before saving', async () => {
    await open({ accounts: [{ id: 'acc1', name: '华东' }] })
    await click('[data-testid="action-save"]')
    expect(save).not.toHaveBeenCalled()
    expect(fieldErrorsShown()).toEqual({
      Account: 'Account is required.',
      'What needs doing': 'What needs doing is required.',
    })
  })

  it('shows the server’s refusal next to the field it concerns', async () => {
    save.mockRejectedValue({
      code: 'invalid', field: 'due', rule: 'archived_year', params: { year: 2024 },
      message: 'the plan for this year was rolled forward',
    })
    const show = await open({ accountId: 'acc1' })
    await typeInto('action-title', '补交年度总结')
    await click('[data-testid="action-save"]')
    expect(fieldErrorsShown()).toEqual({
      'Due date': 'The 2024 plan was rolled forward and is kept as history: choose a date in a later year.',
    })
    expect(show.value).toBe(true)
    expect(saved).toEqual([])
  })

  it('saves on Enter in the title, but not while an IME is composing', async () => {
    await open({ accountId: 'acc1' })
    const input = await typeInto('action-title', '拜访')
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, isComposing: true }))
    await settle()
    expect(save).not.toHaveBeenCalled()
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('offers to load the latest version after a conflict', async () => {
    save.mockRejectedValue({ code: 'conflict', rule: 'stale_rev', params: { kind: 'action' }, message: 'stale' })
    vi.mocked(actions.forAccount).mockResolvedValue([
      { ...action({ id: 'A1', rev: 9, title: '别处改过的标题' }), accountName: '华东', planYear: 0 },
    ])
    await open({ action: action({ id: 'A1', rev: 4, title: '旧标题' }), accountId: 'acc1' })
    await click('[data-testid="action-save"]')
    expect($('[data-testid="form-conflict"]')!.textContent).toContain('Someone else changed this action')
    await click('[data-testid="form-reload"]')
    expect($<HTMLInputElement>('[data-testid="action-title"]')!.value).toBe('别处改过的标题')
    save.mockReset().mockImplementation(async (a) => a)
    await click('[data-testid="action-save"]')
    expect(save.mock.calls[0]![0]).toMatchObject({ id: 'A1', rev: 9 })
  })

  it('shows a read-only action without a save button', async () => {
    await open({ action: action({ id: 'A1', title: '只读' }), accountId: 'acc1', readonly: true })
    expect($('[data-testid="action-save"]')).toBeNull()
    expect($<HTMLInputElement>('[data-testid="action-title"]')!.disabled).toBe(true)
  })
})
