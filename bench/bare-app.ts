import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { NEXT_BIN, ROOT, now } from './lib'

/**
 * A bare Next.js app with one static page, generated and built in the same run: the reference
 * for client JavaScript and cold start. It resolves `next`, `react` and `react-dom` from the
 * project's own node_modules (symlinked), so both apps run the very same framework versions.
 */
export type BareApp = {
  dir: string
  buildMs: number
  env: NodeJS.ProcessEnv
  remove: () => Promise<void>
}

let shared: Promise<BareApp> | undefined

export function bareApp(): Promise<BareApp> {
  shared ??= buildBareApp()
  return shared
}

export async function removeBareApp() {
  if (!shared) return
  const app = await shared.catch(() => undefined)
  shared = undefined
  await app?.remove()
}

async function buildBareApp(): Promise<BareApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clinica-bare-next-'))
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  const files: Record<string, string> = {
    'package.json': JSON.stringify(
      {
        name: 'bare-next',
        private: true,
        type: 'module',
        dependencies: {
          next: pkg.dependencies.next,
          react: pkg.dependencies.react,
          'react-dom': pkg.dependencies['react-dom'],
        },
      },
      null,
      2,
    ),
    'next.config.mjs': `export default { poweredByHeader: false, turbopack: { root: "/" } }\n`,
    'app/layout.tsx': `export const metadata = { title: 'Bare' }\nexport default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (<html lang="it"><body>{children}</body></html>)\n}\n`,
    'app/page.tsx': `export default function Page() {\n  return (<main><h1>Pagina statica</h1><p>Testo statico di riferimento.</p></main>)\n}\n`,
  }
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), text)
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  }
  delete env.NEXT_DIST_DIR
  const started = now()
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  const buildMs = now() - started
  if (result.status !== 0) {
    await rm(dir, { recursive: true, force: true })
    throw new Error(
      `bare next build failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    )
  }
  return { dir, buildMs, env, remove: () => rm(dir, { recursive: true, force: true }) }
}
