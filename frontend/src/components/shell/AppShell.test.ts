import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import type { ActionCounts } from '@/api/types'
import AppShell from './AppShell.vue'

vi.mock('@/api/services', () => ({
  actions: { counts: vi.fn() },
  settings: { preferences: vi.fn(), savePreferences: vi.fn() },
}))
const { actions } = await import('@/api/services')
const counts = vi.mocked(actions.counts)

let wrapper: VueWrapper | null = null

async function mountShell(answer: ActionCounts, locale: 'en' | 'zh-CN' = 'en') {
  localStorage.setItem('keystone.preferences', JSON.stringify({ language: locale, theme: 'light', owner: '王磊' }))
  counts.mockResolvedValue(answer)
  const blank = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accounts', component: blank, meta: { nav: 'accounts' } },
      { path: '/actions', component: blank, meta: { nav: 'actions' } },
      { path: '/settings', component: blank, meta: { nav: 'settings' } },
    ],
  })
  await router.push('/accounts')
  const pinia = createPinia()
  setActivePinia(pinia)
  const Host = defineComponent(() => () => h(NMessageProvider, null, { default: () => h(AppShell) }))
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, i18n, router] } })
  await flushPromises()
  return router
}

const badge = () => document.querySelector<HTMLElement>('[data-testid="nav-actions-badge"]')
const navLabels = () => [...document.querySelectorAll('.n-menu-item-content-header')].map((e) => e.textContent?.trim())

describe('AppShell navigation', () => {
  beforeEach(() => {
    localStorage.clear()
    counts.mockReset()
  })

  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('lists the areas from Accounts to Settings', async () => {
    await mountShell({ open: 0, overdue: 0, thisWeek: 0, later: 0, noDate: 0, closed: 0 }, 'zh-CN')
    expect(document.querySelector('[data-testid="nav-actions"]')!.textContent).toContain('行动')
    expect(navLabels()).toEqual(['仪表盘', '客户', '行动', '客户组合', '商机管道', '赢单/丢单分析', '客户保留', '全球大客户项目', '客户评审', '设置'])
  })

  it('counts the owner’s actions due this week or overdue, in red when any are overdue', async () => {
    await mountShell({ open: 9, overdue: 2, thisWeek: 3, later: 0, noDate: 0, closed: 0 })
    expect(counts).toHaveBeenCalledWith('王磊')
    expect(badge()!.textContent).toBe('5')
    expect(badge()!.dataset.overdue).toBe('true')
    expect(badge()!.getAttribute('title')).toBe('5 actions due this week or overdue')
  })

  it('shows a calm badge when nothing is overdue, and none when nothing is due', async () => {
    const router = await mountShell({ open: 9, overdue: 0, thisWeek: 3, later: 0, noDate: 0, closed: 0 })
    expect(badge()!.textContent).toBe('3')
    expect(badge()!.dataset.overdue).toBe('false')
    counts.mockResolvedValue({ open: 6, overdue: 0, thisWeek: 0, later: 0, noDate: 0, closed: 0 })
    await router.push('/actions')
    await flushPromises()
    expect(badge()).toBeNull()
  })

  it('recounts on every route change', async () => {
    const router = await mountShell({ open: 1, overdue: 1, thisWeek: 0, later: 0, noDate: 0, closed: 0 })
    const before = counts.mock.calls.length
    counts.mockResolvedValue({ open: 3, overdue: 1, thisWeek: 2, later: 0, noDate: 0, closed: 0 })
    await router.push('/settings')
    await flushPromises()
    expect(counts.mock.calls.length).toBe(before + 1)
    expect(badge()!.textContent).toBe('3')
  })
})
