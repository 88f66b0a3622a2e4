/** The placeholder home page until the web issue brings the React front end. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function homePage(info: {
  mode: Record<string, string>;
  demoLogins: Array<{ email: string; role: string }>;
}): string {
  const logins = info.demoLogins
    .map((l) => `<tr><td><code>${escape(l.email)}</code></td><td>${escape(l.role)}</td></tr>`)
    .join('');
  const modes = Object.entries(info.mode)
    .map(([k, v]) => `<li>${escape(k)}: <strong>${escape(v)}</strong></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Wholesail</title>
<style>
  :root { --ink:#14213d; --accent:#0b7a75; --muted:#5c6b7a; --bg:#f7f9fb; }
  body { font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--bg); margin: 0; }
  main { max-width: 760px; margin: 0 auto; padding: 48px 24px; }
  h1 { font-size: 2.2rem; margin: 0 0 4px; } p.lead { color: var(--muted); margin-top: 0; }
  a.button { display: inline-block; background: var(--accent); color: #fff; padding: 10px 18px; border-radius: 6px; text-decoration: none; margin-right: 8px; }
  table { border-collapse: collapse; margin-top: 8px; } td, th { padding: 4px 12px 4px 0; text-align: left; }
  section { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px; padding: 16px 20px; margin-top: 24px; }
</style></head>
<body><main>
  <h1>Wholesail</h1>
  <p class="lead">The analytics-first B2B wholesale marketplace. The storefront and dashboards are on their way; the API is live.</p>
  <p><a class="button" href="/api/docs">API documentation</a><a class="button" href="/api/openapi.json">OpenAPI document</a></p>
  <section><h2>Demo logins</h2><p>Password for every demo account: <code>wholesail-demo</code></p>
  <table><thead><tr><th>Email</th><th>Role</th></tr></thead><tbody>${logins}</tbody></table></section>
  <section><h2>Running on</h2><ul>${modes}</ul></section>
</main></body></html>`;
}
