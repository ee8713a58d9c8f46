// The foundation end to end: a real Chromium against a real `keystone serve`
// on a temp data folder.
import { test, expect } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot, useLanguage } from './helpers'

const ACCOUNT = '上海东方新材料有限公司'
const CONTACT = '刘建国'
const SUBJECT = '首次拜访：新材料技术交流'

let dataDir = ''
let server: Server | undefined

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-'))
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test('sample portfolio, a Chinese account with a contact and an activity, kept across a restart', async ({ page }) => {
  server = await startServer(dataDir)
  await page.goto(`${server.url}#/accounts`)

  // First run: the empty state offers the sample portfolio.
  await expect(page.getByTestId('load-sample')).toBeVisible()
  await shot(page, '01-empty-state')
  await page.getByTestId('load-sample').click()
  await expect(page.getByTestId('account-row')).toHaveCount(24)
  await shot(page, '02-accounts-list')

  // Create an account with a Chinese name.
  await page.getByTestId('new-account').first().click()
  await field(page, 'account-name').fill(ACCOUNT)
  await page.getByTestId('account-save').click()
  await expect(page.getByRole('heading', { name: ACCOUNT })).toBeVisible()
  await shot(page, '03-new-account-workspace')

  // Add a decision-maker.
  await page.getByTestId('tab-contacts').click()
  await page.getByTestId('new-contact').first().click()
  await field(page, 'contact-name').fill(CONTACT)
  await page.getByTestId('contact-save').click()
  await expect(page.getByTestId('contact-row').filter({ hasText: CONTACT })).toBeVisible()
  await shot(page, '04-contacts')

  // Log a visit.
  await page.getByTestId('tab-activities').click()
  await page.getByTestId('new-activity').first().click()
  await field(page, 'activity-subject').fill(SUBJECT)
  await page.getByTestId('activity-save').click()
  await expect(page.getByTestId('activity-row').filter({ hasText: SUBJECT })).toBeVisible()
  await shot(page, '05-activities')

  // Restart the server on the same folder: everything is still there.
  await server.stop()
  server = await startServer(dataDir)
  await page.goto(`${server.url}#/accounts`)
  await expect(page.getByTestId('account-row')).toHaveCount(25)
  await field(page, 'account-search').fill('东方新材料')
  await expect(page.getByTestId('account-row')).toHaveCount(1)
  await page.getByTestId('account-row').first().click()
  await expect(page.getByRole('heading', { name: ACCOUNT })).toBeVisible()
  await page.getByTestId('tab-contacts').click()
  await expect(page.getByTestId('contact-row').filter({ hasText: CONTACT })).toBeVisible()
  await page.getByTestId('tab-activities').click()
  await expect(page.getByTestId('activity-row').filter({ hasText: SUBJECT })).toBeVisible()
})

test('language switch between English and 简体中文 is remembered', async ({ page }) => {
  server ??= await startServer(dataDir)
  await page.goto(server.url)
  const nav = page.locator('nav, .n-layout-sider').first()
  await expect(nav).toContainText('Accounts')
  await useLanguage(page, 'zh-CN')
  await expect(nav).toContainText('客户')
  await shot(page, '06-chinese-ui')
  await page.reload()
  await expect(nav).toContainText('客户')
  await page.getByTestId('theme-switch').click()
  await shot(page, '07-chinese-dark')
})
