// Opportunities and win-loss, end to end: open a deal, move it through the
// stages, close it as lost with reasons and the competitor that won, then
// find it in the win-loss analysis (Pareto, competitor view, the deals
// behind a figure) and on the pipeline; screenshots in both languages.
import { test, expect, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot, useLanguage } from './helpers'

const DEAL = '三期扩产 · 工艺泵阀与密封方案'
const RIVAL = '凯斯特泵业'
const LESSON = '没有接触到经济决策者，只和采购谈了价格。'

let dataDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-winloss-'))
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function pickOption(page: Page, testid: string, text: string) {
  await page.getByTestId(testid).click()
  await page.locator('.n-base-select-option:visible', { hasText: text }).first().click()
}

async function toChinese(page: Page) {
  await useLanguage(page, 'zh-CN')
}

test('move a deal through the stages, close it as lost, see it in the analysis', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${server!.url}#/accounts`)
  await page.getByTestId('load-sample').click()
  await expect(page.getByTestId('account-row')).toHaveCount(24)

  // An account's Opportunities tab: its own summary and deals.
  await page.getByTestId('account-row').first().click()
  await page.getByTestId('tab-opportunities').click()
  await expect(page.getByTestId('opportunities-tab')).toBeVisible()
  await expect(page.getByTestId('opp-kpi-winrate')).toBeVisible()

  // A new deal with a competitor.
  await page.getByTestId('new-opportunity').click()
  await field(page, 'opp-title').fill(DEAL)
  await field(page, 'opp-value').fill('1280000')
  await page.getByTestId('opp-competitors').click()
  await page.keyboard.type(RIVAL)
  await page.keyboard.press('Enter')
  await page.getByTestId('rww-need').getByText('Yes').click()
  await page.getByTestId('rww-budget').getByText('No').click()
  await shot(page, 'winloss-01-new-deal')
  await page.getByTestId('opportunity-save').click()
  const deal = page.getByTestId('deal-open').filter({ hasText: DEAL })
  await expect(deal).toBeVisible()
  await expect(deal.getByTestId('deal-stage')).toHaveText('Information gathering')
  await expect(deal).toContainText('RWW flag')

  // Through the stages.
  await deal.getByTestId('deal-next').click()
  await expect(deal.getByTestId('deal-stage')).toHaveText('Qualification')
  await deal.getByTestId('deal-next').click()
  await expect(deal.getByTestId('deal-stage')).toHaveText('Solution shaping')
  await deal.getByTestId('deal-next').click()
  await expect(deal.getByTestId('deal-stage')).toHaveText('Brand recommendation')

  // Close as lost: a reason is required, then reasons and the competitor.
  await deal.getByTestId('deal-close').click()
  await page.getByTestId('outcome-lost').click()
  await page.getByTestId('close-save').click()
  await expect(page.getByTestId('close-form')).toContainText('Primary reason is required')
  await pickOption(page, 'close-primary', 'Economic value (price, total cost)')
  await pickOption(page, 'close-secondary', 'Relationship value')
  await page.keyboard.press('Escape')
  await pickOption(page, 'close-winner', RIVAL)
  await field(page, 'close-lessons').fill(LESSON)
  await shot(page, 'winloss-02-close-dialog')
  await page.getByTestId('close-save').click()
  const closed = page.getByTestId('deal-closed').filter({ hasText: DEAL })
  await expect(closed).toBeVisible()
  await expect(closed.getByTestId('deal-outcome')).toHaveText('Lost')
  await expect(closed).toContainText(`lost to ${RIVAL}`)
  await expect(closed).toContainText('Brand recommendation')
  await shot(page, 'winloss-03-account-tab-en')

  // The analysis, filtered to the competitor: one lost deal, in the Pareto
  // and the competitor view, and behind the "lost" figure.
  await page.goto(`${server!.url}#/winloss`)
  await expect(page.getByTestId('winloss-kpis')).toBeVisible()
  await expect(page.getByTestId('chart-pareto')).toBeVisible()
  await shot(page, 'winloss-04-analysis-en')
  await page.getByTestId('winloss-competitor').click()
  await page.keyboard.type(RIVAL)
  await page.locator('.n-base-select-option:visible', { hasText: RIVAL }).first().click()
  await expect(page.getByTestId('kpi-winrate')).toContainText('0%')
  await expect(page.getByTestId('kpi-winrate')).toContainText('0 won · 1 lost')
  await expect(page.getByTestId('chart-pareto')).toBeVisible()
  await expect(page.getByTestId('chart-competitors')).toBeVisible()
  await shot(page, 'winloss-05-analysis-competitor-en')
  await page.getByTestId('winloss-kpis').locator('button').nth(2).click() // no decision: none
  await page.keyboard.press('Escape')
  await page.getByTestId('winloss-kpis').locator('button').last().click() // lost
  const table = page.getByTestId('deals-table')
  await expect(table).toContainText(DEAL)
  await expect(table).toContainText('Economic value (price, total cost)')
  await expect(table).toContainText(RIVAL)
  await shot(page, 'winloss-06-deals-behind-en')
  await page.keyboard.press('Escape')

  // The pipeline board.
  await page.goto(`${server!.url}#/pipeline`)
  await expect(page.getByTestId('pipeline-column')).toHaveCount(8)
  await expect(page.getByTestId('pipeline-card').first()).toBeVisible()
  await shot(page, 'winloss-07-pipeline-en')
  // Narrowed to one tier, the board holds fewer deals.
  const allDeals = Number((await page.getByTestId('pipeline-kpis').locator('.kpi__n').first().innerText()).replace(/\D/g, ''))
  await page.getByTestId('pipeline-tier').click()
  await page.locator('.n-base-select-option:visible').first().click()
  await expect.poll(async () => Number((await page.getByTestId('pipeline-kpis').locator('.kpi__n').first().innerText()).replace(/\D/g, '')))
    .toBeLessThan(allDeals)
  await page.getByTestId('pipeline-clear').click()
  await expect.poll(async () => Number((await page.getByTestId('pipeline-kpis').locator('.kpi__n').first().innerText()).replace(/\D/g, '')))
    .toBe(allDeals)
  await page.getByTestId('pipeline-table-tab').click()
  await expect(page.getByTestId('pipeline-table')).toBeVisible()
  await shot(page, 'winloss-08-pipeline-table-en')

  // The same in Chinese.
  await page.getByTestId('pipeline-board-tab').click()
  await toChinese(page)
  await expect(page.getByRole('heading', { name: '销售漏斗' })).toBeVisible()
  await shot(page, 'winloss-09-pipeline-zh')
  await page.goto(`${server!.url}#/winloss`)
  await expect(page.getByRole('heading', { name: '赢单/丢单分析' })).toBeVisible()
  await expect(page.getByTestId('chart-pareto')).toContainText('未赢单金额')
  await shot(page, 'winloss-10-analysis-zh')
  await page.goto(`${server!.url}#/accounts`)
  await page.getByTestId('account-row').first().click()
  await page.getByTestId('tab-opportunities').click()
  const closedZh = page.getByTestId('deal-closed').filter({ hasText: DEAL })
  await expect(closedZh.getByTestId('deal-outcome')).toHaveText('丢单')
  await expect(closedZh).toContainText('经济价值')
  await shot(page, 'winloss-11-account-tab-zh')
})
