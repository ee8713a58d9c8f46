// Starts `keystone serve` on a temp data folder and hands back its URL.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface Server {
  url: string
  stop: () => Promise<void>
}

export async function startServer(dataDir: string): Promise<Server> {
  const bin = process.env.KEYSTONE_BIN
  if (!bin) throw new Error('KEYSTONE_BIN must point at a keystone binary (make test-e2e sets it)')
  // KEYSTONE_ASSETS serves a separately built frontend (vite build --outDir) instead of the embedded one
  const assets = process.env.KEYSTONE_ASSETS ? ['--assets', process.env.KEYSTONE_ASSETS] : []
  const child: ChildProcess = spawn(bin, ['serve', '--data', dataDir, '--addr', '127.0.0.1:0', ...assets], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (b: Buffer) => { stderr += b.toString() })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`keystone serve printed no URL: ${stderr}`)), 20_000)
    child.once('exit', (code) => reject(new Error(`keystone serve exited ${code}: ${stderr}`)))
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      resolve(line.trim())
    })
  })
  return {
    url,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}
