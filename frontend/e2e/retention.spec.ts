// Switching costs and retention, end to end: assess an account's switching
// costs, see it land as captive after a poor survey and move to loyal after a
// good one (a survey whose weights miss 100 refused), build a switching-cost
// plan with actions on three levers (a bad due date refused), export the plan
// as an .ics file and read it back as a calendar would, open a retention
// case, then the portfolio page (a bubble clicked through to its account) and
// the settings, in English and in Chinese, light and dark.
import { test, expect, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot } from './helpers'

const ACCOUNT = '嘉兴恒通精密机械有限公司'
const PLAN = '恒通 提高转换成本计划'
const ACTIONS = [
  { lever: 'service', title: '派驻厂工程师, 第一阶段; 含备件' },
  { lever: 'process', title: '打通 EDI 订单系统' },
  // long enough that its SUMMARY line folds, several times, between Chinese characters
  { lever: 'asset', title: '在客户园区旁设立专用仓库，与客户生产计划系统对接，实现按小时补货并共享库存数据，降低客户的断料风险' },
] as const

let dataDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-retention-'))
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

function isoDay(offset: number): string {
  const d = new Date()
  d.setDate(d.getDate() + offset)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Types a date into a Naive date picker, confirms it with Enter and moves on, so the picker closes. */
async function pickDate(page: Page, id: string, date: string, then: string) {
  const input = field(page, id)
  await input.click()
  await input.fill(date)
  await input.press('Enter')
  await field(page, then).click()
  await expect(input).toHaveValue(date)
}

async function survey(page: Page, date: string, expected: number, perceived: number) {
  await page.getByTestId('survey-add').click()
  await pickDate(page, 'survey-date', date, 'survey-respondent')
  await field(page, 'survey-respondent').fill('采购总监 陈洁')
  for (const d of ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy']) {
    await field(page, `exp-${d}`).fill(String(expected))
    await field(page, `per-${d}`).fill(String(perceived))
  }
  await expect(page.getByTestId('survey-total')).toContainText('100')
  await page.getByTestId('survey-save').click()
  await expect(page.getByTestId('survey-save')).toBeHidden()
}

/** Unfolds an iCalendar file (RFC 5545 §3.1) after checking its physical lines. */
function unfold(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true)
  const physical = ics.slice(0, -2).split('\r\n')
  for (const l of physical) {
    expect(l).not.toContain('\n')
    expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75)
  }
  const out: string[] = []
  for (const l of physical) {
    if (l.startsWith(' ')) out[out.length - 1] += l.slice(1)
    else out.push(l)
  }
  return out
}

const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))

/** The VEVENTs of an unfolded file, each as property name (with parameters) → raw value. */
function events(lines: string[]): Map<string, string>[] {
  const out: Map<string, string>[] = []
  let cur: Map<string, string> | null = null
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = new Map()
    else if (l === 'END:VEVENT') {
      out.push(cur!)
      cur = null
    } else if (cur) {
      const colon = l.indexOf(':')
      cur.set(l.slice(0, colon), l.slice(colon + 1))
    }
  }
  return out
}

test('assess, survey, move quadrant, plan three levers, export the calendar', async ({ page }) => {
  const start = isoDay(-200)
  await page.goto(server!.url)
  const loaded = page.waitForResponse((r) => r.url().includes('/api/DataService/LoadSample') && r.ok())
  await page.getByTestId('load-sample').click()
  await loaded
  await page.goto(`${server!.url}#/accounts`)
  await expect(page.getByTestId('account-row')).toHaveCount(24)

  await page.getByTestId('new-account').first().click()
  await field(page, 'account-name').fill(ACCOUNT)
  await field(page, 'account-owner').fill('周敏')
  await page.getByTestId('account-save').click()
  await expect(page.getByRole('heading', { name: ACCOUNT })).toBeVisible()

  await page.getByTestId('tab-retention').click()
  await expect(page.getByTestId('retention-quadrant')).toHaveAttribute('data-quadrant', 'none')

  // Assess switching costs four months ago: procedural and financial high, relational low.
  await page.getByTestId('assessment-add').click()
  await pickDate(page, 'assessment-date', isoDay(-120), 'assessment-assessor')
  for (const k of ['economic_risk', 'evaluation', 'learning', 'setup', 'benefit_loss', 'monetary_loss']) {
    await page.getByTestId(`score-${k}-5`).click()
  }
  for (const k of ['personal_relationship', 'brand_relationship']) await page.getByTestId(`score-${k}-2`).click()
  await field(page, 'note-setup').fill('更换需重新开模，约 200 万元')
  // 100 × 50% + 100 × 25% + 25 × 25% = 81.25
  await expect(page.getByTestId('assessment-preview-barrier')).toHaveText('81.3')
  await shot(page, 'retention-assessment-form-en')
  await page.getByTestId('assessment-save').click()
  await expect(page.getByTestId('retention-barrier')).toHaveText('81.3')

  // Importance weights that miss 100 are refused with the total, and nothing is saved.
  await page.getByTestId('survey-add').click()
  await field(page, 'wt-tangibles').fill('25')
  await field(page, 'survey-respondent').click()
  await expect(page.getByTestId('survey-total')).toContainText('105')
  await page.getByTestId('survey-save').click()
  await expect(page.getByTestId('survey-weights-error')).toContainText('add up to 105')
  await shot(page, 'retention-survey-weights-error-en')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('survey-save')).toBeHidden()
  await expect(page.getByTestId('survey-row')).toHaveCount(0)

  // A poor survey three months ago: captive. A good one today: the account moves to loyal.
  await survey(page, isoDay(-90), 7, 4)
  await expect(page.getByTestId('retention-quadrant')).toHaveAttribute('data-quadrant', 'captive')
  await page.getByTestId('retention-kpis').scrollIntoViewIfNeeded()
  await shot(page, 'retention-captive-en')
  await survey(page, isoDay(0), 5, 7)
  await expect(page.getByTestId('retention-quadrant')).toHaveAttribute('data-quadrant', 'loyal')
  await expect(page.getByTestId('survey-row')).toHaveCount(2)

  // The plan, started about half a year ago.
  await page.getByTestId('lever-plan-create').click()
  await field(page, 'lever-plan-title').fill(PLAN)
  await pickDate(page, 'lever-plan-start', start, 'lever-plan-title')
  await page.getByTestId('lever-plan-save').click()
  await expect(page.getByTestId('lever-plan-heading')).toHaveText(PLAN)

  // A due date before the plan started is refused next to the field.
  await page.getByTestId('lever-add-service').click()
  await pickDate(page, 'lever-action-due', isoDay(-230), 'lever-action-title')
  await field(page, 'lever-action-title').fill(ACTIONS[0].title)
  await page.getByTestId('lever-action-save').click()
  await expect(page.getByText(/before the plan started/)).toBeVisible()
  await shot(page, 'retention-lever-action-error-en')
  await pickDate(page, 'lever-action-due', isoDay(-1), 'lever-action-title') // overdue
  await field(page, 'lever-action-cost').fill('120000')
  await field(page, 'lever-action-evidence').fill('停机时间下降 30%, 客户满意; 续签意向明确')
  await page.getByTestId('lever-action-save').click()
  await expect(page.getByTestId('lever-action-save')).toBeHidden()

  for (const [i, a] of ACTIONS.slice(1).entries()) {
    await page.getByTestId(`lever-add-${a.lever}`).click()
    await field(page, 'lever-action-title').fill(a.title)
    await pickDate(page, 'lever-action-due', isoDay(20 + i * 25), 'lever-action-title')
    await page.getByTestId('lever-action-save').click()
    await expect(page.getByTestId('lever-action-save')).toBeHidden()
  }
  for (const a of ACTIONS) {
    await expect(page.getByTestId(`lever-${a.lever}`).getByTestId('lever-action')).toHaveCount(1)
  }
  // The board: by lever and status, the overdue one marked, progress per lever.
  await expect(page.getByTestId('lever-service').locator('.card.overdue')).toHaveCount(1)
  await expect(page.getByTestId('lever-plan-card')).toContainText('1 overdue')
  await expect(page.getByTestId('lever-service-status-open')).toBeVisible()
  await expect(page.getByTestId('lever-progress-process')).toHaveText('0 of 1 done')
  await page.getByTestId('lever-process').getByRole('checkbox').click()
  await expect(page.getByTestId('lever-progress-process')).toHaveText('1 of 1 done')
  await expect(page.getByTestId('lever-process-status-done')).toBeVisible()
  await page.getByTestId('lever-plan-card').scrollIntoViewIfNeeded()
  await shot(page, 'retention-plan-board-en')

  // Export the calendar and read it back the way a calendar does.
  const download = page.waitForEvent('download')
  await page.getByTestId('lever-plan-export').click()
  const file = await (await download).path()
  const ics = readFileSync(file, 'utf8')
  expect(ics.split('\r\n').some((l) => l.startsWith(' ')), 'long lines are folded').toBe(true)
  const lines = unfold(ics)
  expect(lines[0]).toBe('BEGIN:VCALENDAR')
  expect(lines).toContain('VERSION:2.0')
  expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true)
  expect(lines.at(-1)).toBe('END:VCALENDAR')
  const evs = events(lines)
  expect(evs).toHaveLength(3)
  for (const ev of evs) {
    expect(ev.get('UID')).toMatch(/^[0-9A-Z]{26}@keystone$/)
    expect(ev.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/)
    expect(ev.get('DTSTART;VALUE=DATE')).toMatch(/^\d{8}$/)
    expect(ev.get('DTEND;VALUE=DATE')).toMatch(/^\d{8}$/)
    expect(Number(ev.get('DTEND;VALUE=DATE'))).toBeGreaterThan(Number(ev.get('DTSTART;VALUE=DATE')))
  }
  const uids = evs.map((ev) => ev.get('UID')!)
  expect(new Set(uids).size).toBe(3)
  const byTitle = new Map(evs.map((ev) => [unescape(ev.get('SUMMARY')!), ev]))
  const service = byTitle.get(`[Service] ${ACTIONS[0].title}`)
  expect(service, 'commas and semicolons read back').toBeTruthy()
  expect(service!.get('SUMMARY')).toContain('派驻厂工程师\\, 第一阶段\\; 含备件')
  expect(service!.get('DTSTART;VALUE=DATE')).toBe(isoDay(-1).replaceAll('-', ''))
  const desc = unescape(service!.get('DESCRIPTION')!).split('\n')
  expect(desc).toContain('Owner: 周敏')
  expect(desc).toContain('Evidence of effect: 停机时间下降 30%, 客户满意; 续签意向明确')
  expect(desc.some((l) => l.startsWith('Cost: ') && l.includes('120000'))).toBe(true)
  expect(byTitle.get(`[Process] ${ACTIONS[1].title}`)!.get('STATUS')).toBe('CONFIRMED')
  expect(byTitle.has(`[Dedicated assets] ${ACTIONS[2].title}`), 'the long Chinese title unfolds whole').toBe(true)

  // The same export again: the same UIDs.
  const again = page.waitForEvent('download')
  await page.getByTestId('lever-plan-export').click()
  const second = events(unfold(readFileSync(await (await again).path(), 'utf8'))).map((ev) => ev.get('UID')!)
  expect(second.sort()).toEqual([...uids].sort())

  // A retention case: the cause, a strategy for the account's tier.
  await page.getByTestId('case-add').click()
  await page.getByTestId('case-cause').click()
  await page.locator('.n-base-select-option').filter({ hasText: /^Competitor/ }).first().click()
  await field(page, 'case-cause-note').fill('竞品报价低 15%，客户采购在比价')
  await page.getByTestId('case-save').click()
  await expect(page.getByTestId('case-save')).toBeHidden()
  await expect(page.getByTestId('case-row')).toHaveCount(1)
  await expect(page.getByTestId('case-row')).toContainText('Competitor')

  await page.getByTestId('retention-kpis').scrollIntoViewIfNeeded()
  await shot(page, 'retention-tab-en')

  // The portfolio: every account on the chart; a bubble opens its account.
  const portfolio = page.waitForResponse((r) => r.url().includes('/api/RetentionService/Portfolio') && r.ok())
  await page.goto(`${server!.url}#/retention`)
  const pf = (await (await portfolio).json()) as { points: { accountId: string; name: string; attraction: number | null; barrier: number | null }[] }
  await expect(page.getByTestId('retention-portfolio')).toBeVisible()
  await expect(page.getByTestId('portfolio-count-loyal')).toBeVisible()
  await expect(page.getByTestId('portfolio-risk-list')).toBeVisible()
  await shot(page, 'retention-portfolio-en')
  await page.getByTestId('portfolio-rates').scrollIntoViewIfNeeded()
  await shot(page, 'retention-portfolio-risk-en')

  // The bubble farthest from the others, so no neighbour covers it; its pixel from the chart's extent and margins.
  const placed = pf.points.filter((p) => p.attraction !== null && p.barrier !== null)
  expect(placed.length).toBeGreaterThan(20)
  const gap = (p: (typeof placed)[number]) => Math.min(...placed.filter((q) => q !== p).map((q) => Math.hypot(q.attraction! - p.attraction!, q.barrier! - p.barrier!)))
  const target = placed.reduce((best, p) => (gap(p) > gap(best) ? p : best))
  const chart = page.getByTestId('portfolio-quadrant')
  await chart.scrollIntoViewIfNeeded()
  const [xr, yr] = (await chart.getAttribute('data-extent'))!.split(';').map((r) => r.split(',').map(Number))
  const [left, right, top, bottom] = (await chart.getAttribute('data-grid'))!.split(',').map(Number)
  const box = (await chart.boundingBox())!
  const x = left! + ((target.attraction! - xr![0]!) / (xr![1]! - xr![0]!)) * (box.width - left! - right!)
  const y = top! + (1 - (target.barrier! - yr![0]!) / (yr![1]! - yr![0]!)) * (box.height - top! - bottom!)
  await chart.click({ position: { x, y } })
  await expect(page).toHaveURL(new RegExp(`/accounts/${target.accountId}\\?tab=retention`))
  await expect(page.getByRole('heading', { name: target.name })).toBeVisible()
  await expect(page.getByTestId('retention-tab')).toBeVisible()

  await page.goto(`${server!.url}#/retention`)
  await page.getByTestId('portfolio-risk-list').getByRole('link').first().click()
  await expect(page).toHaveURL(/tab=retention/)
  await expect(page.getByTestId('retention-tab')).toBeVisible()

  await page.goto(`${server!.url}#/settings?section=retention`)
  await expect(page.getByTestId('retention-settings')).toBeVisible()
  await shot(page, 'retention-settings-en')

  // In Chinese.
  await page.goto(`${server!.url}#/settings`)
  await page.getByTestId('settings-language').getByText('简体中文').click()
  await page.goto(`${server!.url}#/settings?section=retention`)
  await expect(page.getByTestId('retention-settings')).toContainText('阻挡力')
  await shot(page, 'retention-settings-zh')
  await page.goto(`${server!.url}#/retention`)
  await expect(page.getByRole('heading', { name: '阻挡力与客户保留' })).toBeVisible()
  await shot(page, 'retention-portfolio-zh')
  await page.getByTestId('portfolio-rates').scrollIntoViewIfNeeded()
  await shot(page, 'retention-portfolio-risk-zh')
  await page.goto(`${server!.url}#/accounts`)
  await field(page, 'account-search').fill(ACCOUNT)
  await expect(page.getByTestId('account-row')).toHaveCount(1) // the sample may hold another 恒通
  await page.getByTestId('account-row').first().click()
  await page.getByTestId('tab-retention').click()
  await expect(page.getByTestId('retention-quadrant')).toHaveText('真正忠诚')
  await expect(page.getByTestId('lever-service')).toContainText('服务依赖')
  await shot(page, 'retention-tab-zh')
  await page.getByTestId('lever-plan-card').scrollIntoViewIfNeeded()
  await shot(page, 'retention-plan-board-zh')

  // Dark.
  await page.getByTestId('theme-switch').click()
  await page.getByTestId('retention-kpis').scrollIntoViewIfNeeded()
  await shot(page, 'retention-tab-zh-dark')
  await page.getByTestId('lever-plan-card').scrollIntoViewIfNeeded()
  await shot(page, 'retention-plan-board-zh-dark')
  await page.goto(`${server!.url}#/retention`)
  await expect(page.getByTestId('portfolio-quadrant')).toBeVisible()
  await shot(page, 'retention-portfolio-zh-dark')
  await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByTestId('portfolio-rates').scrollIntoViewIfNeeded()
  await shot(page, 'retention-portfolio-risk-en-dark')
})
