/**
 * Serves the built web app (dist/web, from `npm run build:web`): hashed assets cached for a year, index.html
 * never cached and given the demo logins when this is a demo install, and every other browser path that is not
 * the API answered with index.html so the app's own router shows it. Without a build, `/` falls back to the
 * plain home page, which says how to build it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request } from 'express';

export const DEFAULT_WEB_DIR = path.resolve(import.meta.dirname, '../dist/web');

/** Paths that belong to the server, never to the app: they keep their JSON 404s. */
const SERVER_PATHS = /^\/(api|cubejs-api|metrics|health)(\/|$)/;

// The bundle has no inline scripts; ECharts and React set inline style attributes, hence 'unsafe-inline' for
// styles only. The injected config is a JSON data block, which script-src does not govern.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface WebAppOptions {
  webDir?: string;
  demoLogins: Array<{ email: string; role: string }>;
  demoPassword?: string;
  /** What `/` shows when the app is not built. */
  fallbackHome: () => string;
}

const wantsHtml = (req: Request) =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  !SERVER_PATHS.test(req.path) &&
  !path.extname(req.path) &&
  req.accepts(['html', 'json']) === 'html';

export function registerWebApp(app: Express, options: WebAppOptions) {
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  const indexFile = path.join(webDir, 'index.html');

  if (!existsSync(indexFile)) {
    app.get('/', (_req, res) => {
      res.type('html').send(options.fallbackHome());
    });
    return;
  }

  const config = JSON.stringify({
    demoLogins: options.demoLogins,
    ...(options.demoLogins.length ? { demoPassword: options.demoPassword } : {}),
  }).replace(/</g, '\\u003c');
  // Read once: a new build means a new server start (npm start builds first).
  const indexHtml = readFileSync(indexFile, 'utf8').replace(
    '</head>',
    `<script id="wholesail-config" type="application/json">${config}</script></head>`,
  );

  app.use(
    '/assets',
    express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  app.use((req, res, next) => {
    if (!wantsHtml(req)) return next();
    res
      .set('Cache-Control', 'no-cache')
      .set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Referrer-Policy', 'same-origin')
      .type('html')
      .send(indexHtml);
  });
}
