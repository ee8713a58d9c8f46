// Small helpers shared by the end-to-end specs.
import type { Page } from '@playwright/test'
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
