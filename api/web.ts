/**
 * Serves the built web app (dist/web, from `npm run build:web`): hashed assets cached for a year, index.html
 * never cached and given the demo logins when this is a demo install, and every other browser path that is not
 * the API answered with index.html so the app's own router shows it. Without a build, `/` falls back to the
 * plain home page, which says how to build it.
 *
 * `/embed/...` is the embed page (dashboards/embed, its own entry of the same build): the only page other sites
 * may frame. The app itself keeps `frame-ancestors 'self'`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request } from 'express';

/**
 * dist/web, or WHOLESAIL_WEB_DIR: engineers sharing one checkout build into separate folders so that one's
 * rebuild never swaps the files under another's running browser test (vite.config.ts reads the same variable).
 */
export const DEFAULT_WEB_DIR = process.env.WHOLESAIL_WEB_DIR
  ? path.resolve(process.env.WHOLESAIL_WEB_DIR)
  : path.resolve(import.meta.dirname, '../dist/web');

/** Paths that belong to the server, never to the app: they keep their JSON 404s. */
const SERVER_PATHS = /^\/(api|cubejs-api|metrics|health)(\/|$)/;

// The bundle has no inline scripts; ECharts and React set inline style attributes, hence 'unsafe-inline' for
// styles only. The injected config is a JSON data block, which script-src does not govern.
// Stripe.js (the payment page's card form, when STRIPE_PUBLISHABLE_KEY is set) must come from js.stripe.com, runs
// the card fields in its own frames and talks to api.stripe.com: the origins Stripe's CSP guide lists.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://js.stripe.com https://*.js.stripe.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https://api.stripe.com",
  'frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com',
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The embed page's policy: the app's, but framable by the token's allowed origins, or by any site. */
const embedContentSecurityPolicy = (frameAncestors: string[] | undefined) =>
  CONTENT_SECURITY_POLICY.replace(
    "frame-ancestors 'self'",
    `frame-ancestors ${frameAncestors?.length ? frameAncestors.join(' ') : '*'}`,
  );

/** The embed entry's script, the chunks it imports and their CSS, from Vite's manifest. */
function embedPageHtml(webDir: string): string | undefined {
  const manifestFile = path.join(webDir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  type Chunk = { file: string; name?: string; isEntry?: boolean; imports?: string[]; css?: string[] };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
  const entry = Object.values(manifest).find((c) => c.isEntry && c.name === 'embed');
  if (!entry) return undefined;
  const preload = new Set<string>();
  const css = new Set<string>(entry.css ?? []);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || preload.has(chunk.file)) return;
    preload.add(chunk.file);
    chunk.css?.forEach((file) => css.add(file));
    chunk.imports?.forEach(visit);
  };
  entry.imports?.forEach(visit);
  const tags = [
    `<script type="module" crossorigin src="/${entry.file}"></script>`,
    ...[...preload].map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...[...css].map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
  ];
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Wholesail dashboard</title>
    ${tags.join('\n    ')}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

export interface WebAppOptions {
  webDir?: string;
  demoLogins: Array<{ email: string; role: string }>;
  demoPassword?: string;
  /** What `/` shows when the app is not built. */
  fallbackHome: () => string;
  /**
   * The origins an embed token given in the page's query allows to frame it (api/auth/embed-tokens.ts);
   * undefined when there is none or it is not valid (the page then shows why, and has no data to show).
   */
  embedFrameAncestors?: (token: string) => Promise<string[] | undefined>;
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
  const embedHtml = embedPageHtml(webDir);
  if (embedHtml) {
    app.get('/embed/*dashboard', async (req, res) => {
      // A token in the fragment never reaches us; one in the query lets the browser enforce its origins too.
      const token = typeof req.query.token === 'string' ? req.query.token : undefined;
      const ancestors = token ? await options.embedFrameAncestors?.(token) : undefined;
      res
        .set('Cache-Control', 'no-store')
        .set('Content-Security-Policy', embedContentSecurityPolicy(ancestors))
        .set('X-Content-Type-Options', 'nosniff')
        // The token may sit in this page's URL: never send it on as a Referer, not even to ourselves.
        .set('Referrer-Policy', 'no-referrer')
        .type('html')
        .send(embedHtml);
    });
  }
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
