import { fileURLToPath, URL } from 'node:url'
import { mkdirSync, writeFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

const outDir = 'dist'

// The Go binary embeds frontend/dist and `go test ./...` must compile in a fresh
// clone, so the committed placeholder has to survive emptyOutDir.
function keepGitkeep(): Plugin {
  return {
    name: 'keystone-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      const dir = fileURLToPath(new URL(`./${outDir}`, import.meta.url))
      mkdirSync(dir, { recursive: true })
      writeFileSync(`${dir}/.gitkeep`, '')
    },
  }
}

// Every webview Keystone runs in reads woff2; dropping the woff fallbacks of the
// bundled CJK font halves its weight in the build (~190 files per weight).
function woff2Only(): Plugin {
  return {
    name: 'keystone-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource') || !id.endsWith('.css')) return null
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null }
    },
  }
}

export default defineConfig({
  plugins: [vue(), keepGitkeep(), woff2Only()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir,
    emptyOutDir: true,
    // Served from disk inside the desktop app, so large chunks cost little.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    // `KEYSTONE_API=http://127.0.0.1:PORT npm run dev`, then open the dev URL with
    // the ?token= that `keystone serve` printed: the UI talks to a real backend.
    proxy: process.env.KEYSTONE_API
      ? { '/api': { target: process.env.KEYSTONE_API, changeOrigin: true } }
      : undefined,
  },
})
