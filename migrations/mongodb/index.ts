// MongoDB is schemaless: Payload creates its collections and indexes itself. Data migrations
// for MongoDB go in this folder (`DATABASE_URI=mongodb://… npm run migrate:create`).
import * as migration_20261130_155253_body_uploads from './20261130_155253_body_uploads'

export const migrations = [
  {
    up: migration_20261130_155253_body_uploads.up,
    down: migration_20261130_155253_body_uploads.down,
    name: '20261130_155253_body_uploads',
  },
]
