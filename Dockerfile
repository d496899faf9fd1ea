# syntax=docker/dockerfile:1
#
# Clinica Blog: Next.js 16 + Payload CMS 3 image.
#
#   docker build -t clinica-blog .
#   docker run -p 3000:3000 -e PAYLOAD_SECRET=... -v clinica-data:/app/data clinica-blog
#       (embedded SQLite in /app/data/clinica.db, media in /app/data/media), or
#   docker run -p 3000:3000 -e DATABASE_URI=mongodb://... -e PAYLOAD_SECRET=... clinica-blog
#
# Node 24 (LTS), the version package.json requires. Debian (glibc) base on
# purpose: the prebuilt native binaries of sharp and @libsql/client that npm
# installs here are the linux-x64-gnu ones; do not switch to alpine (musl).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------
# base: shared settings for every stage
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

# ---------------------------------------------------------------------------
# deps: install every dependency (dev ones included: the build needs them and
# `npm run seed` needs tsx) from the lockfile only, so this layer stays cached
# until package.json / package-lock.json change.
# ---------------------------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit

# ---------------------------------------------------------------------------
# builder: `npm run build` applies the committed migrations to a throw-away
# SQLite database (its prebuild step) and runs `next build` against it
# (pre-rendering queries the database, and there is no database while the
# image is built). What the build pre-renders from that empty database is never
# served: the page cache (lib/cache/handler.js) starts empty in every server
# process, so the first request renders from the live database. The secret
# below is a placeholder that exists only for this RUN step; it is not in the
# final image, and the real PAYLOAD_SECRET is given at runtime.
# ---------------------------------------------------------------------------
FROM base AS builder
# No SITE_URL here: pages are rendered by the running server, with the SITE_URL of its
# environment (the build's own pre-renders are never served).
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN export NODE_ENV=production \
           DATABASE_URI=file:/tmp/build.db \
           PAYLOAD_SECRET=build-only-placeholder-secret-not-used-at-runtime \
    && npm run build \
    && rm -rf /tmp/build.db* .next/cache

# ---------------------------------------------------------------------------
# runner: the whole built app (dev dependencies kept on purpose: `npm run
# seed` runs through tsx), owned by the unprivileged `node` user.
# PAYLOAD_SECRET has no default: without it the server refuses to start and
# names the variable (lib/env.ts).
# ---------------------------------------------------------------------------
FROM base AS runner
ENV NODE_ENV=production \
    PORT=3000
COPY --from=builder --chown=node:node /app ./
# /app/data holds the SQLite database (the default DATABASE_URI,
# file:./data/clinica.db) and /app/data/media the uploads (MEDIA_DIR). Create
# them owned by `node` before declaring the volumes, so fresh named volumes
# inherit that ownership.
RUN mkdir -p /app/data/media && chown -R node:node /app/data
USER node
VOLUME ["/app/data", "/app/data/media"]
EXPOSE 3000
# /api/health runs a real database query (never a cached page) and answers 503
# when the database is unreachable; it gives up after 3 s on its own.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4500)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["npm", "run", "serve"]
