// Switching costs and retention, end to end: assess an account's switching
// costs, see it land as captive after a poor survey and move to loyal after a
// good one, build a switching-cost plan with actions on three levers (a bad
// due date refused), export the plan as an .ics file and read it back, then
// the portfolio page and the settings, in English and in Chinese.
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
  { lever: 'asset', title: '在客户园区旁设立专用仓库' },
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

async function survey(page: Page, expected: number, perceived: number) {
  await page.getByTestId('survey-add').click()
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

test('assess, survey, move quadrant, plan three levers, export the calendar', async ({ page }) => {
  const year = new Date().getFullYear()
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

  // Assess switching costs: procedural and financial high, relational low.
  await page.getByTestId('assessment-add').click()
  for (const k of ['economic_risk', 'evaluation', 'learning', 'setup', 'benefit_loss', 'monetary_loss']) {
    await page.getByTestId(`score-${k}-5`).click()
  }
  for (const k of ['personal_relationship', 'brand_relationship']) await page.getByTestId(`score-${k}-2`).click()
  await field(page, 'note-setup').fill('更换需重新开模，约 200 万元')
  // 100 × 50% + 100 × 25% + 25 × 25% = 81.25
  await expect(page.getByTestId('assessment-preview-barrier')).toHaveText('81.3')
  await page.getByTestId('assessment-save').click()
  await expect(page.getByTestId('retention-barrier')).toHaveText('81.3')

  // A poor survey: captive. A good one: the account moves to loyal.
  await survey(page, 7, 4)
  await expect(page.getByTestId('retention-quadrant')).toHaveAttribute('data-quadrant', 'captive')
  await shot(page, 'retention-captive-en')
  await survey(page, 5, 7)
  await expect(page.getByTestId('retention-quadrant')).toHaveAttribute('data-quadrant', 'loyal')
  await expect(page.getByTestId('survey-row')).toHaveCount(2)

  // The plan, started at the beginning of the year.
  await page.getByTestId('lever-plan-create').click()
  await field(page, 'lever-plan-title').fill(PLAN)
  await pickDate(page, 'lever-plan-start', `${year}-01-01`, 'lever-plan-title')
  await page.getByTestId('lever-plan-save').click()
  await expect(page.getByTestId('lever-plan-heading')).toHaveText(PLAN)

  // A due date before the plan started is refused next to the field.
  await page.getByTestId('lever-add-service').click()
  await pickDate(page, 'lever-action-due', `${year - 1}-12-15`, 'lever-action-title')
  await field(page, 'lever-action-title').fill(ACTIONS[0].title)
  await page.getByTestId('lever-action-save').click()
  await expect(page.getByText(/before the plan started/)).toBeVisible()
  await pickDate(page, 'lever-action-due', isoDay(-1), 'lever-action-title') // overdue
  await field(page, 'lever-action-cost').fill('120000')
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
  await expect(page.getByTestId('lever-service').locator('.card.overdue')).toHaveCount(1)
  await page.getByTestId('lever-plan-card').scrollIntoViewIfNeeded()
  await shot(page, 'retention-plan-board-en')

  // Export the calendar and read it back.
  const download = page.waitForEvent('download')
  await page.getByTestId('lever-plan-export').click()
  const file = await (await download).path()
  const ics = readFileSync(file, 'utf8')
  const lines = unfold(ics)
  expect(lines[0]).toBe('BEGIN:VCALENDAR')
  expect(lines.at(-1)).toBe('END:VCALENDAR')
  const events = lines.filter((l) => l === 'BEGIN:VEVENT')
  expect(events).toHaveLength(3)
  const uids = lines.filter((l) => l.startsWith('UID:'))
  expect(new Set(uids).size).toBe(3)
  const summaries = lines.filter((l) => l.startsWith('SUMMARY:')).map((l) => unescape(l.slice('SUMMARY:'.length)))
  expect(summaries).toContain(`[Service] ${ACTIONS[0].title}`)
  expect(summaries).toContain(`[Process] ${ACTIONS[1].title}`)
  expect(lines).toContain(`DTSTART;VALUE=DATE:${isoDay(-1).replaceAll('-', '')}`)
  expect(lines.some((l) => l.includes('派驻厂工程师\\, 第一阶段\\; 含备件')), 'commas and semicolons escaped').toBe(true)

  // The same export again: the same UIDs.
  const again = page.waitForEvent('download')
  await page.getByTestId('lever-plan-export').click()
  const second = unfold(readFileSync(await (await again).path(), 'utf8')).filter((l) => l.startsWith('UID:'))
  expect(second.sort()).toEqual([...uids].sort())

  await page.getByTestId('retention-kpis').scrollIntoViewIfNeeded()
  await shot(page, 'retention-tab-en')

  // The portfolio: every account on the chart; ours is clickable through.
  await page.goto(`${server!.url}#/retention`)
  await expect(page.getByTestId('retention-portfolio')).toBeVisible()
  await expect(page.getByTestId('portfolio-count-loyal')).toBeVisible()
  await expect(page.getByTestId('portfolio-risk-list')).toBeVisible()
  await page.waitForTimeout(600) // the chart's entry animation
  await shot(page, 'retention-portfolio-en')
  await page.getByTestId('portfolio-rates').scrollIntoViewIfNeeded()
  await shot(page, 'retention-portfolio-risk-en')
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
  await page.waitForTimeout(600)
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
})
