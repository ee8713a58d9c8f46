// vue-i18n set-up. Messages are merged from one module per area and language
// (src/locales/<lang>/<area>.ts, each default-exporting `{ <area>: {...} }`),
// so areas can be added without touching this file.
import { createI18n } from 'vue-i18n'

export type Locale = 'en' | 'zh-CN'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

type Messages = Record<string, unknown>
type Module = { default: Messages }

const en = import.meta.glob<Module>('../locales/en/*.ts', { eager: true })
const zh = import.meta.glob<Module>('../locales/zh-CN/*.ts', { eager: true })

function merge(modules: Record<string, Module>): Messages {
  const out: Messages = {}
  for (const path of Object.keys(modules).sort()) {
    Object.assign(out, modules[path]?.default ?? {})
  }
  return out
}

export const messages: Record<Locale, Messages> = {
  en: merge(en),
  'zh-CN': merge(zh),
}

/** The OS/browser language mapped onto the two UI languages. */
export function systemLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  const first = languages.find(Boolean) ?? 'en'
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: systemLocale(),
  fallbackLocale: 'en',
  messages: messages as never,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

export function setI18nLocale(l: Locale): void {
  i18n.global.locale.value = l
  document.documentElement.lang = l
}
