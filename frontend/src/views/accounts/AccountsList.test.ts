import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import AccountsList from './AccountsList.vue'
import { i18n } from '@/i18n'
import { account, emptyList, fakeServer } from '@/test/fakeServer'

let wrapper: VueWrapper | null = null

async function mountList(path = '/accounts') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accounts', component: AccountsList },
      { path: '/accounts/:id', component: { render: () => null } },
    ],
  })
  await router.push(path)
  const Harness = defineComponent(() => () =>
    h(NDialogProvider, null, { default: () => h(NMessageProvider, null, { default: () => h(AccountsList) }) }))
  wrapper = mount(Harness, { attachTo: document.body, global: { plugins: [createPinia(), i18n, router] } })
  await flushPromises()
  await nextTick()
  return router
}

const row = (over = {}) => ({ ...account(over), latestYear: 2024, latestRevenue: 128650000, contactCount: 14, lastActivity: '' })

describe('AccountsList', () => {
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('welcomes a new user and loads the sample portfolio', async () => {
    i18n.global.locale.value = 'en'
    let loaded = false
    const server = fakeServer({
      'DataService.Info': () => ({ version: 'dev', schemaVersion: 1, dataDir: '/tmp/x', accounts: loaded ? 1 : 0, empty: !loaded }),
      'DataService.LoadSample': () => { loaded = true; return { accounts: 24, contacts: 200, activities: 1500, figures: 72 } },
      'AccountService.List': () => loaded ? { ...emptyList(), rows: [row()], total: 1 } : emptyList(),
    })
    await mountList()
    expect(document.querySelector('[data-testid="first-run"]')).not.toBeNull()
    expect(document.querySelectorAll('[data-testid="new-account"]')).toHaveLength(1)
    document.querySelector<HTMLButtonElement>('[data-testid="load-sample"]')!.click()
    await flushPromises()
    await nextTick()
    expect(server.calls('DataService', 'LoadSample')).toHaveLength(1)
    expect(document.querySelector('[data-testid="first-run"]')).toBeNull()
    expect(document.body.textContent).toContain('Sample portfolio loaded: 24 accounts, 200 contacts, 1,500 activities and 72 yearly figures.')
    const rows = document.querySelectorAll('[data-testid="account-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0]?.textContent).toContain('华东化工集团')
    expect(rows[0]?.textContent).toContain('CN¥1,286,500')
  })

  it('opens an account when its row is clicked', async () => {
    i18n.global.locale.value = 'zh-CN'
    fakeServer({
      'DataService.Info': () => ({ version: 'dev', schemaVersion: 1, dataDir: '/tmp/x', accounts: 1, empty: false }),
      'AccountService.List': () => ({ ...emptyList(), rows: [row({ id: 'ACC1', country: 'DE' })], total: 1 }),
    })
    const router = await mountList()
    const tr = document.querySelector<HTMLElement>('[data-testid="account-row"]')!
    expect(tr.textContent).toContain('德国')
    expect(tr.textContent).toContain('¥1,286,500')
    tr.click()
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/accounts/ACC1')
  })

  it('opens the new-account form when asked to by the address (?new=1), then drops the ask', async () => {
    i18n.global.locale.value = 'en'
    fakeServer({
      'DataService.Info': () => ({ version: 'dev', schemaVersion: 1, dataDir: '/tmp/x', accounts: 0, empty: true }),
      'AccountService.List': () => emptyList(),
    })
    const router = await mountList('/accounts?new=1')
    await flushPromises()
    expect(document.querySelector('[data-testid="account-name"]')).not.toBeNull()
    expect(router.currentRoute.value.fullPath).toBe('/accounts')
  })
})
