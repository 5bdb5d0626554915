# syntax=docker/dockerfile:1
# Two stages: `deps` installs the production dependencies once, at build time, from the lock
# file; `runtime` copies them next to the sources and runs as the unprivileged `node` user.
# Nothing is installed when a container starts, so any number of workers start at once
# without racing on node_modules. tsx is a runtime dependency (there is no build step).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the same policy as package.json "allowScripts" (no dependency needs its
# install script: esbuild's binary comes from its optional platform package).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for `node`: the process cannot rewrite its own code.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY content ./content
USER node
# 3000: the bot's /slack/events, /healthz, /readyz and /metrics; 9464: the worker's METRICS_PORT.
EXPOSE 3000 9464
# Liveness only (/healthz); readiness (/readyz) is for load balancers and orchestrators.
# The port is PORT for the bot; the worker's compose service passes METRICS_PORT as an argument.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 CMD ["node", "bin/healthcheck.mjs"]
ENTRYPOINT ["node", "bin/obs-bot.mjs"]
CMD ["start"]
