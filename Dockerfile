# syntax=docker/dockerfile:1
# Three stages: `deps` installs the production dependencies once, at build time, from the lock
# file; `build` compiles src/ and workers/ to JavaScript (`npm run build`); `runtime` copies
# both and runs as the unprivileged `node` user. Nothing is installed or compiled when a
# container starts, so any number of workers start at once without racing on node_modules.
# bin/obs-bot.mjs runs the compiled src/cli/main.js when it finds it (here), and the
# TypeScript sources through tsx otherwise (a clone): tsx's loader costs each process ~45 MB.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the same policy as package.json "allowScripts" (no dependency needs its
# install script: esbuild's binary comes from its optional platform package).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workers ./workers
# dist/src and dist/workers: the same layout as the sources, so relative paths (content/) hold.
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for `node`: the process cannot rewrite its own code.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY --from=build /app/dist/src ./src
COPY --from=build /app/dist/workers ./workers
COPY content ./content
USER node
# 3000: the bot's /slack/events, /healthz, /readyz and /metrics; 9464: the worker's METRICS_PORT.
EXPOSE 3000 9464
# Liveness only (/healthz); readiness (/readyz) is for load balancers and orchestrators.
# The port is PORT for the bot; the worker's compose service passes METRICS_PORT as an argument.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 CMD ["node", "bin/healthcheck.mjs"]
# --max-semi-space-size=8 (MB; Node 20's default is 16): V8's young generation grows to its
# maximum while the process starts and keeps it, 32 MB of an idle worker's RSS. Half of it
# saves ~15 MB per process for a cost within noise (≤ 2% CPU per job, bench worker-capacity
# and soak). bench/image-tree.ts reads these flags from here, so the benches run what runs here.
ENTRYPOINT ["node", "--max-semi-space-size=8", "bin/obs-bot.mjs"]
CMD ["start"]
