/**
 * Two tabs of one browser must not sign each other out: a refresh token presented again within a few seconds of
 * its rotation (tabs loading together, a reload during a refresh) gets a sibling token of the same session, while a
 * late replay still ends the session as theft, and a logged-out, expired or suspended session is refused even
 * inside the grace. Over real HTTP, with the platform's clock moved instead of sleeping. Runs on embedded and on
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_REUSE_GRACE_MS } from '../../marketplace/identity/refresh-tokens.ts';
import { hashToken } from '../../marketplace/identity/secret-tokens.ts';
import { expectProblem } from './expect-problem.ts';
import { movableClock } from './movable-clock.ts';
import { PASSWORD, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';

export function refreshGraceScenario(mode: Mode) {
  describe(`refresh-token reuse grace on ${mode}`, () => {
    const clock = movableClock();
    let tp: TestPlatform;

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { startPipeline: false, clock });
    });
    afterAll(async () => tp?.close());

    const refresh = (refreshToken: string) =>
      tp.http('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
    const me = (token: string) => tp.http('GET', '/api/v1/me', { token });
    /** A fresh session (access + refresh token) for a new retailer's owner, and who they are. */
    async function signedIn(name: string) {
      const owner = await tp.company('retailer', name);
      const session = await tp.http('POST', '/api/v1/auth/login', {
        body: { email: owner.email, password: PASSWORD },
      });
      expect(session.status, JSON.stringify(session.body)).toBe(200);
      const userId = (await me(session.body.accessToken)).body.userId as string;
      return { userId, refreshToken: session.body.refreshToken as string };
    }
    /** The sessions (refresh-token families) these tokens belong to. */
    const familiesOf = async (...refreshTokens: string[]) =>
      (
        await tp.platform.db
          .selectFrom('refresh_tokens')
          .select('family_id')
          .distinct()
          .where('token_hash', 'in', refreshTokens.map(hashToken))
          .execute()
      ).map((r) => r.family_id);

    it('keeps both tabs signed in when they refresh with the same token a second apart', async () => {
      const { userId, refreshToken } = await signedIn('Two Tab Grocers');
      const tabA = await refresh(refreshToken);
      expect(tabA.status, JSON.stringify(tabA.body)).toBe(200);
      clock.advance(1_000);
      const tabB = await refresh(refreshToken);
      expect(tabB.status, JSON.stringify(tabB.body)).toBe(200);
      expect(new Set([refreshToken, tabA.body.refreshToken, tabB.body.refreshToken]).size).toBe(3);

      for (const tab of [tabA, tabB]) {
        const who = await me(tab.body.accessToken);
        expect(who.status, JSON.stringify(who.body)).toBe(200);
        expect(who.body.userId).toBe(userId);
      }
      // Still one session: the second tab got a sibling in the same family, not a new login.
      expect(await familiesOf(refreshToken, tabA.body.refreshToken, tabB.body.refreshToken)).toHaveLength(1);
      // Both children are live, and each rotates on as usual.
      for (const tab of [tabA, tabB]) {
        const next = await refresh(tab.body.refreshToken);
        expect(next.status, JSON.stringify(next.body)).toBe(200);
        expect((await me(next.body.accessToken)).status).toBe(200);
      }
    });

    it('keeps both tabs signed in when they refresh with the same token at the same moment', async () => {
      const { refreshToken } = await signedIn('Same Moment Deli');
      const [tabA, tabB] = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
      expect([tabA.status, tabB.status], JSON.stringify([tabA.body, tabB.body])).toEqual([200, 200]);
      expect(tabA.body.refreshToken).not.toBe(tabB.body.refreshToken);
      expect((await me(tabA.body.accessToken)).status).toBe(200);
      expect((await me(tabB.body.accessToken)).status).toBe(200);
    });

    it('still ends the whole session when a spent token comes back after the grace', async () => {
      const { refreshToken } = await signedIn('Late Replay Market');
      const tabA = await refresh(refreshToken);
      clock.advance(1_000);
      const tabB = await refresh(refreshToken);
      expect([tabA.status, tabB.status]).toEqual([200, 200]);

      clock.advance(REFRESH_REUSE_GRACE_MS); // 11 s after the first rotation
      expectProblem(await refresh(refreshToken), 401, 'refresh_token_reused');
      // Both children die with their family, refresh tokens and access tokens alike.
      for (const tab of [tabA, tabB]) {
        expectProblem(await refresh(tab.body.refreshToken), 401, 'session_revoked');
        expectProblem(await me(tab.body.accessToken), 401, 'session_revoked');
      }
      const [family] = await familiesOf(refreshToken);
      const live = await tp.platform.db
        .selectFrom('refresh_tokens')
        .select('id')
        .where('family_id', '=', family!)
        .where('revoked_at', 'is', null)
        .execute();
      expect(live).toEqual([]);
    });

    describe('inside the grace, a session that is over stays over', () => {
      it('refuses the spent token once the session has been logged out', async () => {
        const { refreshToken } = await signedIn('Logged Out Larder');
        const tabA = await refresh(refreshToken);
        expect(tabA.status).toBe(200);
        const out = await tp.http('POST', '/api/v1/auth/logout', {
          body: { refreshToken: tabA.body.refreshToken },
        });
        expect(out.status).toBe(204);
        clock.advance(1_000);
        expectProblem(await refresh(refreshToken), 401, 'session_revoked');
        expectProblem(await me(tabA.body.accessToken), 401, 'session_revoked');
      });

      it('refuses the spent token once the person has been suspended', async () => {
        const admin = await tp.company('platform', 'Wholesail Ops', 'admin');
        const { userId, refreshToken } = await signedIn('Suspended Sundries');
        const tabA = await refresh(refreshToken);
        expect(tabA.status).toBe(200);
        const suspend = await tp.http('POST', `/api/v1/admin/users/${userId}/suspend`, {
          token: admin.token,
          body: { reason: 'Chargeback fraud under review' },
        });
        expect(suspend.status, JSON.stringify(suspend.body)).toBe(200);
        clock.advance(1_000);
        expectProblem(await refresh(refreshToken), 401, 'session_revoked');
        expectProblem(await refresh(tabA.body.refreshToken), 401, 'session_revoked');
        expectProblem(await me(tabA.body.accessToken), 401, 'account_suspended');
      });

      it('refuses the spent token once the session has expired', async () => {
        const { userId, refreshToken } = await signedIn('Expired Emporium');
        expect((await refresh(refreshToken)).status).toBe(200);
        // Thirty days cannot pass inside a ten-second window on one clock, so the session's expiry is moved instead.
        await tp.platform.db
          .updateTable('refresh_tokens')
          .set({ expires_at: new Date(clock.now().getTime() - 1_000) })
          .where('user_id', '=', userId)
          .execute();
        clock.advance(1_000);
        expectProblem(await refresh(refreshToken), 401, 'session_expired');
      });
    });
  });
}
