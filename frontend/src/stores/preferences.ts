// Interface language, theme and whose actions "My actions" shows: applied at
// once, remembered through the Go settings service, mirrored in localStorage
// so the first paint (and the first badge count) is right.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { settings } from '@/api/services'
import type { ApiError, Preferences } from '@/api/types'
import { toApiError } from '@/api/errors'
import { setI18nLocale, systemLocale, type Locale } from '@/i18n'

const CACHE_KEY = 'keystone.preferences'

function readCache(): Preferences | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY)
    if (!raw) return null
    const p = JSON.parse(raw) as Partial<Preferences>
    return normalize(p)
  } catch {
    return null
  }
}

function writeCache(p: Preferences): void {
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify({ language: p.language, theme: p.theme, owner: p.owner }))
  } catch {
    // private mode or quota: the server copy still holds the preference
  }
}

function normalize(p: Partial<Preferences> | null | undefined): Preferences {
  const language = p?.language === 'en' || p?.language === 'zh-CN' ? p.language : ''
  const theme = p?.theme === 'light' || p?.theme === 'dark' ? p.theme : 'system'
  const owner = typeof p?.owner === 'string' ? p.owner.trim() : ''
  return { language, theme, owner }
}

function mediaDark(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null
}

export const usePreferencesStore = defineStore('preferences', () => {
  const cached = readCache()
  const language = ref<Preferences['language']>(cached?.language ?? '')
  const theme = ref<Preferences['theme']>(cached?.theme ?? 'system')
  const owner = ref(cached?.owner ?? '')
  /** Whatever else the server keeps on the record (id, rev, …): sent back unchanged. */
  let serverRecord: Record<string, unknown> = {}
  const loaded = ref(false)
  const error = ref<ApiError | null>(null)

  const mq = mediaDark()
  const systemDark = ref(mq?.matches ?? false)
  mq?.addEventListener?.('change', (e) => { systemDark.value = e.matches })

  const locale = computed<Locale>(() => language.value || systemLocale())
  const dark = computed(() => theme.value === 'dark' || (theme.value === 'system' && systemDark.value))

  function apply(): void {
    setI18nLocale(locale.value)
    if (typeof document !== 'undefined') {
      document.documentElement.dataset.theme = dark.value ? 'dark' : 'light'
      document.documentElement.style.colorScheme = dark.value ? 'dark' : 'light'
    }
  }

  async function load(): Promise<void> {
    try {
      const p = await settings.preferences()
      serverRecord = { ...(p as unknown as Record<string, unknown>) }
      const n = normalize(p)
      language.value = n.language
      theme.value = n.theme
      owner.value = n.owner
      writeCache(n)
      error.value = null
    } catch (e) {
      // Keep the cached or OS defaults; the app stays usable.
      error.value = toApiError(e)
    } finally {
      loaded.value = true
      apply()
    }
  }

  async function save(): Promise<void> {
    const p: Preferences = { language: language.value, theme: theme.value, owner: owner.value }
    writeCache(p)
    try {
      const saved = await settings.savePreferences({ ...serverRecord, ...p } as Preferences)
      serverRecord = { ...(saved as unknown as Record<string, unknown>) }
      error.value = null
    } catch (e) {
      error.value = toApiError(e)
      throw error.value
    }
  }

  /** Applies at once, then saves; a failed save keeps the choice for this session. */
  async function setLanguage(l: Preferences['language']): Promise<void> {
    language.value = l
    apply()
    await save()
  }

  async function setTheme(t: Preferences['theme']): Promise<void> {
    theme.value = t
    apply()
    await save()
  }

  async function toggleTheme(): Promise<void> {
    await setTheme(dark.value ? 'light' : 'dark')
  }

  /** Whose actions "My actions" and the badge show ("" = everyone's); kept for the session if saving fails. */
  async function setOwner(o: string): Promise<void> {
    owner.value = o.trim()
    await save()
  }

  apply()

  return { language, theme, owner, locale, dark, loaded, error, load, setLanguage, setTheme, toggleTheme, setOwner, apply }
})
