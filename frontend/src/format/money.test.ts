import { describe, expect, it } from 'vitest'
import { currencyDigits, formatMoney, minorToDecimal, parseMoney } from './money'

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('money', () => {
  it('knows the minor digits of currencies', () => {
    expect(currencyDigits('CNY')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('KWD')).toBe(3)
    expect(currencyDigits('usd')).toBe(2)
  })

  it('turns minor units into exact decimal text', () => {
    expect(minorToDecimal(123456, 2)).toBe('1234.56')
    expect(minorToDecimal(-5, 2)).toBe('-0.05')
    expect(minorToDecimal(7, 0)).toBe('7')
    expect(minorToDecimal(9007199254740991, 2)).toBe('90071992547409.91')
  })

  it('formats in major units for the locale', () => {
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56')
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56')
    expect(formatMoney(123456, 'JPY', 'en')).toBe('¥123,456')
    expect(formatMoney(123456, 'CNY', 'en')).toBe('CN¥1,234.56')
    expect(formatMoney(123456, 'CNY', 'zh-CN', { whole: true })).toBe('¥1,235')
    expect(formatMoney(-2550, 'EUR', 'en')).toBe('-€25.50')
    // a large amount stays exact: no binary rounding on the way
    expect(formatMoney(9007199254740991, 'CNY', 'en', { plain: true })).toBe('90,071,992,547,409.91')
    expect(nbsp(formatMoney(1_234_500_000, 'CNY', 'zh-CN', { compact: true }))).toBe('¥1234.5万')
  })

  it('parses what users type into minor units', () => {
    expect(parseMoney('1,234.56', 'CNY')).toEqual({ ok: true, minor: 123456 })
    expect(parseMoney(' ¥ 1234.5 ', 'CNY')).toEqual({ ok: true, minor: 123450 })
    expect(parseMoney('１２３．４', 'CNY')).toEqual({ ok: true, minor: 12340 })
    expect(parseMoney('12.5万', 'CNY')).toEqual({ ok: true, minor: 12500000 })
    expect(parseMoney('3亿', 'CNY')).toEqual({ ok: true, minor: 30000000000 })
    expect(parseMoney('-20', 'USD')).toEqual({ ok: true, minor: -2000 })
    expect(parseMoney('500', 'JPY')).toEqual({ ok: true, minor: 500 })
    expect(parseMoney('100 CNY', 'CNY')).toEqual({ ok: true, minor: 10000 })
    expect(parseMoney('0.1', 'CNY')).toEqual({ ok: true, minor: 10 })
    expect(parseMoney('-¥20', 'CNY')).toEqual({ ok: true, minor: -2000 })
    expect(parseMoney('US$1,000', 'USD')).toEqual({ ok: true, minor: 100000 })
    expect(parseMoney('8000元', 'CNY')).toEqual({ ok: true, minor: 800000 })
    expect(parseMoney('1.10', 'CNY')).toEqual({ ok: true, minor: 110 })
  })

  it('refuses input it cannot take exactly', () => {
    expect(parseMoney('', 'CNY')).toEqual({ ok: false, reason: 'empty' })
    expect(parseMoney('abc', 'CNY')).toEqual({ ok: false, reason: 'invalid' })
    expect(parseMoney('1.2.3', 'CNY')).toEqual({ ok: false, reason: 'invalid' })
    expect(parseMoney('12abc', 'CNY')).toEqual({ ok: false, reason: 'invalid' })
    expect(parseMoney('--5', 'CNY')).toEqual({ ok: false, reason: 'invalid' })
    expect(parseMoney('1.234', 'CNY')).toEqual({ ok: false, reason: 'too_precise' })
    expect(parseMoney('1.5', 'JPY')).toEqual({ ok: false, reason: 'too_precise' })
    expect(parseMoney('99999999999999999', 'CNY')).toEqual({ ok: false, reason: 'too_large' })
  })

  it('round-trips formatted amounts', () => {
    for (const minor of [0, 1, 99, 100, 123456789, -4200]) {
      const text = formatMoney(minor, 'CNY', 'zh-CN')
      expect(parseMoney(text, 'CNY')).toEqual({ ok: true, minor })
    }
  })
})
