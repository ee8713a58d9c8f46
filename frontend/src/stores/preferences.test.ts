import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { usePreferencesStore } from './preferences'
import { i18n } from '@/i18n'
import { fakeServer, HttpReply } from '@/test/fakeServer'

describe('preferences store', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('applies the saved language and theme', async () => {
    fakeServer({ 'SettingsService.Preferences': () => ({ id: 'p', rev: 3, language: 'zh-CN', theme: 'dark' }) })
    const prefs = usePreferencesStore()
    await prefs.load()
    expect(prefs.locale).toBe('zh-CN')
    expect(prefs.dark).toBe(true)
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it('follows the browser language when none is saved', async () => {
    fakeServer({ 'SettingsService.Preferences': () => ({ language: '', theme: 'system' }) })
    const prefs = usePreferencesStore()
    await prefs.load()
    const expected = navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
    expect(prefs.locale).toBe(expected)
  })

  it('switches at once and saves the whole record back', async () => {
    const server = fakeServer({
      'SettingsService.Preferences': () => ({ id: 'p', rev: 3, language: 'en', theme: 'light' }),
      'SettingsService.SavePreferences': ([p]) => ({ ...(p as object), rev: 4 }),
    })
    const prefs = usePreferencesStore()
    await prefs.load()
    const saving = prefs.setLanguage('zh-CN')
    expect(i18n.global.locale.value).toBe('zh-CN') // before the save answers
    await saving
    await prefs.toggleTheme()
    expect(server.calls('SettingsService', 'SavePreferences')).toEqual([
      [{ id: 'p', rev: 3, language: 'zh-CN', theme: 'light', owner: '' }],
      [{ id: 'p', rev: 4, language: 'zh-CN', theme: 'dark', owner: '' }],
    ])
    // remembered for the next start's first paint
    expect(JSON.parse(localStorage.getItem('keystone.preferences')!)).toEqual({ language: 'zh-CN', theme: 'dark', owner: '' })
  })

  it('loads and saves whose actions to show, keeping the rest of the record', async () => {
    const server = fakeServer({
      'SettingsService.Preferences': () => ({ id: 'p', rev: 7, language: 'zh-CN', theme: 'dark', owner: '王磊' }),
      'SettingsService.SavePreferences': ([p]) => ({ ...(p as object), rev: 8 }),
    })
    const prefs = usePreferencesStore()
    await prefs.load()
    expect(prefs.owner).toBe('王磊')
    await prefs.setOwner('  李娜 ')
    expect(prefs.owner).toBe('李娜')
    await prefs.setOwner('')
    expect(server.calls('SettingsService', 'SavePreferences')).toEqual([
      [{ id: 'p', rev: 7, language: 'zh-CN', theme: 'dark', owner: '李娜' }],
      [{ id: 'p', rev: 8, language: 'zh-CN', theme: 'dark', owner: '' }],
    ])
    // a new store (next start) begins with the cached owner before the server answers
    setActivePinia(createPinia())
    expect(usePreferencesStore().owner).toBe('')
  })

  it('starts with the cached owner so the first badge count is for the right person', () => {
    localStorage.setItem('keystone.preferences', JSON.stringify({ language: 'en', theme: 'light', owner: '王磊' }))
    expect(usePreferencesStore().owner).toBe('王磊')
  })

  it('keeps the choice for the session when saving fails, and says why', async () => {
    fakeServer({
      'SettingsService.Preferences': () => ({ language: 'en', theme: 'light' }),
      'SettingsService.SavePreferences': () => new HttpReply(409, { code: 'locked', message: 'locked' }),
    })
    const prefs = usePreferencesStore()
    await prefs.load()
    await expect(prefs.setTheme('dark')).rejects.toMatchObject({ code: 'locked', rule: 'locked' })
    expect(prefs.dark).toBe(true)
    expect(prefs.error?.code).toBe('locked')
  })

  it('starts from cached preferences when the service is unreachable', async () => {
    localStorage.setItem('keystone.preferences', JSON.stringify({ language: 'zh-CN', theme: 'dark' }))
    fakeServer({})
    const prefs = usePreferencesStore()
    await prefs.load()
    expect(prefs.locale).toBe('zh-CN')
    expect(prefs.theme).toBe('dark')
    expect(prefs.loaded).toBe(true)
  })
})
