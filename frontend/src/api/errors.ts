// Every failure a service call can produce ends up as an ApiError, so views
// handle one shape whether the call went through Wails or the HTTP bridge.
import type { ApiError, ApiIssue } from './types'

const CODES_WITHOUT_RULE: Record<string, string> = {
  not_found: 'not_found',
  conflict: 'stale_rev',
  locked: 'locked',
  newer_schema: 'newer_schema',
  internal: 'internal',
  network: 'network',
  unauthorized: 'unauthorized',
}

export function isApiError(v: unknown): v is ApiError {
  return typeof v === 'object' && v !== null &&
    typeof (v as ApiError).code === 'string' && typeof (v as ApiError).message === 'string'
}

/** Turns whatever a rejected call carried (object, JSON text, Error, string) into an ApiError. */
export function toApiError(reason: unknown): ApiError {
  if (isApiError(reason)) return withRule(reason)
  if (typeof reason === 'string') {
    const text = reason.trim()
    if (text.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(text)
        if (isApiError(parsed)) return withRule(parsed)
      } catch {
        // not JSON after all: fall through to a plain message
      }
    }
    return { code: 'internal', rule: 'internal', message: text || 'unknown error' }
  }
  if (reason instanceof Error) {
    // fetch rejects with a TypeError when the server cannot be reached
    const network = reason.name === 'TypeError' || reason.name === 'AbortError'
    return network
      ? { code: 'network', rule: 'network', message: reason.message }
      : { code: 'internal', rule: 'internal', message: reason.message }
  }
  if (typeof reason === 'object' && reason !== null) {
    const m = (reason as { message?: unknown; error?: unknown }).message ?? (reason as { error?: unknown }).error
    return { code: 'internal', rule: 'internal', message: typeof m === 'string' ? m : JSON.stringify(reason) }
  }
  return { code: 'internal', rule: 'internal', message: String(reason) }
}

function withRule(e: ApiError): ApiError {
  if (e.rule) return e
  if (e.issues && e.issues.length > 0) return e
  return { ...e, rule: CODES_WITHOUT_RULE[e.code] ?? 'internal' }
}

/** The issues of an error, with a top-level field/rule counted as one issue. */
export function issuesOf(e: ApiError): ApiIssue[] {
  if (e.issues && e.issues.length > 0) return e.issues
  if (e.field && e.rule) return [{ field: e.field, rule: e.rule, params: e.params, message: e.message }]
  return []
}
