/**
 * Identity as a person meets it, over real HTTP, clicking the links in the emails the platform writes to its
 * mail outbox: sign-up and verification, sessions with rotating refresh tokens, password reset, rate limits and
 * two-factor login. Runs on embedded and on PostgreSQL + Kafka.
 */
import { generate } from 'otplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_REUSE_GRACE_MS } from '../../marketplace/identity/refresh-tokens.ts';
import { emailsTo, lastEmailTo } from './mail-outbox.ts';
import { movableClock } from './movable-clock.ts';
import { PASSWORD, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';

const STRONG = 'plum-orchard-ladder-42';

export function identityScenario(mode: Mode) {
  describe(`identity on ${mode}`, () => {
    let tp: TestPlatform;
    let dataDir: string;
    let n = 0;
    const clock = movableClock();
    const address = (who: string) => `${who}-${++n}@${mode}.example.test`;

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { startPipeline: false, clock });
      dataDir = tp.platform.config.dataDir;
    });
    afterAll(async () => tp?.close());
    afterEach(() => clock.reset());

    const signUp = (email: string, extra: Record<string, unknown> = {}) =>
      tp.http('POST', '/api/v1/auth/register', {
        body: {
          kind: 'manufacturer',
          companyName: 'Fjord Ceramics',
          country: 'NO',
          city: 'Bergen',
          email,
          password: STRONG,
          ...extra,
        },
      });
    const login = (email: string, password = STRONG) =>
      tp.http('POST', '/api/v1/auth/login', { body: { email, password } });
    const openLink = async (link: URL) => {
      const page = await tp.http('GET', link.pathname + link.search);
      expect(page.status).toBe(200);
      expect(page.type).toContain('text/html');
      return link.searchParams.get('token')!;
    };
    // A draft: publishing also needs the company's KYB approval (kyb-scenario.ts), which sign-up alone never gives.
    const listProduct = (token: string, sku: string) =>
      tp.http('POST', '/api/v1/products', {
        token,
        body: { sku, name: 'Stoneware mug', priceMinor: 1200, currency: 'EUR', stock: 10, status: 'draft' },
      });

    it('lets a manufacturer sign up, look around unverified, and list products once they click the emailed link', async () => {
      const email = address('owner');
      const res = await signUp(email);
      expect(res.status, JSON.stringify(res.body)).toBe(202);

      const session = await login(email);
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({
        twoFactorRequired: false,
        emailVerified: false,
        tokenType: 'Bearer',
      });
      const token = session.body.accessToken;
      expect((await listProduct(token, 'MUG-1')).status).toBe(403);

      const mail = lastEmailTo(dataDir, email);
      expect(mail.subject).toMatch(/confirm your email/i);
      const verifyToken = await openLink(mail.link);
      expect(mail.link.pathname).toBe('/verify-email');
      expect(
        (await tp.http('POST', '/api/v1/auth/verify-email', { body: { token: verifyToken } })).status,
      ).toBe(200);

      // The same access token now carries the selling rights: the guard reads the account as it is now.
      expect((await listProduct(token, 'MUG-1')).status).toBe(201);
      expect((await tp.http('GET', '/api/v1/me', { token })).body).toMatchObject({
        email,
        emailVerified: true,
      });

      const again = await tp.http('POST', '/api/v1/auth/verify-email', { body: { token: verifyToken } });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ code: 'token_invalid', fields: [{ field: 'token' }] });

      const me = (await tp.http('GET', '/api/v1/me', { token })).body;
      const events = await tp.platform.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('aggregate_id', 'in', [me.userId, me.companyId])
        .execute();
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['company.registered', 'user.registered', 'user.email_verified']),
      );
      const serialized = JSON.stringify(events);
      for (const secret of [email, STRONG, verifyToken]) expect(serialized).not.toContain(secret);
    });

    it('answers a sign-up with a taken email exactly like a new one, and emails the account holder instead', async () => {
      const email = address('taken');
      const first = await signUp(email);
      const second = await signUp(email, { companyName: 'Copycat Ltd' });
      expect(second.status).toBe(first.status);
      expect(second.body).toEqual(first.body);
      const notice = lastEmailTo(dataDir, email);
      expect(notice.subject).toMatch(/already have a Wholesail account/);
      // Its first link signs in (the web app's sign-in page), the second resets the password.
      expect(notice.link.pathname).toBe('/login');
      expect(notice.text).toContain('/reset-password');
      const copycats = await tp.platform.db
        .selectFrom('companies')
        .select('id')
        .where('name', '=', 'Copycat Ltd')
        .execute();
      expect(copycats).toEqual([]);
    });

    it.each([
      [{ password: 'short' }, 400, 'password'],
      [{ password: 'password123' }, 422, 'password'],
      [{ password: 'aaaaaaaaaaaa' }, 422, 'password'],
      [{ country: 'XX' }, 400, 'country'],
      [{ country: 'usa' }, 400, 'country'],
      [{ kind: 'platform' }, 400, 'kind'],
      [{ email: 'not-an-email' }, 400, 'email'],
    ])('refuses a sign-up with %j and names the field', async (extra, status, field) => {
      const res = await signUp(address('bad'), extra);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it('rotates refresh tokens, and a reused one ends the whole session', async () => {
      const owner = await tp.company('retailer', 'Corner Shop');
      const first = await login(owner.email, PASSWORD);
      const r1 = first.body.refreshToken;
      const second = await tp.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: r1 } });
      expect(second.status).toBe(200);
      const r2 = second.body.refreshToken;
      expect(r2).not.toBe(r1);
      expect((await tp.http('GET', '/api/v1/me', { token: second.body.accessToken })).status).toBe(200);

      // Past the grace that lets two tabs race (refresh-grace-scenario.ts), a replay means the token was copied.
      clock.advance(REFRESH_REUSE_GRACE_MS + 1_000);
      const replay = await tp.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: r1 } });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('refresh_token_reused');
      // The thief's replay also ends the legitimate holder's session and its access tokens.
      expect((await tp.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: r2 } })).body.code).toBe(
        'session_revoked',
      );
      const me = await tp.http('GET', '/api/v1/me', { token: second.body.accessToken });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('session_revoked');
      // Other sessions of the same person are untouched.
      expect((await tp.http('GET', '/api/v1/me', { token: owner.token })).status).toBe(200);
    });

    it('ends the session and its access token at logout', async () => {
      const owner = await tp.company('retailer', 'Logout Shop');
      const session = await login(owner.email, PASSWORD);
      const out = await tp.http('POST', '/api/v1/auth/logout', {
        body: { refreshToken: session.body.refreshToken },
      });
      expect(out.status).toBe(204);
      expect((await tp.http('GET', '/api/v1/me', { token: session.body.accessToken })).status).toBe(401);
      expect(
        (await tp.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.body.refreshToken } }))
          .status,
      ).toBe(401);
    });

    it('resets a forgotten password through a single-use link, without revealing which emails exist', async () => {
      const owner = await tp.company('manufacturer', 'Forgetful Mills');
      const old = await login(owner.email, PASSWORD);
      const known = await tp.http('POST', '/api/v1/auth/password-reset', { body: { email: owner.email } });
      const unknown = await tp.http('POST', '/api/v1/auth/password-reset', {
        body: { email: 'ghost@nowhere.test' },
      });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      expect(emailsTo(dataDir, 'ghost@nowhere.test')).toEqual([]);

      const token = await openLink(lastEmailTo(dataDir, owner.email).link);
      const weak = await tp.http('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, password: 'password123' },
      });
      expect(weak.status).toBe(422);
      const done = await tp.http('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, password: STRONG },
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const reuse = await tp.http('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, password: STRONG },
      });
      expect(reuse.status).toBe(422);

      expect((await login(owner.email, PASSWORD)).status).toBe(401);
      expect((await login(owner.email, STRONG)).status).toBe(200);
      expect((await tp.http('GET', '/api/v1/me', { token: old.body.accessToken })).status).toBe(401);
      expect(
        (await tp.http('POST', '/api/v1/auth/refresh', { body: { refreshToken: old.body.refreshToken } }))
          .status,
      ).toBe(401);
    });

    it('refuses an expired reset link', async () => {
      const owner = await tp.company('retailer', 'Late Shop');
      await tp.http('POST', '/api/v1/auth/password-reset', { body: { email: owner.email } });
      const token = lastEmailTo(dataDir, owner.email).link.searchParams.get('token')!;
      await tp.platform.db
        .updateTable('one_time_tokens')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('purpose', '=', 'reset_password')
        .execute();
      const res = await tp.http('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, password: STRONG },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('token_invalid');
    });

    it('slows down password guessing per account with 429 and Retry-After, whether or not the account exists', async () => {
      const owner = await tp.company('manufacturer', 'Guarded Works');
      for (const email of [owner.email, 'nobody-here@example.test']) {
        for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password-1')).status).toBe(401);
        const res = await fetch(`${tp.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        expect(res.status).toBe(429);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(60);
        expect((await res.json()).code).toBe('too_many_requests');
      }
      // Someone else logging in from the same address is not locked out.
      const other = await tp.company('retailer', 'Neighbour');
      expect((await login(other.email, PASSWORD)).status).toBe(200);
    });

    it('limits password-reset emails per address', async () => {
      const email = address('resetter');
      for (let i = 0; i < 3; i++)
        expect((await tp.http('POST', '/api/v1/auth/password-reset', { body: { email } })).status).toBe(202);
      const res = await tp.http('POST', '/api/v1/auth/password-reset', { body: { email } });
      expect(res.status).toBe(429);
    });

    it('asks for an authenticator code at login once two-factor is on, and accepts a recovery code once', async () => {
      const owner = await tp.company('manufacturer', 'Two Step Co');
      const enroll = await tp.http('POST', '/api/v1/auth/2fa/enroll', { token: owner.token });
      expect(enroll.status).toBe(200);
      expect(enroll.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Wholesail:/);
      const secret = enroll.body.secret as string;
      const wrong = await tp.http('POST', '/api/v1/auth/2fa/confirm', {
        token: owner.token,
        body: { code: '000000' },
      });
      expect(wrong.status).toBe(422);
      const confirm = await tp.http('POST', '/api/v1/auth/2fa/confirm', {
        token: owner.token,
        body: { code: await generate({ secret }) },
      });
      expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
      const recoveryCodes = confirm.body.recoveryCodes as string[];
      expect(recoveryCodes).toHaveLength(10);
      // At rest the seed is sealed: a copy of the users table does not give away anyone's second factor.
      const stored = await tp.platform.db
        .selectFrom('users')
        .select('totp_secret')
        .where('email', '=', owner.email)
        .executeTakeFirstOrThrow();
      expect(stored.totp_secret).toMatch(/^v1\./);
      expect(stored.totp_secret).not.toContain(secret);

      const step1 = await login(owner.email, PASSWORD);
      expect(step1.body).toMatchObject({ twoFactorRequired: true });
      expect(step1.body.accessToken).toBeUndefined();
      const challengeToken = step1.body.challengeToken;
      const bad = await tp.http('POST', '/api/v1/auth/login/two-factor', {
        body: { challengeToken, code: '123456' },
      });
      expect(bad.status).toBe(401);
      // The next 30-second code (within the accepted drift), since the current one was spent confirming.
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const step2 = await tp.http('POST', '/api/v1/auth/login/two-factor', {
        body: { challengeToken, code },
      });
      expect(step2.status, JSON.stringify(step2.body)).toBe(200);
      expect((await tp.http('GET', '/api/v1/me', { token: step2.body.accessToken })).body.twoFactor).toBe(
        true,
      );

      const replayed = await tp.http('POST', '/api/v1/auth/login/two-factor', {
        body: { challengeToken: (await login(owner.email, PASSWORD)).body.challengeToken, code },
      });
      expect(replayed.status).toBe(401);

      const viaRecovery = await tp.http('POST', '/api/v1/auth/login/two-factor', {
        body: {
          challengeToken: (await login(owner.email, PASSWORD)).body.challengeToken,
          code: recoveryCodes[0],
        },
      });
      expect(viaRecovery.status).toBe(200);
      const recoveryAgain = await tp.http('POST', '/api/v1/auth/login/two-factor', {
        body: {
          challengeToken: (await login(owner.email, PASSWORD)).body.challengeToken,
          code: recoveryCodes[0],
        },
      });
      expect(recoveryAgain.status).toBe(401);

      const off = await tp.http('POST', '/api/v1/auth/2fa/disable', {
        token: owner.token,
        body: { code: recoveryCodes[1] },
      });
      expect(off.status, JSON.stringify(off.body)).toBe(200);
      expect((await login(owner.email, PASSWORD)).body.twoFactorRequired).toBe(false);

      const audit = await tp.platform.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', (await tp.http('GET', '/api/v1/me', { token: owner.token })).body.userId)
        .orderBy('occurred_at')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['user.two_factor_enabled', 'user.two_factor_disabled']);
    });
  });
}
