// MongoDB is schemaless: Payload creates its collections and indexes itself. Data migrations
// for MongoDB, if ever needed, go in this folder (`DATABASE_URI=mongodb://… npm run migrate:create`).
export const migrations = []
