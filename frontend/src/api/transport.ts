// The single door to the Go services. Everything goes through window.go, which
// Wails provides in the desktop app and the bridge shim provides in a browser.
import { toApiError } from './errors'
import { ensureRuntime } from './bridge'

export async function call<T>(service: string, method: string, ...args: unknown[]): Promise<T> {
  try {
    await ensureRuntime()
    const fn = window.go?.app?.[service]?.[method]
    if (typeof fn !== 'function') {
      throw { code: 'internal', rule: 'internal', message: `${service}.${method} is not available` }
    }
    return (await fn(...args)) as T
  } catch (reason) {
    throw toApiError(reason)
  }
}
