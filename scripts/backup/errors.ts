/** A problem the operator can act on; the CLIs print its message and exit 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

/** Bad command-line arguments; the CLIs print the message and usage and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The most useful text of an error: a child process's stderr, else the message. */
export const errorMessage = (error: unknown) => {
  const stderr = (error as { stderr?: Buffer | string } | null)?.stderr
  const detail = stderr ? String(stderr).trim() : ''
  return detail || (error instanceof Error ? error.message : String(error))
}
