import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { call } from './transport'
import { captureToken, resetBridgeForTests } from './bridge'
import { fakeServer, HttpReply } from '@/test/fakeServer'
import type { ApiError } from './types'

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the call to fail')
}

describe('token capture', () => {
  beforeEach(() => sessionStorage.clear())

  it('moves the token from the address bar into sessionStorage', () => {
    window.history.replaceState(null, '', '/?token=s3cret&x=1#/accounts')
    expect(captureToken()).toBe('s3cret')
    expect(sessionStorage.getItem('keystone.token')).toBe('s3cret')
    expect(window.location.search).toBe('?x=1')
    expect(window.location.hash).toBe('#/accounts')
    expect(window.location.href).not.toContain('s3cret')
  })

  it('keeps the stored token when the address has none (reload)', () => {
    sessionStorage.setItem('keystone.token', 'kept')
    window.history.replaceState(null, '', '/#/settings')
    expect(captureToken()).toBe('kept')
  })
})

describe('HTTP bridge', () => {
  afterEach(() => {
    resetBridgeForTests()
    delete window.go
    delete window.runtime
  })

  it('lists the services once, then posts the argument array with the token header', async () => {
    const server = fakeServer({
      'AccountService.Get': ([id]) => ({ id, name: 'A' }),
      'AccountService.Archive': ([id, rev]) => ({ id, rev: (rev as number) + 1 }),
    })
    const a = await call<{ id: string }>('AccountService', 'Get', 'x1')
    const b = await call<{ rev: number }>('AccountService', 'Archive', 'x1', 4)
    expect(a).toEqual({ id: 'x1', name: 'A' })
    expect(b.rev).toBe(5)
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api',
      'POST /api/AccountService/Get',
      'POST /api/AccountService/Archive',
    ])
    expect(server.requests.every((r) => r.token === 'test-token')).toBe(true)
    expect(server.requests[2]?.args).toEqual(['x1', 4])
    // the shim defines window.go so that call() goes through it
    expect(typeof window.go?.app?.AccountService?.Get).toBe('function')
  })

  it('sends an empty array for methods without arguments and accepts an empty body', async () => {
    const server = fakeServer({ 'DataService.Info': () => undefined })
    await expect(call('DataService', 'Info')).resolves.toBeUndefined()
    expect(server.calls('DataService', 'Info')).toEqual([[]])
  })

  it('passes the server ApiError through unchanged', async () => {
    const issue = { field: 'name', rule: 'required', message: 'name is required' }
    fakeServer({
      'AccountService.Create': () =>
        new HttpReply(400, { code: 'invalid', field: 'name', rule: 'required', message: 'name is required', issues: [issue] }),
    })
    const e = await rejection(call('AccountService', 'Create', {}))
    expect(e.code).toBe('invalid')
    expect(e.issues).toEqual([issue])
  })

  it('turns a non-JSON server failure into an internal ApiError', async () => {
    fakeServer({ 'AccountService.List': () => new HttpReply(500, undefined) })
    vi.mocked(fetch).mockImplementationOnce(async () => new Response(JSON.stringify({ services: { AccountService: ['List'] } })))
    vi.mocked(fetch).mockImplementationOnce(async () => new Response('panic: boom', { status: 500 }))
    const e = await rejection(call('AccountService', 'List', {}))
    expect(e).toMatchObject({ code: 'internal', rule: 'internal', message: 'panic: boom' })
  })

  it('reports a wrong token as unauthorized', async () => {
    fakeServer({ 'DataService.Info': () => ({}) })
    sessionStorage.setItem('keystone.token', 'stale')
    const e = await rejection(call('DataService', 'Info'))
    expect(e).toMatchObject({ code: 'unauthorized', rule: 'unauthorized' })
  })

  it('turns a network failure into a network ApiError, and retries the listing later', async () => {
    const server = fakeServer({ 'DataService.Info': () => ({ empty: true }) })
    const real = vi.mocked(fetch).getMockImplementation()!
    vi.mocked(fetch).mockImplementationOnce(async () => { throw new TypeError('Failed to fetch') })
    const e = await rejection(call('DataService', 'Info'))
    expect(e).toMatchObject({ code: 'network', rule: 'network' })
    vi.mocked(fetch).mockImplementation(real)
    await expect(call('DataService', 'Info')).resolves.toEqual({ empty: true })
    expect(server.requests.filter((r) => r.path === '/api')).toHaveLength(1)
  })

  it('rejects a method the server does not offer without a request', async () => {
    const server = fakeServer({ 'DataService.Info': () => ({}) })
    const e = await rejection(call('DataService', 'Nope'))
    expect(e.code).toBe('internal')
    expect(server.requests.map((r) => r.path)).toEqual(['/api'])
  })

  it('leaves the Wails runtime alone and normalises its rejections', async () => {
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    window.runtime = {}
    window.go = {
      app: {
        AccountService: {
          Get: async () => { throw JSON.stringify({ code: 'not_found', rule: 'not_found', params: { kind: 'account', id: 'x' }, message: 'account x does not exist' }) },
          List: async () => ({ rows: [] }),
        },
      },
    }
    await expect(call('AccountService', 'List', {})).resolves.toEqual({ rows: [] })
    const e = await rejection(call('AccountService', 'Get', 'x'))
    expect(e).toMatchObject({ code: 'not_found', params: { kind: 'account', id: 'x' } })
    expect(fetchSpy).not.toHaveBeenCalled()
  })
})
