import { afterEach, describe, expect, it } from 'vitest'
import {
  addDays, dateToTimestamp, daysBetween, formatDate, formatRelative, isDateString, timestampToDate, today,
} from './date'

const originalTZ = process.env.TZ

describe('dates', () => {
  afterEach(() => {
    process.env.TZ = originalTZ
  })

  it('validates calendar dates', () => {
    expect(isDateString('2024-02-29')).toBe(true)
    expect(isDateString('2023-02-29')).toBe(false)
    expect(isDateString('2024-13-01')).toBe(false)
    expect(isDateString('2024-1-1')).toBe(false)
    expect(isDateString('')).toBe(false)
  })

  it('round-trips through picker timestamps without slipping a day', () => {
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz
      for (const d of ['2024-01-01', '2024-03-10', '2024-12-31', '2000-02-29']) {
        const ts = dateToTimestamp(d)
        expect(ts).not.toBeNull()
        expect(new Date(ts!).getDate()).toBe(Number(d.slice(8)))
        expect(timestampToDate(ts)).toBe(d)
      }
    }
    expect(dateToTimestamp('')).toBeNull()
    expect(timestampToDate(null)).toBe('')
  })

  it('counts and adds days on the calendar', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2)
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(today(new Date(2024, 4, 6, 23, 59))).toBe('2024-05-06')
  })

  it('formats dates for the locale without a zone shift', () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(formatDate('2024-03-05', 'en')).toBe('Mar 5, 2024')
    expect(formatDate('2024-03-05', 'zh-CN')).toBe('2024年3月5日')
    expect(formatDate('nope', 'en')).toBe('')
  })

  it('says how long ago, in the language', () => {
    expect(formatRelative('2024-05-03', 'en', '2024-05-06')).toBe('3 days ago')
    expect(formatRelative('2024-05-05', 'en', '2024-05-06')).toBe('yesterday')
    expect(formatRelative('2024-05-06', 'zh-CN', '2024-05-06')).toBe('今天')
    expect(formatRelative('2024-05-03', 'zh-CN', '2024-05-06')).toBe('3天前')
    expect(formatRelative('2024-04-01', 'en', '2024-05-06')).toBe('last month')
    expect(formatRelative('2024-05-20', 'en', '2024-05-06')).toBe('in 2 weeks')
    expect(formatRelative('2021-05-01', 'en', '2024-05-06')).toBe('3 years ago')
  })
})
