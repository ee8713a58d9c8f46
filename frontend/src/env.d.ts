/// <reference types="vite/client" />

type KeystoneBoundMethod = (...args: unknown[]) => Promise<unknown>

interface Window {
  /** Wails bindings (desktop) or the HTTP bridge shim (browser mode). */
  go?: { app?: Record<string, Record<string, KeystoneBoundMethod>> }
  /** Present only inside the Wails webview. */
  runtime?: unknown
  WailsInvoke?: unknown
}
