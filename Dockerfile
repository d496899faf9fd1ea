# syntax=docker/dockerfile:1
#
# Clinica Blog: Next.js 16 + Payload CMS 3 image.
#
#   docker build -t clinica-blog .
#   docker run -p 3000:3000 -e DATABASE_URI=mongodb://... -e PAYLOAD_SECRET=... clinica-blog
#
# Debian (glibc) base on purpose: the prebuilt native binaries of sharp and
# @libsql/client that npm installs here are the linux-x64-gnu ones; do not
# switch to alpine (musl).
ARG NODE_IMAGE=node:20-bookworm-slim

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
# SQLite database (its prebuild step) and runs `next build` against it (pre-rendering queries the database, and there
# is no MongoDB while the image is built). The secret below is a placeholder
# that exists only for this RUN step; it is not in the final image, and the
# real PAYLOAD_SECRET is given at runtime.
# ---------------------------------------------------------------------------
FROM base AS builder
# Pages pre-rendered by the build embed the public URL (canonical links, Open Graph): build
# with the real one (compose passes SITE_URL). At runtime it is read from the environment.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=${SITE_URL}
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
# ---------------------------------------------------------------------------
FROM base AS runner
ENV NODE_ENV=production \
    PORT=3000
COPY --from=builder --chown=node:node /app ./
# Uploaded media live in /app/data/media. Create it owned by `node` before
# declaring the volume, so a fresh named volume inherits that ownership.
RUN mkdir -p /app/data/media && chown -R node:node /app/data
USER node
VOLUME ["/app/data/media"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["npm", "run", "serve"]
