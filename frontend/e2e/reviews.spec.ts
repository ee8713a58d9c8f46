// Reviews end to end: create an annual evaluation for a sample account,
// write its narrative in Chinese, finalise it, download the PDF (browser
// mode) and read its text back with pdftotext; then batch-export the year's
// evaluations into a folder with the progress bar, and cancel a second run.
// Screenshots in both languages.
import { test, expect, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot, useLanguage } from './helpers'

let dataDir = ''
let outDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-reviews-'))
  outDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-reviews-out-'))
  execFileSync(process.env.KEYSTONE_BIN!, ['demo', '--data', dataDir, '--size', 's'], { stdio: 'ignore' })
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(outDir, { recursive: true, force: true })
})

const SUMMARY = '本年度双方在联合研发、供应链协同和数字化采购方面取得了实质进展，销售收入同比增长百分之十八，' +
  '钱包份额由百分之三十二提升至百分之三十九。下一年度的重点是把合作升级为联合研发伙伴关系（Type II），并在苏州新工厂项目中争取成为独家供应商。'
const HIGHLIGHTS = '苏州二期项目中标，金额 CNY 12,500,000（首年）\nQ3 交付准时率 98.6%'
const GOALS = '2027 年销售收入增长 15%，毛利率不低于 24%，钱包份额达到 45%。'
const FUNCTIONAL = '单件成本降低 6.5%，每年为客户节省约 CNY 4,200,000。'

const flat = (s: string) => s.replace(/\s+/g, '')

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString()
}

async function writeNarrative(page: Page) {
  await field(page, 'review-summary').fill(SUMMARY)
  await field(page, 'review-highlights').fill(HIGHLIGHTS)
  await field(page, 'review-issues').fill('采购总监离职，新任者尚未建立联系')
  await field(page, 'review-strategy-goals').fill(GOALS)
  await field(page, 'review-strategy-focus').fill('联合研发与苏州新工厂。')
  await field(page, 'review-value-functional').fill(FUNCTIONAL)
  await field(page, 'review-value-tracking').fill('双方每月运营例会，每季度业务评审（QBR）。')
  await field(page, 'review-approved-by').fill('李建国')
}

test('create, write, finalise and print an annual evaluation; batch export with progress and cancel', async ({ page }) => {
  const year = new Date().getFullYear()
  await page.goto(`${server!.url}#/reviews`)
  await useLanguage(page, 'zh-CN')
  await expect(page.getByRole('heading', { name: '评审' })).toBeVisible()

  // A new annual evaluation for the first account in the picker.
  await page.getByTestId('review-create').click()
  await page.getByTestId('review-create-account').click()
  const option = page.locator('.n-base-select-option').first()
  const accountName = (await option.textContent())!.trim()
  await option.click()
  await page.getByTestId('review-create-kind-annual').click()
  await field(page, 'review-create-year').fill(String(year))
  await page.getByTestId('review-create-submit').click()
  await expect(page.getByTestId('review-title')).toContainText(accountName)
  await expect(page.getByTestId('review-status')).toHaveText('草稿')

  // Creating the same period again is refused with a sentence in Chinese.
  await page.goto(`${server!.url}#/reviews`)
  await expect(page.getByTestId('review-row')).toHaveCount(1)
  await page.getByTestId('review-create').click()
  await page.getByTestId('review-create-account').click()
  await page.locator('.n-base-select-option').filter({ hasText: accountName }).first().click()
  await page.getByTestId('review-create-submit').click()
  await expect(page.getByTestId('review-create-dialog')).toContainText('已有')
  await page.keyboard.press('Escape')
  await page.getByTestId('review-row').first().click()

  // The narrative, in Chinese, saved.
  await writeNarrative(page)
  await expect(page.getByTestId('review-unsaved')).toBeVisible()
  await page.getByTestId('review-save').click()
  await expect(page.getByTestId('review-unsaved')).toBeHidden()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'reviews-editor-zh')

  // The data snapshot, read-only.
  await page.getByTestId('review-tab-data').click()
  await expect(page.getByTestId('snap-performance')).toBeVisible()
  await shot(page, 'reviews-snapshot-zh')
  await page.getByTestId('review-tab-narrative').click()

  // Finalise: frozen, no more editing.
  await page.getByTestId('review-finalize').click()
  await page.locator('.n-dialog').getByRole('button', { name: '定稿' }).click()
  await expect(page.getByTestId('review-status')).toHaveText('定稿')
  await expect(page.getByTestId('review-save')).toHaveCount(0)
  await expect(page.getByTestId('review-refresh')).toHaveCount(0)

  // Print in Chinese: browser mode downloads the PDF; read every field back.
  for (const lang of ['zh', 'en'] as const) {
    const download = page.waitForEvent('download')
    await page.getByTestId(`review-export-${lang}`).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(new RegExp(`-${year}-annual-${lang}\\.pdf$`))
    const path = join(outDir, `single-${lang}.pdf`)
    await file.saveAs(path)
    const text = flat(pdfText(path))
    for (const s of [SUMMARY, GOALS, FUNCTIONAL, ...HIGHLIGHTS.split('\n'), '李建国', accountName]) expect(text).toContain(flat(s))
    expect(text).toContain(lang === 'zh' ? '执行摘要' : 'Executivesummary')
  }

  // Batch export of the year's annual evaluations into a folder, with progress.
  await page.goto(`${server!.url}#/reviews`)
  await page.getByTestId('review-batch-open').click()
  await field(page, 'review-batch-year').fill(String(year))
  await page.getByTestId('review-batch-choose').click() // browser mode: no dialog, the path is typed
  const folder = join(outDir, '年度评审')
  await field(page, 'review-batch-folder').fill(folder)
  await page.getByTestId('review-batch-start').click()
  await expect(page.getByTestId('review-batch-progress')).toBeVisible()
  await expect(page.getByTestId('review-batch-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
  await expect(page.getByTestId('review-batch-count')).toHaveText('25 / 25')
  await expect(page.getByTestId('review-batch-outcome')).toContainText(folder)
  await shot(page, 'reviews-batch-zh')
  const files = readdirSync(folder)
  expect(files).toHaveLength(25)
  expect(files).toContain(`portfolio-summary-${year}-zh.pdf`)
  expect(pdfText(join(folder, `portfolio-summary-${year}-zh.pdf`)).split('\f').length - 1).toBe(1)

  // A second run, cancelled at once: it stops, and says how many were written.
  const folder2 = join(outDir, 'cancelled')
  await field(page, 'review-batch-folder').fill(folder2)
  await page.getByTestId('review-batch-lang-en').click()
  await page.getByTestId('review-batch-start').click()
  await page.getByTestId('review-batch-cancel').click()
  await expect(page.getByTestId('review-batch-progress')).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 })
  expect(readdirSync(folder2).length).toBeLessThan(25)
  await page.keyboard.press('Escape')

  // The list, and the account's own tab.
  await expect(page.getByTestId('review-row')).toHaveCount(1)
  await shot(page, 'reviews-list-zh')

  // In English.
  await useLanguage(page, 'en')
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.mouse.move(700, 700) // no tooltip from the language switch in the picture
  await shot(page, 'reviews-list-en')
  await page.getByTestId('review-row').first().click()
  await expect(page.getByTestId('review-status')).toHaveText('Final')
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'reviews-final-en')
  await page.getByTestId('review-tab-data').click()
  await shot(page, 'reviews-snapshot-en')
  await page.getByTestId('review-title').getByRole('link').click()
  await page.getByTestId('tab-reviews').click()
  await expect(page.getByTestId('account-review-row')).toHaveCount(1)
  await expect(page.getByTestId('account-review-row')).toContainText('Final')
})
