// Small helpers shared by the end-to-end specs.
import { expect, type Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const shots = fileURLToPath(new URL('../../test/artifacts/', import.meta.url))

/** The text input behind a test id, whether the id sits on the input or its wrapper. */
export function field(page: Page, id: string) {
  return page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input, textarea[data-testid="${id}"], [data-testid="${id}"] textarea`).first()
}

export async function shot(page: Page, name: string) {
  // ECharts animates for about a second after data arrives: let the charts settle
  await page.waitForTimeout(1100)
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false })
}

/**
 * Puts the UI in a language with the header's switch. The switch toggles and
 * names the language it would switch to; it is clicked only when that is the
 * one asked for, and the helper waits until the switch has happened, so a
 * slow save of the preference can never be clicked twice.
 */
export async function useLanguage(page: Page, lang: 'en' | 'zh-CN') {
  const button = page.getByTestId('lang-switch')
  if ((await button.getAttribute('lang')) === lang) await button.click()
  await expect(button).not.toHaveAttribute('lang', lang)
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
}
