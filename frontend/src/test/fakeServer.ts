// A stand-in for `keystone serve` at the HTTP boundary: tests swap global fetch
// for this, so everything above it (bridge, transport, services, stores,
// components) runs for real.
import { vi } from 'vitest'
import { resetBridgeForTests } from '@/api/bridge'

export type Handler = (args: unknown[]) => unknown

export class HttpReply {
  constructor(public status: number, public body: unknown) {}
}

export interface SeenRequest {
  method: string
  path: string
  token: string | null
  args: unknown[] | undefined
}

export interface FakeServer {
  requests: SeenRequest[]
  handlers: Record<string, Handler>
  /** Requests to /api/<Service>/<Method> only. */
  calls(service: string, method: string): unknown[][]
}

/** Installs a fake bridge server; handlers are keyed "Service.Method". */
export function fakeServer(handlers: Record<string, Handler>, opts: { token?: string } = {}): FakeServer {
  const token = opts.token ?? 'test-token'
  const server: FakeServer = {
    requests: [],
    handlers,
    calls(service, method) {
      return this.requests.filter((r) => r.path === `/api/${service}/${method}`).map((r) => r.args ?? [])
    },
  }
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input)
    const headers = new Headers(init?.headers)
    const args = init?.body ? (JSON.parse(String(init.body)) as unknown[]) : undefined
    server.requests.push({ method: init?.method ?? 'GET', path, token: headers.get('X-Keystone-Token'), args })
    const json = (status: number, body: unknown) =>
      new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    if (headers.get('X-Keystone-Token') !== token) return new Response('forbidden', { status: 403 })
    if (path === '/api') {
      const services: Record<string, string[]> = {}
      for (const key of Object.keys(server.handlers)) {
        const [s, m] = key.split('.') as [string, string]
        ;(services[s] ??= []).push(m)
      }
      return json(200, { services })
    }
    const m = /^\/api\/([^/]+)\/([^/]+)$/.exec(path)
    const handler = m ? server.handlers[`${m[1]}.${m[2]}`] : undefined
    if (!handler) return json(404, { code: 'not_found', rule: 'not_found', message: 'no such method' })
    try {
      const result = await handler(args ?? [])
      if (result instanceof HttpReply) return json(result.status, result.body)
      return json(200, result)
    } catch (e) {
      return json(400, e)
    }
  })
  vi.stubGlobal('fetch', fetch)
  resetBridgeForTests()
  delete window.go
  sessionStorage.setItem('keystone.token', token)
  return server
}

/** A complete Account with overrides. */
export function account(over: Partial<import('@/api/types').Account> = {}): import('@/api/types').Account {
  return {
    id: '01HZX0000000000000000000AA', rev: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
    name: '华东化工集团', legalName: '华东化工集团有限公司', industry: 'chemical', segment: 'enterprise', country: 'CN',
    owner: '王磊', parentId: '', currency: 'CNY', tags: [], notes: '', ...over,
  }
}

export function emptyList() {
  return { rows: [], total: 0, owners: [], countries: [], segments: [], industries: [] }
}
