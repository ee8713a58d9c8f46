// The format helpers bound to the current UI language, for templates.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatMoney, type MoneyFormatOptions } from './money'
import { formatDate, formatRelative, formatTimestamp, type DateStyle } from './date'
import { countryName, currencyName } from './region'

export function useFormat() {
  const { locale } = useI18n()
  const loc = computed(() => String(locale.value))
  return {
    locale: loc,
    money: (minor: number, currency: string, o?: MoneyFormatOptions) => formatMoney(minor, currency, loc.value, o),
    date: (s: string, style?: DateStyle) => formatDate(s, loc.value, style),
    relative: (s: string, todayStr?: string) => formatRelative(s, loc.value, todayStr),
    timestamp: (iso: string) => formatTimestamp(iso, loc.value),
    country: (code: string) => countryName(code, loc.value),
    currency: (code: string) => currencyName(code, loc.value),
    number: (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat(loc.value, o).format(n),
    // "A, B, C" in English, "A、B、C" in Chinese
    list: (items: string[]) => new Intl.ListFormat(loc.value, { style: 'narrow', type: 'conjunction' }).format(items),
  }
}
