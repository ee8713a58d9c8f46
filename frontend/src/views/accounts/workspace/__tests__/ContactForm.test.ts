import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import type { Contact } from '@/api/types'
import ContactForm from '../ContactForm.vue'
import { $, click, contact, fieldErrorsShown, mountIn, settle, typeInto } from './harness'

vi.mock('@/api/services', () => ({
  accounts: { saveContact: vi.fn() },
}))
const { accounts } = await import('@/api/services')
const saveContact = vi.mocked(accounts.saveContact)

const chain = [
  contact({ id: 'ceo', name: '陈总', title: '总经理' }),
  contact({ id: 'cpo', name: '李采购', reportsTo: 'ceo', buyingRole: 'economic', relationshipLevel: 3 }),
  contact({ id: 'eng', name: '王工', reportsTo: 'cpo' }),
]

let wrapper: VueWrapper | null = null

async function open(c: Contact | null, locale: 'en' | 'zh-CN' = 'en') {
  const events = { saved: [] as Contact[], reload: 0 }
  wrapper = mountIn(
    ContactForm,
    {
      show: true,
      accountId: 'acc1',
      contact: c,
      contacts: chain,
      onSaved: (x: Contact) => events.saved.push(x),
      onReload: () => { events.reload++ },
    },
    { locale },
  )
  await settle()
  return events
}

/**
 * The options the reports-to select was given. (Naive's menu inside a drawer
 * does not render under happy-dom, so read them off the real select.)
 */
function reportsToOptions(): { label: string; value: string; disabled?: boolean }[] {
  const select = wrapper!.findAllComponents(NSelect).find((s) => s.attributes('data-testid') === 'contact-reports-to')
  if (!select) throw new Error('no reports-to select')
  return select.props('options') as never
}

describe('ContactForm', () => {
  beforeEach(() => {
    saveContact.mockReset()
    saveContact.mockImplementation(async (c) => ({ ...c, id: c.id || 'new', rev: c.rev + 1 }))
  })

  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('offers the other contacts as reports-to, never the contact itself, and blocks a loop', async () => {
    await open(chain[1]!)
    const options = reportsToOptions()
    expect(options.map((o) => o.value).sort()).toEqual(['ceo', 'eng'])
    expect(options.find((o) => o.value === 'ceo')).toMatchObject({ label: '陈总 · 总经理', disabled: false })
    // 王工 reports to 李采购: choosing him would close a loop
    expect(options.find((o) => o.value === 'eng')).toMatchObject({ label: '王工 (reports to this person)', disabled: true })
  })

  it('lets a new contact report to anyone', async () => {
    await open(null)
    expect(reportsToOptions().map((o) => o.value).sort()).toEqual(['ceo', 'cpo', 'eng'])
  })

  it('shows the server’s cycle rule next to reports-to', async () => {
    saveContact.mockRejectedValueOnce({
      code: 'invalid', field: 'reportsTo', rule: 'cycle', message: 'reportsTo would create a cycle',
      issues: [{ field: 'reportsTo', rule: 'cycle', message: 'reportsTo would create a cycle' }],
    })
    const events = await open(chain[0]!)
    await click('[data-testid="contact-save"]')
    expect(fieldErrorsShown()).toEqual({
      'Reports to': 'Reports to would create a loop: the chain would lead back to itself.',
    })
    expect(events.saved).toHaveLength(0)
  })

  it('says the server’s rule in Chinese for Chinese users', async () => {
    saveContact.mockRejectedValueOnce({
      code: 'invalid', field: 'birthday', rule: 'invalid_birthday', message: 'birthday must be MM-DD',
    })
    await open(chain[0]!, 'zh-CN')
    await click('[data-testid="contact-save"]')
    expect(fieldErrorsShown()['生日（月-日）']).toBe('生日（月-日）须为“月-日”格式（MM-DD）。')
  })

  it('needs a name and saves a new contact with Enter from the name field', async () => {
    const events = await open(null)
    await click('[data-testid="contact-save"]')
    expect(saveContact).not.toHaveBeenCalled()
    expect(fieldErrorsShown()['Name']).toBe('Name is required.')

    const input = await typeInto('contact-name', '  周静 ')
    // Enter that confirms an IME candidate must not submit
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, isComposing: true }))
    await settle()
    expect(saveContact).not.toHaveBeenCalled()

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    expect(saveContact).toHaveBeenCalledTimes(1)
    expect(saveContact.mock.calls[0]![0]).toMatchObject({ id: '', accountId: 'acc1', name: '周静', reportsTo: '' })
    expect(events.saved.map((c) => c.name)).toEqual(['周静'])
  })

  it('checks the birthday is a month and day', async () => {
    await open(chain[0]!)
    await typeInto('contact-birthday', '02-30')
    await click('[data-testid="contact-save"]')
    expect(saveContact).not.toHaveBeenCalled()
    expect(fieldErrorsShown()['Birthday (MM-DD)']).toBe('Birthday (MM-DD) must be a month and day (MM-DD).')
  })

  it('asks to reload when the contact changed elsewhere', async () => {
    saveContact.mockRejectedValueOnce({ code: 'conflict', rule: 'stale_rev', params: { kind: 'contact' }, message: 'stale' })
    const events = await open(chain[1]!)
    await click('[data-testid="contact-save"]')
    expect(document.body.textContent).toContain('Someone else changed this contact in the meantime')
    await click('[data-testid="form-reload"]')
    expect(events.reload).toBe(1)
  })

  it('sends an edited contact back with its id and rev', async () => {
    await open(chain[1]!)
    expect($<HTMLInputElement>('[data-testid="contact-name"]')!.value).toBe('李采购')
    await typeInto('contact-name', '李明')
    await click('[data-testid="contact-save"]')
    expect(saveContact.mock.calls[0]![0]).toMatchObject({
      id: 'cpo', rev: 1, name: '李明', reportsTo: 'ceo', buyingRole: 'economic', relationshipLevel: 3,
    })
  })

  it('sets the role in the decision from its selects, and clears back to none', async () => {
    await open(chain[1]!)
    const selects = wrapper!.findAllComponents(NSelect)
    const byValue = (v: unknown) => selects.find((x) => x.props('value') === v)!
    byValue('economic').vm.$emit('update:value', 'technical')
    byValue(3).vm.$emit('update:value', null)
    await settle()
    await click('[data-testid="contact-save"]')
    expect(saveContact.mock.calls[0]![0]).toMatchObject({ buyingRole: 'technical', relationshipLevel: 0 })
  })
})
