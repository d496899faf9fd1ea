import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { en } from '@payloadcms/translations/languages/en'
import { it } from '@payloadcms/translations/languages/it'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AppointmentRequests } from './collections/AppointmentRequests'
import { Authors } from './collections/Authors'
import { Categories } from './collections/Categories'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { Posts } from './collections/Posts'
import { redirects } from './collections/Redirects'
import { Users } from './collections/Users'
import { Clinic } from './globals/Clinic'
import {
  costLimit,
  GRAPHQL_MAX_COST,
  hardenApi,
  MAX_DEPTH,
  staffOnlyPermissionQueries,
} from './lib/api-guard'
import { databaseAdapter } from './lib/database'
import { depthLimit, GRAPHQL_MAX_DEPTH } from './lib/graphql-depth'
import { explicitPermissionQueries } from './lib/api-guard/graphql-permissions'
import { ADMIN_DATE_TIME_FORMAT, adminTimezones } from './lib/admin/dates'
import { romeDates } from './lib/admin/rome-dates'
import { uniqueArrayRowIds } from './lib/fields/unique-row-ids'
import { repairOnServerStart } from './lib/backup/repair-versions'
import { backupTasks } from './lib/backup/schedule'
import { bookingTasks } from './lib/booking/tasks'
import { blankDraftTasks } from './lib/editorial/blank-drafts'
import { editorialTasks } from './lib/editorial/digest'
import { getEnv } from './lib/env'
import { emailAdapter } from './lib/mail/adapter'
import { canRunJobs } from './lib/jobs/access'
import { protectJobsCollection } from './lib/jobs/collection'
import { postPreviewPath } from './lib/paths'
import { editorFeatures } from './fields/editor'
import { generateSeoDescription, generateSeoTitle, generateSeoUrl } from './lib/seo/generate'
import { storagePlugins } from './lib/storage'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
const env = getEnv()

// Hardened after building: Payload only adds some collections and endpoints while it sanitises.
export default buildConfig({
  serverURL: env.siteUrl,
  secret: env.payloadSecret,
  telemetry: false,
  csrf: [env.siteUrl],
  cors: [env.siteUrl],
  db: databaseAdapter(env),
  // In a server: rebuilds post/page versions a crash left missing (lib/backup/repair-versions.ts).
  onInit: repairOnServerStart,
  // SMTP when SMTP_HOST is set, else the log (see lib/mail/adapter.ts).
  email: emailAdapter(env),
  editor: lexicalEditor({ features: editorFeatures }),
  sharp,
  // Populating relationships deeper than this is cut (every API; the site needs 2).
  maxDepth: MAX_DEPTH,
  collections: [Posts, Pages, Categories, Authors, Media, AppointmentRequests, Users],
  globals: [Clinic],
  i18n: {
    supportedLanguages: { it, en },
    fallbackLanguage: 'it',
  },
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' – Clinica Blog' },
    // Payload's default loads Gravatar: a third-party request carrying a hash of staff e-mails.
    avatar: 'default',
    // What needs the signed-in staff member, by role (lib/dashboard/).
    components: { beforeDashboard: ['@/components/admin/StaffDashboard#StaffDashboard'] },
    importMap: { baseDir: dirname },
    // Lists and the document sidebar; each date field sets its own picker format (lib/admin/dates.ts).
    dateFormat: ADMIN_DATE_TIME_FORMAT,
    timezones: adminTimezones,
    // The draft preview beside the editor, at phone and desktop sizes.
    livePreview: {
      collections: ['posts'],
      url: ({ data }) => `${env.siteUrl}${postPreviewPath(String(data?.id ?? ''))}`,
      breakpoints: [
        { label: 'Telefono', name: 'telefono', width: 375, height: 667 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 800 },
      ],
    },
  },
  plugins: [
    redirects,
    seoPlugin({
      generateTitle: generateSeoTitle,
      generateDescription: generateSeoDescription,
      generateURL: generateSeoUrl,
      uploadsCollection: 'media',
    }),
    ...storagePlugins(env),
    romeDates,
    uniqueArrayRowIds,
  ],
  graphQL: {
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    // Deeply nested, very wide or many-times-aliased queries are refused before they reach the
    // database (lib/api-guard/graphql-cost.ts counts list sizes and aliases).
    maxComplexity: 600,
    validationRules: (args) => [
      depthLimit(GRAPHQL_MAX_DEPTH),
      costLimit(GRAPHQL_MAX_COST, args.variableValues),
      staffOnlyPermissionQueries(args),
    ],
    // Payload's permission queries answered in a shape their own schema refuses (a 500).
    queries: (_graphQL, { Query }) =>
      explicitPermissionQueries(Query.fields as Parameters<typeof explicitPermissionQueries>[0]),
  },
  // Scheduled publish/unpublish (drafts.schedulePublish) are jobs; instrumentation.ts runs them.
  jobs: {
    access: { run: canRunJobs },
    deleteJobOnComplete: true,
    // Booking e-mail retries and the requests' retention; scheduled, queued on `default` when
    // the runner calls /api/payload-jobs/run.
    // The weekly digest of expiring medical reviews (lib/editorial/digest.ts) too.
    // Scheduled backups when BACKUP_CRON is set (lib/backup/schedule.ts).
    // Untitled posts nobody wrote in, a day after autosave created them (lib/editorial/blank-drafts.ts).
    tasks: [...bookingTasks, ...editorialTasks, ...blankDraftTasks, ...backupTasks(env)],
  },
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    responseOnLimit: `Il file supera il limite di ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Generated on demand with `npm run generate:types`; automatic generation spawns a process (bad under Jest).
    autoGenerate: false,
  },
})
  .then(hardenApi)
  // Only editors and admins cancel a scheduled publish (Payload's admin action does not check).
  .then(protectJobsCollection)
