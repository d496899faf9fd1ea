import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A tampered copy of a backup archive, written into `outDir`: the archive is unpacked, `change`
 * edits its one top folder, and the result is packed again. The original is left as it is.
 */
export async function repackArchive(
  archive: string,
  outDir: string,
  change: (root: string) => Promise<void>,
): Promise<string> {
  const temp = await mkdtemp(path.join(tmpdir(), 'clinica-tamper-'))
  execFileSync('tar', ['-xzf', archive, '-C', temp])
  const [top] = await readdir(temp)
  await change(path.join(temp, top as string))
  const tampered = path.join(outDir, `tampered-${Math.random().toString(36).slice(2)}.tar.gz`)
  execFileSync('tar', ['-czf', tampered, '-C', temp, top as string])
  await rm(temp, { recursive: true, force: true })
  return tampered
}
