# The Wholesail API server (with the built web app) for docker-compose's distributed stack.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run -s prestart

FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund
COPY . .
COPY --from=build /app/dist ./dist
ENV NODE_ENV=production
EXPOSE 3000
# The image already holds the built app: start the server directly.
CMD ["npx", "tsx", "platform/main.ts"]
