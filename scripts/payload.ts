/**
 * Runs Payload's CLI (`migrate`, `migrate:create`, `generate:types`, …) under tsx.
 *
 * Run it with `--conditions=production` (the npm scripts do). Lexical's `node` entry points
 * load their real code with a top-level `await import()`, and on Node 20 a dynamic import of
 * that graph sometimes never settles: the process exits silently (code 0 or 13) without running
 * the command. That is the "payload run exits 0 without running" symptom. The `production`
 * condition resolves Lexical straight to its plain ESM build, which has no top-level await.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const payloadEntry = require.resolve('payload')
const binModule = pathToFileURL(path.join(path.dirname(payloadEntry), 'bin', 'index.js')).href

const { bin } = (await import(binModule)) as { bin: () => Promise<void> }
await bin()
