import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { NMessageProvider } from 'naive-ui'
import AccountForm from './AccountForm.vue'
import { i18n } from '@/i18n'
import { account, emptyList, fakeServer, HttpReply, type FakeServer } from '@/test/fakeServer'
import type { Account } from '@/api/types'

let wrapper: VueWrapper | null = null
let router: Router

async function open(a: Account | null) {
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accounts', component: { render: () => null } },
      { path: '/accounts/:id', component: { render: () => null } },
    ],
  })
  await router.push('/accounts')
  const saved: Account[] = []
  const show = ref(true)
  const Harness = defineComponent(() => () =>
    h(NMessageProvider, null, {
      default: () => h(AccountForm, {
        account: a,
        show: show.value,
        'onUpdate:show': (v: boolean) => { show.value = v },
        onSaved: (x: Account) => saved.push(x),
      }),
    }))
  wrapper = mount(Harness, { attachTo: document.body, global: { plugins: [createPinia(), i18n, router] } })
  await flushPromises()
  await nextTick()
  return { saved, show }
}

const $ = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

async function type(testId: string, value: string) {
  const input = $<HTMLInputElement>(`[data-testid="${testId}"] input`)!
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await nextTick()
}

async function clickSave() {
  $<HTMLButtonElement>('[data-testid="account-save"]')!.click()
  await flushPromises()
  await nextTick()
}

/** Label → feedback text of every form item. */
function feedback(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of document.body.querySelectorAll('.n-form-item')) {
    const label = item.querySelector('.n-form-item-label__text')?.textContent?.trim() ?? ''
    const fb = item.querySelector('.n-form-item-feedback-wrapper')?.textContent?.trim() ?? ''
    const error = item.querySelector('.n-form-item-feedback--error') !== null
    if (error) out[label] = fb
  }
  return out
}

let server: FakeServer

describe('AccountForm', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'en'
    server = fakeServer({
      'AccountService.List': () => ({ ...emptyList(), rows: [], owners: ['王磊', 'Li Na'] }),
      'AccountService.Create': ([a]) => ({ ...(a as Account), id: '01HZNEW0000000000000000000', rev: 1 }),
      'AccountService.Update': ([a]) => ({ ...(a as Account), rev: (a as Account).rev + 1 }),
    })
  })

  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('shows server validation errors next to their fields', async () => {
    server.handlers['AccountService.Create'] = () => new HttpReply(400, {
      code: 'invalid', field: 'name', rule: 'too_long', params: { max: 120, len: 131 }, message: 'too long',
      issues: [
        { field: 'name', rule: 'too_long', params: { max: 120, len: 131 }, message: 'too long' },
        { field: 'country', rule: 'invalid_country', params: { value: 'XX' }, message: 'bad' },
        { field: 'parentId', rule: 'cycle', message: 'loop' },
        { field: 'tags[0]', rule: 'too_long', params: { max: 80, len: 81 }, message: 'tag' },
      ],
    })
    await open(null)
    await type('account-name', 'Acme')
    await clickSave()
    expect(feedback()).toEqual({
      'Account name': 'Account name is too long: 131 characters, at most 120.',
      'Country/region': 'Country/region is not a valid country or region code.',
      'Parent account': 'Parent account would create a loop: the chain would lead back to itself.',
      Tags: 'Tags is too long: 81 characters, at most 80.',
    })
    // Editing a field clears its message only.
    await type('account-name', 'Acme Ltd')
    expect(Object.keys(feedback())).toEqual(['Country/region', 'Parent account', 'Tags'])
  })

  it('shows errors that belong to no field above the form, in Chinese too', async () => {
    i18n.global.locale.value = 'zh-CN'
    server.handlers['AccountService.Update'] = () =>
      new HttpReply(409, { code: 'conflict', rule: 'stale_rev', params: { kind: 'account' }, message: 'changed' })
    await open(account())
    await clickSave()
    expect($('[data-testid="form-error"]')?.textContent).toContain('该客户已被他人修改')
    expect(feedback()).toEqual({})
  })

  it('refuses an empty name without asking the server', async () => {
    await open(null)
    await type('account-name', '   ')
    await clickSave()
    expect(feedback()).toEqual({ 'Account name': 'Account name is required.' })
    expect(server.calls('AccountService', 'Create')).toEqual([])
  })

  it('creates with an empty id and rev 0, then opens the new account', async () => {
    const { saved, show } = await open(null)
    await type('account-name', '  华东化工集团 ')
    await type('account-legal-name', '华东化工集团有限公司')
    await clickSave()
    const [[sent]] = server.calls('AccountService', 'Create') as [[Account]]
    expect(sent).toMatchObject({
      id: '', rev: 0, name: '华东化工集团', legalName: '华东化工集团有限公司', country: 'CN', currency: 'CNY',
      industry: '', segment: '', parentId: '', tags: [],
    })
    expect(saved.map((a) => a.id)).toEqual(['01HZNEW0000000000000000000'])
    expect(show.value).toBe(false)
    expect(router.currentRoute.value.fullPath).toBe('/accounts/01HZNEW0000000000000000000')
  })

  it('submits on Enter', async () => {
    await open(null)
    await type('account-name', 'Acme')
    $('[data-testid="account-name"] input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await flushPromises()
    expect(server.calls('AccountService', 'Create')).toHaveLength(1)
  })

  it('updates only the account fields of a list row, keeping id and rev', async () => {
    const row = { ...account({ rev: 5, tags: ['战略'] }), latestYear: 2024, latestRevenue: 1, contactCount: 3, lastActivity: '' }
    const { saved } = await open(row)
    expect($<HTMLInputElement>('[data-testid="account-name"] input')!.value).toBe('华东化工集团')
    await type('account-name', '华东化工')
    await clickSave()
    const [[sent]] = server.calls('AccountService', 'Update') as [[Record<string, unknown>]]
    expect(sent).toMatchObject({ id: row.id, rev: 5, name: '华东化工', tags: ['战略'] })
    expect(Object.keys(sent)).not.toContain('latestRevenue')
    expect(saved[0]?.rev).toBe(6)
    expect(router.currentRoute.value.fullPath).toBe('/accounts') // editing stays where it is
  })
})
