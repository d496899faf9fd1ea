import { jest } from '@jest/globals'

// Browser steps against a production server: generous, since CI machines are slow and shared.
jest.setTimeout(60_000)
