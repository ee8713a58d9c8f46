// Value lists of the account fields (the Go core's enums), with labels in the UI language.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { SelectOption } from 'naive-ui'
import { COMMON_CURRENCIES, COUNTRY_CODES, countryName, currencyName } from '@/format'

export const INDUSTRIES = [
  'industrial', 'chemical', 'electronics', 'logistics', 'automotive', 'energy',
  'healthcare', 'food', 'technology', 'construction', 'retail', 'other',
] as const

export const SEGMENTS = ['enterprise', 'large', 'mid_market', 'public_sector'] as const

/** Regions our users deal with most, listed before the alphabetical rest. */
const FIRST_COUNTRIES = ['CN', 'HK', 'MO', 'TW', 'US', 'DE', 'JP', 'KR', 'SG', 'GB']

export function useAccountOptions() {
  const { t, te, locale } = useI18n()

  const industryLabel = (v: string) => (v && te(`accounts.industry.${v}`) ? t(`accounts.industry.${v}`) : v)
  const segmentLabel = (v: string) => (v && te(`accounts.segment.${v}`) ? t(`accounts.segment.${v}`) : v)

  const industryOptions = computed<SelectOption[]>(() =>
    INDUSTRIES.map((v) => ({ value: v, label: industryLabel(v) })))
  const segmentOptions = computed<SelectOption[]>(() =>
    SEGMENTS.map((v) => ({ value: v, label: segmentLabel(v) })))

  const countryOptions = computed<SelectOption[]>(() => {
    const loc = String(locale.value)
    const collator = new Intl.Collator(loc)
    const named = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, loc) }))
    const first = FIRST_COUNTRIES.map((c) => named.find((o) => o.value === c)).filter((o) => !!o)
    const rest = named.filter((o) => !FIRST_COUNTRIES.includes(o.value))
      .sort((a, b) => collator.compare(a.label, b.label))
    return [...first, ...rest]
  })

  function currencyOptions(extra?: string): SelectOption[] {
    const loc = String(locale.value)
    const codes: string[] = [...COMMON_CURRENCIES]
    if (extra && !codes.includes(extra)) codes.push(extra)
    return codes.map((c) => ({ value: c, label: `${c} · ${currencyName(c, loc)}` }))
  }

  return { industryLabel, segmentLabel, industryOptions, segmentOptions, countryOptions, currencyOptions }
}

/** Matches an option by its label or value, case-insensitive (codes like "cn" or "usd" work too). */
export function matchOption(pattern: string, option: SelectOption): boolean {
  const p = pattern.trim().toLowerCase()
  if (!p) return true
  return String(option.label ?? '').toLowerCase().includes(p) || String(option.value ?? '').toLowerCase().includes(p)
}
