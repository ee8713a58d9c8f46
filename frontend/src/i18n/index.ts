// vue-i18n set-up. Messages are merged from one module per area and language
// (src/locales/<lang>/<area>.ts, each default-exporting `{ <area>: {...} }`),
// so areas can be added without touching this file. Modules merge deeply: an
// area may add its own error rules and kinds in a module of its own
// (e.g. errors-winloss.ts exporting { errors: { ... } }).
import { createI18n } from 'vue-i18n'

export type Locale = 'en' | 'zh-CN'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

type Messages = Record<string, unknown>
type Module = { default: Messages }

const en = import.meta.glob<Module>('../locales/en/*.ts', { eager: true })
const zh = import.meta.glob<Module>('../locales/zh-CN/*.ts', { eager: true })

const isPlain = (v: unknown): v is Messages => typeof v === 'object' && v !== null && !Array.isArray(v)

function deepMerge(into: Messages, from: Messages): void {
  for (const [k, v] of Object.entries(from)) {
    const have = into[k]
    if (isPlain(have) && isPlain(v)) deepMerge(have, v)
    else into[k] = isPlain(v) ? structuredClone(v) : v
  }
}

function merge(modules: Record<string, Module>): Messages {
  const out: Messages = {}
  for (const path of Object.keys(modules).sort()) {
    deepMerge(out, modules[path]?.default ?? {})
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
