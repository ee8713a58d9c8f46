// Browser mode (`keystone serve`): no Wails runtime, so define window.go over
// the loopback HTTP bridge. Only installed when Wails is absent.
import type { ApiError } from './types'
import { toApiError } from './errors'

const TOKEN_KEY = 'keystone.token'
const TOKEN_HEADER = 'X-Keystone-Token'

export function hasWailsRuntime(): boolean {
  return typeof window.runtime !== 'undefined' || typeof window.WailsInvoke !== 'undefined' ||
    typeof window.go?.app === 'object'
}

let bridgeInstalled = false
let pending: Promise<void> | null = null

/**
 * Moves the token from the address bar (`?token=…`) into sessionStorage, so
 * it survives reloads but does not linger in history or get copied with a link.
 */
export function captureToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl)
    } catch {
      // storage disabled: the token still works for this page view
      memoryToken = fromUrl
    }
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
  }
  return currentToken()
}

let memoryToken = ''

function currentToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken
  } catch {
    return memoryToken
  }
}

/** Resolves once window.go is usable; installs the HTTP shim when needed. */
export function ensureRuntime(): Promise<void> {
  if (bridgeInstalled || hasWailsRuntime()) return Promise.resolve()
  if (!pending) {
    pending = installBridge().catch((e: unknown) => {
      pending = null // let a later call retry, e.g. after the server restarts
      throw e
    })
  }
  return pending
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { [TOKEN_HEADER]: currentToken() }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  const payload = await readBody(res)
  if (res.ok) return payload
  throw httpError(res.status, payload)
}

function httpError(status: number, payload: unknown): ApiError {
  const e = toApiError(payload ?? `HTTP ${status}`)
  if (typeof payload === 'object' && payload !== null) return e
  // A body that is not an ApiError: say what we can from the status.
  if (status === 401 || status === 403) return { code: 'unauthorized', rule: 'unauthorized', message: e.message }
  if (status === 404) return { code: 'internal', rule: 'internal', message: e.message }
  return { ...e, code: 'internal', rule: 'internal' }
}

async function installBridge(): Promise<void> {
  const listing = await request('GET', '/api')
  const services = (listing as { services?: Record<string, string[]> } | undefined)?.services
  if (!services || typeof services !== 'object') {
    throw { code: 'internal', rule: 'internal', message: 'the server did not list its services' }
  }
  const app: Record<string, Record<string, KeystoneBoundMethod>> = {}
  for (const [service, methods] of Object.entries(services)) {
    const bound: Record<string, KeystoneBoundMethod> = {}
    for (const method of methods) {
      const path = `/api/${encodeURIComponent(service)}/${encodeURIComponent(method)}`
      bound[method] = async (...args: unknown[]) => {
        try {
          return await request('POST', path, args)
        } catch (reason) {
          throw toApiError(reason)
        }
      }
    }
    app[service] = bound
  }
  window.go = { ...(window.go ?? {}), app }
  bridgeInstalled = true
}

/** Test hook: forget the installed shim. */
export function resetBridgeForTests(): void {
  bridgeInstalled = false
  pending = null
  memoryToken = ''
}
