// Data safety end to end: the Data page shows the folder, its size and the
// encryption state; a backup is written to a typed path (browser mode has no
// dialog) and checked as a real backup file; encryption is turned on, the
// program restarted, the unlock screen refuses a wrong passphrase and opens
// with the right one, and the data is there. Screenshots in both languages.
import { test, expect, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot, useLanguage } from './helpers'

let root = ''
let dataDir = ''
let server: Server | undefined

const passphrase = '青山常在 keep the data 2026'

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'keystone-e2e-safety-'))
  dataDir = join(root, 'data')
  execFileSync(process.env.KEYSTONE_BIN!, ['demo', '--data', dataDir, '--size', 's'], { stdio: 'ignore' })
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(root, { recursive: true, force: true })
})

const at = (path: string) => `${server!.url.split('#')[0]}#${path}`

/** Every file of the data folder, as bytes, contains the text? */
function folderContains(dir: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8')
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && readFileSync(join(e.parentPath, e.name)).includes(needle)) return true
  }
  return false
}

async function openData(page: Page) {
  await page.goto(at('/settings?section=data'))
  await expect(page.getByTestId('safety-panel')).toBeVisible()
  await expect(page.getByTestId('safety-folder')).toHaveText(dataDir)
}

test('folder, size and state; back up; encrypt; unlock after a restart', async ({ page }) => {
  // An account with a known Chinese name, to look for in the files later.
  await page.goto(at('/accounts'))
  await expect(page.getByTestId('account-row').first()).toBeVisible()
  const rows = await page.getByTestId('account-row').allTextContents()
  const known = rows.map((r) => r.match(/[\u4e00-\u9fff]{6,}/)?.[0]).find(Boolean)
  expect(known).toBeTruthy()

  await openData(page)
  await useLanguage(page, 'en')
  await expect(page.getByTestId('safety-encryption-state')).toHaveAttribute('data-encrypted', 'false')
  await expect(page.getByTestId('safety-encryption-state')).toHaveText(/Not encrypted/)
  await expect(page.getByTestId('safety-size')).toHaveText(/\d+(\.\d)? (KB|MB)/)
  await expect(page.getByTestId('safety-records')).not.toHaveText('0')
  await expect(page.getByTestId('safety-backup-state')).toHaveText(/Never backed up/)

  // Back up to a typed path: the file appears and the page shows it.
  await page.getByTestId('backup-now').click()
  const typed = field(page, 'backup-path')
  await expect(typed).toBeVisible()
  const backupFile = join(root, '备份 first.ksbackup')
  await typed.fill(backupFile)
  await page.getByTestId('backup-save').click()
  await expect(page.getByTestId('safety-last-backup')).not.toHaveText(/None yet/)
  await expect(page.getByTestId('safety-backup-state')).toHaveText(/Backed up today/)
  expect(existsSync(backupFile)).toBe(true)
  // The same path again is refused (a typed path never replaces a file).
  await page.getByTestId('backup-now').click()
  await field(page, 'backup-path').fill(backupFile)
  await page.getByTestId('backup-save').click()
  await expect(page.getByTestId('backup-error')).toContainText('already exists')
  await shot(page, 'safety-data-en')

  // The backup is a real one: it restores with the command line.
  const restored = join(root, 'restored')
  const out = execFileSync(process.env.KEYSTONE_BIN!, ['restore', '--in', backupFile, '--data', restored],
    { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
  expect(out).toContain('checksum and counts match')

  // Automatic backups into a typed folder, keeping 3: today's is made at once.
  const autoDir = join(root, 'auto')
  mkdirSync(autoDir)
  await page.getByTestId('auto-enabled').click()
  await page.getByTestId('safety-auto').getByRole('button', { name: 'Choose…' }).click()
  await field(page, 'auto-folder').fill(autoDir)
  await field(page, 'auto-keep').fill('3')
  await page.getByTestId('auto-save').click()
  await expect(page.getByTestId('auto-status')).toContainText('Last automatic backup', { timeout: 30_000 })
  expect(readdirSync(autoDir).filter((n) => /^keystone-auto-\d{4}-\d{2}-\d{2}\.ksbackup$/.test(n))).toHaveLength(1)
  await page.getByTestId('safety-auto').scrollIntoViewIfNeeded()
  await shot(page, 'safety-auto-en')

  // Restore in place from the first backup: checked, then the data replaced, a safety copy kept.
  await page.getByTestId('safety-backup').scrollIntoViewIfNeeded()
  await page.getByTestId('restore-open').click()
  await field(page, 'restore-path').fill(backupFile)
  await page.getByTestId('restore-inspect').click()
  await expect(page.getByTestId('restore-summary')).toContainText('3,4')
  await shot(page, 'safety-restore-en')
  await page.getByTestId('restore-confirm').click()
  await expect(page.getByTestId('restore-done')).toBeVisible({ timeout: 60_000 })
  expect(readdirSync(autoDir).some((n) => n.startsWith('keystone-before-restore-'))).toBe(true)
  await page.getByTestId('restore-close').click()
  await expect(page.getByTestId('safety-panel')).toBeVisible()

  // Turn encryption on: the passphrase twice, a strength hint, then the rewrite.
  await page.getByTestId('encryption-enable').click()
  await field(page, 'pass-next').fill('short')
  await expect(page.getByTestId('pass-strength')).toHaveAttribute('data-level', '0')
  await expect(page.getByTestId('pass-submit')).toBeDisabled()
  await field(page, 'pass-next').fill(passphrase)
  await field(page, 'pass-repeat').fill(passphrase)
  await expect(page.getByTestId('pass-strength')).toHaveAttribute('data-level', /[34]/)
  await shot(page, 'safety-encrypt-dialog-en')
  await page.getByTestId('pass-submit').click()
  await expect(page.getByTestId('safety-encryption-state')).toHaveAttribute('data-encrypted', 'true', { timeout: 60_000 })
  await expect(page.getByTestId('encryption-change')).toBeVisible()

  // Restart the program: it starts locked.
  await server!.stop()
  // no plaintext of the name in any file (the storage tests prove the scan finds it in a plain folder)
  expect(folderContains(dataDir, known!)).toBe(false)
  server = await startServer(dataDir)
  await page.goto(at('/accounts'))
  await expect(page.getByTestId('unlock-view')).toBeVisible()
  await expect(page.getByTestId('unlock-dir')).toHaveText(dataDir)
  await shot(page, 'safety-unlock-en')

  // A wrong passphrase: one sentence, still locked.
  await field(page, 'unlock-passphrase').fill('not the passphrase')
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('unlock-error')).toHaveText('That passphrase is not the right one. Nothing was changed.')
  await expect(page.getByTestId('unlock-view')).toBeVisible()
  await shot(page, 'safety-unlock-wrong-en')

  // The right one: the data is there.
  await field(page, 'unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('unlock-view')).toBeHidden()
  await expect(page.getByTestId('account-row').filter({ hasText: known! }).first()).toBeVisible()

  // The Data page in Chinese, encrypted.
  await openData(page)
  await useLanguage(page, 'zh-CN')
  await expect(page.getByTestId('safety-encryption-state')).toHaveText(/已加密/)
  await shot(page, 'safety-data-zh')

  // And the unlock screen in Chinese after another restart.
  await server!.stop()
  server = await startServer(dataDir)
  await page.goto(at('/dashboard'))
  await expect(page.getByTestId('unlock-view')).toBeVisible()
  // a new port is a new origin with no remembered language: switch on the unlock screen itself
  await useLanguage(page, 'zh-CN')
  await expect(page.getByTestId('unlock-submit')).toHaveText('解锁')
  await field(page, 'unlock-passphrase').fill('错误的口令 wrong')
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('unlock-error')).toHaveText('口令不正确，未做任何更改。')
  await shot(page, 'safety-unlock-wrong-zh')
  await field(page, 'unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('unlock-view')).toBeHidden()
})
