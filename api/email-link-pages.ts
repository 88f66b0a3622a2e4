/**
 * The pages the links in our emails open when the web app is not built (the React app has its own, under
 * marketplace/ui/auth/, and they must not be shadowed by these). Opening a link changes nothing by itself (mail
 * scanners prefetch links): the page shows a button or a password form that POSTs the token from the link to the
 * API.
 */
import type { Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_WEB_DIR } from './web.ts';

const page = (title: string, body: string, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} - Wholesail</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #14213d; background: #f7f9fb; margin: 0; }
  main { max-width: 440px; margin: 64px auto; background: #fff; border: 1px solid #e3e8ee; border-radius: 8px; padding: 24px; }
  input, button { font: inherit; width: 100%; box-sizing: border-box; padding: 8px; margin: 6px 0; }
  button { background: #0b7a75; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
  #result { margin-top: 12px; }
</style></head>
<body><main><h1>${title}</h1>${body}<p id="result" role="status"></p></main>
<script>
const token = new URLSearchParams(location.search).get('token') || '';
const show = (text) => { document.getElementById('result').textContent = text; };
async function post(path, payload, ok) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  const body = await res.json().catch(() => ({}));
  show(res.ok ? ok : (body.detail || 'Something went wrong.'));
}
${script}
</script></body></html>`;

const passwordForm = (label: string) =>
  `<form id="form"><label>${label}<input id="password" type="password" autocomplete="new-password" minlength="10" required></label><button>Save</button></form>`;

export function registerEmailLinkPages(app: Express, webDir = DEFAULT_WEB_DIR) {
  // Same test as registerWebApp: with a build, its index.html answers these paths and React routes them.
  if (existsSync(path.join(webDir, 'index.html'))) return;
  app.get('/verify-email', (_req, res) => {
    res
      .type('html')
      .send(
        page(
          'Confirm your email',
          '<p>Confirm this address for your Wholesail account.</p><button id="go">Confirm my email</button>',
          `document.getElementById('go').onclick = () => post('/api/v1/auth/verify-email', { token }, 'Your email is confirmed. You can close this page and log in.');`,
        ),
      );
  });
  app.get('/reset-password', (_req, res) => {
    res.type('html').send(
      page(
        'Reset your password',
        `<form id="ask" hidden><label>Your email<input id="email" type="email" required></label><button>Send me a reset link</button></form>${passwordForm('New password (at least 10 characters)')}`,
        `if (!token) { document.getElementById('form').hidden = true; document.getElementById('ask').hidden = false; }
document.getElementById('ask').onsubmit = (e) => { e.preventDefault(); post('/api/v1/auth/password-reset', { email: document.getElementById('email').value }, 'If an account uses this address, we sent it a link.'); };
document.getElementById('form').onsubmit = (e) => { e.preventDefault(); post('/api/v1/auth/password-reset/confirm', { token, password: document.getElementById('password').value }, 'Your password is changed. Log in with it.'); };`,
      ),
    );
  });
  app.get('/accept-invitation', (_req, res) => {
    res
      .type('html')
      .send(
        page(
          'Join your team on Wholesail',
          `<p>Choose a password to accept the invitation.</p>${passwordForm('Password (at least 10 characters)')}`,
          `document.getElementById('form').onsubmit = (e) => { e.preventDefault(); post('/api/v1/invitations/accept', { token, password: document.getElementById('password').value }, 'Welcome aboard. You can log in now.'); };`,
        ),
      );
  });
}
