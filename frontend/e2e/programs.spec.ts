// Global account programs end to end: start a program for a sample global
// account, add four countries, enter quarterly actuals, watch health turn
// amber and then red by the revenue rule, record the global contract and
// see the renewal alert, plan the renewal, in English and in Chinese.
import { test, expect, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot } from './helpers'

let dataDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-programs-'))
  // Size M: its sample leaves some global accounts without a program to start one for.
  execFileSync(process.env.KEYSTONE_BIN!, ['demo', '--data', dataDir, '--size', 'm'], { stdio: 'ignore' })
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000))

async function pickOption(page: Page, selectId: string, text: string) {
  await page.getByTestId(selectId).click()
  await page.keyboard.type(text)
  await page.locator('.n-base-select-option').filter({ hasText: text }).first().click()
}

async function addCountry(page: Page, code: string, coverage: 'covered' | 'partial' | 'none') {
  await page.getByTestId('country-add').click()
  await pickOption(page, 'country-select', `(${code})`)
  await page.getByTestId(`country-coverage-${coverage}`).click()
  await field(page, 'country-lead').fill(`Lead ${code}`)
  await page.getByTestId('country-save').click()
  await expect(page.locator(`[data-testid="country-row"][data-country="${code}"]`)).toBeVisible()
}

async function enterQ1(page: Page, actuals: Record<string, string>) {
  await page.getByTestId('figures-open').click()
  for (const [code, actual] of Object.entries(actuals)) {
    await page.getByTestId(`q-${code}-1-target`).fill('1000000')
    await page.getByTestId(`q-${code}-1-actual`).fill(actual)
  }
  await page.getByTestId('figures-save').click()
  await expect(page.getByTestId('figures-grid')).toBeHidden()
}

async function setDate(page: Page, id: string, value: string) {
  const input = page.locator(`[data-testid="${id}"] input`)
  await input.fill(value)
  await input.press('Enter')
}

test('build a global program across four countries, see health and the renewal alert', async ({ page }) => {
  await page.goto(`${server!.url}#/programs`)
  await expect(page.getByTestId('program-row').first()).toBeVisible()
  await shot(page, 'programs-list-en')

  // Start a program for a global account that has none yet.
  const candidate = page.getByTestId('program-candidate').first()
  const name = (await candidate.locator('.candidate__name').textContent())!.trim()
  await candidate.getByTestId('program-candidate-start').click()
  await expect(field(page, 'program-form-manager')).not.toHaveValue('')
  await field(page, 'program-form-sponsor').fill('Claire Dubois')
  // Running since the start of the year, so this year's quarters count.
  await setDate(page, 'program-form-start', `${new Date().getFullYear()}-01-01`)
  await page.getByTestId('program-driver-global_purchasing').click()
  await page.getByTestId('program-form-save').click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'green')

  // Four countries, one of them only partly covered and one not at all.
  await addCountry(page, 'DE', 'covered')
  await addCountry(page, 'US', 'covered')
  await addCountry(page, 'JP', 'partial')
  await addCountry(page, 'BR', 'none')
  await expect(page.getByTestId('country-row')).toHaveCount(4)

  // Q1 at 90 % of target: amber by the milder revenue rule.
  await enterQ1(page, { DE: '900000', US: '900000', JP: '900000', BR: '900000' })
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'amber')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="revenue_amber"]')).toContainText('90')

  // Two countries far behind: 70 % in all, red by the revenue rule.
  await enterQ1(page, { DE: '400000', US: '600000' })
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'red')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="revenue_red"]')).toContainText('70')
  await expect(page.getByTestId('rollup-total')).toContainText('70')

  // The global contract renews in 60 days: an urgent alert, and red until renewal work is planned.
  await page.getByTestId('contract-edit').click()
  await field(page, 'contract-number').fill('GA-2024-017')
  await setDate(page, 'contract-start', inDays(-700))
  await setDate(page, 'contract-end', inDays(60))
  await page.getByTestId('contract-save').click()
  await expect(page.getByTestId('renewal-alert')).toHaveAttribute('data-level', 'urgent')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="renewal_urgent"]')).toBeVisible()
  await page.getByTestId('program-findings').scrollIntoViewIfNeeded()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'programs-view-en')

  // A milestone, then the renewal action the alert asks for.
  await page.getByTestId('milestone-add').click()
  await field(page, 'action-title').fill('Global steering committee kick-off')
  await page.getByTestId('action-save').click()
  await expect(page.getByTestId('program-actions')).toContainText('Global steering committee kick-off')
  await page.getByTestId('renewal-plan').click()
  await field(page, 'action-title').fill('Open renewal talks')
  await page.getByTestId('action-save').click()
  await expect(page.getByTestId('renewal-alert')).toContainText('A renewal action is planned')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="renewal_urgent"]')).toHaveCount(0)
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'red')

  await page.getByTestId('program-rollups').scrollIntoViewIfNeeded()
  await shot(page, 'programs-rollups-en')

  // The Programs page lists it, red, with its renewal.
  await page.goto(`${server!.url}#/programs`)
  await page.getByTestId('program-search').locator('input').fill(name)
  await expect(page.getByTestId('program-row')).toHaveCount(1)
  await expect(page.getByTestId('program-health').first()).toHaveAttribute('data-level', 'red')

  // In Chinese.
  await page.goto(`${server!.url}#/settings`)
  await page.getByTestId('settings-language').getByText('简体中文').click()
  await page.goto(`${server!.url}#/programs`)
  await expect(page.getByRole('heading', { name: '全球大客户项目' })).toBeVisible()
  await expect(page.getByTestId('program-row').first()).toBeVisible()
  await shot(page, 'programs-list-zh')
  await page.getByTestId('program-search').locator('input').fill(name)
  await expect(page.getByTestId('program-row')).toHaveCount(1)
  await page.getByTestId('program-row').first().click()
  await expect(page.getByTestId('renewal-alert')).toContainText('已安排续约行动')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="revenue_red"]')).toContainText('低于 80%')
  await shot(page, 'programs-view-zh')
  await page.getByTestId('program-rollups').scrollIntoViewIfNeeded()
  await shot(page, 'programs-rollups-zh')

  await page.goto(`${server!.url}#/settings?section=programs`)
  await expect(page.getByTestId('program-settings')).toBeVisible()
  await shot(page, 'programs-settings-zh')

  // The dark theme.
  await page.goto(`${server!.url}#/settings`)
  await page.getByTestId('settings-theme').getByText('深色').click()
  await page.goto(`${server!.url}#/programs`)
  await expect(page.getByTestId('program-row').first()).toBeVisible()
  await page.getByTestId('program-row').first().click()
  await expect(page.getByTestId('program-health-badge')).toBeVisible()
  await page.getByTestId('program-rollups').scrollIntoViewIfNeeded()
  await shot(page, 'programs-rollups-zh-dark')
})
