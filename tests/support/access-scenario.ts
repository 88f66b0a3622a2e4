/**
 * Who may do what, as people notice it: owners invite their team by email, roles decide what members can do,
 * nobody escalates beyond their own rights or reaches into another company, and platform admins suspend and
 * reinstate companies and people, with every privileged act in the audit log. Runs on embedded and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastEmailTo } from './mail-outbox.ts';
import { PASSWORD, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';
import { expectProblem } from './expect-problem.ts';

const MEMBER_PASSWORD = 'glass-harbour-lantern-7';
type Company = Awaited<ReturnType<TestPlatform['company']>>;

export function accessScenario(mode: Mode) {
  describe(`members, roles and platform administration on ${mode}`, () => {
    let tp: TestPlatform;
    let n = 0;

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { startPipeline: false });
    });
    afterAll(async () => tp?.close());

    const product = (token: string, sku: string) =>
      tp.http('POST', '/api/v1/products', {
        token,
        body: { sku, name: 'Linen towel', priceMinor: 900, currency: 'USD', stock: 3 },
      });

    /** Invites `role` into `company` by email, clicks the link, chooses a password, and logs in. */
    async function join(company: Company, role: string, inviter = company.token) {
      // Seats per plan are tested below; here teams grow freely, as on Enterprise.
      await tp.platform.db
        .updateTable('companies')
        .set({ plan: 'enterprise' })
        .where('id', '=', company.companyId)
        .where('kind', '=', 'manufacturer')
        .execute();
      const email = `${role}-${++n}-${mode}@team.example.test`;
      const invite = await tp.http('POST', `/api/v1/companies/${company.companyId}/invitations`, {
        token: inviter,
        body: { email, role },
      });
      expect(invite.status, JSON.stringify(invite.body)).toBe(201);
      const link = lastEmailTo(tp.platform.config.dataDir, email).link;
      expect(link.pathname).toBe('/accept-invitation');
      expect((await tp.http('GET', link.pathname + link.search)).status).toBe(200);
      const token = link.searchParams.get('token')!;
      const accepted = await tp.http('POST', '/api/v1/invitations/accept', {
        body: { token, password: MEMBER_PASSWORD },
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
      return {
        email,
        userId: accepted.body.userId as string,
        inviteToken: token,
        invitationId: invite.body.id as string,
        token: await tp.login(email, MEMBER_PASSWORD),
      };
    }

    it('gives a Free manufacturer two seats: the owner and one more, counting open invitations', async () => {
      const maker = await tp.company('manufacturer', 'Two Seat Looms');
      const invite = (email: string) =>
        tp.http('POST', `/api/v1/companies/${maker.companyId}/invitations`, {
          token: maker.token,
          body: { email, role: 'viewer' },
        });
      const first = await invite(`seat-1-${mode}@team.example.test`);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      // Inviting the same person again replaces the invitation and takes no second seat.
      expect((await invite(`seat-1-${mode}@team.example.test`)).status).toBe(201);
      const refused = await invite(`seat-2-${mode}@team.example.test`);
      expectProblem(refused, 422, 'plan_limit_reached', 'email');
      expect(refused.body.detail).toContain('Professional (5 users)');
      const open = await tp.http('GET', `/api/v1/companies/${maker.companyId}/invitations`, {
        token: maker.token,
      });
      const pending = open.body.items.find((i: { status: string }) => i.status === 'pending');
      expect(
        (
          await tp.http('DELETE', `/api/v1/companies/${maker.companyId}/invitations/${pending.id}`, {
            token: maker.token,
          })
        ).status,
      ).toBe(200);
      expect((await invite(`seat-2-${mode}@team.example.test`)).status).toBe(201);
    });

    it('lets an owner invite a catalog manager by email, who can then list products but not invite anyone', async () => {
      const maker = await tp.company('manufacturer', 'Loom & Co');
      const manager = await join(maker, 'catalog_manager');
      expect((await product(manager.token, 'TOWEL-1')).status).toBe(201);
      const invite = await tp.http('POST', `/api/v1/companies/${maker.companyId}/invitations`, {
        token: manager.token,
        body: { email: 'friend@team.example.test', role: 'viewer' },
      });
      expect(invite.status).toBe(403);

      const members = await tp.http('GET', `/api/v1/companies/${maker.companyId}/members`, {
        token: manager.token,
      });
      expect(members.body.items.map((m: { role: string }) => m.role).sort()).toEqual([
        'catalog_manager',
        'owner',
      ]);
      const reuse = await tp.http('POST', '/api/v1/invitations/accept', {
        body: { token: manager.inviteToken, password: MEMBER_PASSWORD },
      });
      expect(reuse.status).toBe(422);

      const events = await tp.platform.db
        .selectFrom('outbox')
        .select('type')
        .where('aggregate_id', 'in', [maker.companyId, manager.userId])
        .execute();
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['company.member_invited', 'user.registered', 'company.member_added']),
      );
      const invitations = await tp.http('GET', `/api/v1/companies/${maker.companyId}/invitations`, {
        token: maker.token,
      });
      expect(invitations.body.items[0]).toMatchObject({ id: manager.invitationId, status: 'accepted' });
    });

    it('never lets a member grant, or act on, rights beyond their own', async () => {
      const shop = await tp.company('retailer', 'Harbour Goods');
      const admin = await join(shop, 'admin');
      const buyer = await join(shop, 'order_manager', admin.token);
      const ownerId = (await tp.http('GET', '/api/v1/me', { token: shop.token })).body.userId;
      const base = `/api/v1/companies/${shop.companyId}`;

      const makeOwner = await tp.http('POST', `${base}/invitations`, {
        token: admin.token,
        body: { email: `boss-${mode}@team.example.test`, role: 'owner' },
      });
      expect(makeOwner.status).toBe(403);
      expect(makeOwner.body.code).toBe('beyond_your_rights');
      expect(
        (
          await tp.http('PATCH', `${base}/members/${ownerId}`, {
            token: admin.token,
            body: { role: 'viewer' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await tp.http('PATCH', `${base}/members/${admin.userId}`, {
            token: admin.token,
            body: { role: 'owner' },
          })
        ).status,
      ).toBe(403);
      expect((await tp.http('DELETE', `${base}/members/${ownerId}`, { token: admin.token })).status).toBe(
        403,
      );
      const unknown = await tp.http('PATCH', `${base}/members/${buyer.userId}`, {
        token: admin.token,
        body: { role: 'catalog_manager' }, // retailers have no catalog managers
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.fields[0].field).toBe('role');

      // The buyer's existing token loses buying rights the moment they become a viewer.
      const order = () =>
        tp.http('POST', '/api/v1/orders', {
          token: buyer.token,
          body: { lines: [{ productId: '01900000-0000-7000-8000-000000000000', quantity: 1 }] },
        });
      expect((await order()).status).toBe(422); // allowed to try; the product just does not exist
      const demoted = await tp.http('PATCH', `${base}/members/${buyer.userId}`, {
        token: admin.token,
        body: { role: 'viewer' },
      });
      expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
      expect((await order()).status).toBe(403);
      const viewerInvite = await tp.http('POST', `${base}/invitations`, {
        token: buyer.token,
        body: { email: `pal-${mode}@team.example.test`, role: 'viewer' },
      });
      expect(viewerInvite.status).toBe(403);

      // The last owner cannot be demoted, even by themselves.
      expect(
        (await tp.http('PATCH', `${base}/members/${ownerId}`, { token: shop.token, body: { role: 'admin' } }))
          .status,
      ).toBe(403);
      const audit = await tp.platform.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'member.role_changed')
        .where('target_id', '=', buyer.userId)
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        actor_user_id: admin.userId,
        before: { role: 'order_manager' },
        after: { role: 'viewer' },
      });
    });

    it("keeps a member of one company away from another company's members and invitations", async () => {
      const a = await tp.company('manufacturer', 'Company A');
      const b = await tp.company('manufacturer', 'Company B');
      const bMember = await join(b, 'viewer');
      const bInvite = await tp.http('POST', `/api/v1/companies/${b.companyId}/invitations`, {
        token: b.token,
        body: { email: `pending-${mode}@b.example.test`, role: 'finance' },
      });
      const onB = `/api/v1/companies/${b.companyId}`;
      const attempts = [
        await tp.http('GET', `${onB}/members`, { token: a.token }),
        await tp.http('GET', `${onB}/invitations`, { token: a.token }),
        await tp.http('PATCH', `${onB}/members/${bMember.userId}`, {
          token: a.token,
          body: { role: 'admin' },
        }),
        await tp.http('DELETE', `${onB}/members/${bMember.userId}`, { token: a.token }),
        await tp.http('POST', `${onB}/invitations`, {
          token: a.token,
          body: { email: 'spy@a.example.test', role: 'admin' },
        }),
        await tp.http('DELETE', `${onB}/invitations/${bInvite.body.id}`, { token: a.token }),
        // A's own path with B's member: the member is not found in A.
        await tp.http('DELETE', `/api/v1/companies/${a.companyId}/members/${bMember.userId}`, {
          token: a.token,
        }),
      ];
      expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 404]);
      const stillThere = await tp.http('GET', `${onB}/members`, { token: b.token });
      expect(stillThere.body.items).toHaveLength(2);
      const badId = await tp.http('GET', '/api/v1/companies/not-a-uuid/members', { token: a.token });
      expect(badId.status).toBe(400);
      expect(badId.body.fields[0].field).toBe('companyId');
    });

    it('ends a removed member’s sessions at once', async () => {
      const maker = await tp.company('manufacturer', 'Pruning Ltd');
      const leaver = await join(maker, 'finance');
      const removed = await tp.http(
        'DELETE',
        `/api/v1/companies/${maker.companyId}/members/${leaver.userId}`,
        {
          token: maker.token,
        },
      );
      expect(removed.status).toBe(204);
      const me = await tp.http('GET', '/api/v1/me', { token: leaver.token });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('account_removed');
      const login = await tp.http('POST', '/api/v1/auth/login', {
        body: { email: leaver.email, password: MEMBER_PASSWORD },
      });
      expect(login.status).toBe(401);
    });

    it('documents every identity, member and admin route in the OpenAPI document, path parameters included', async () => {
      const doc = (await tp.http('GET', '/api/openapi.json')).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/register',
          '/api/v1/auth/login/two-factor',
          '/api/v1/auth/refresh',
          '/api/v1/auth/password-reset/confirm',
          '/api/v1/auth/2fa/enroll',
          '/api/v1/invitations/accept',
          '/api/v1/companies/{companyId}/members/{userId}',
          '/api/v1/admin/companies/{id}/suspend',
          '/api/v1/admin/audit-log',
        ]),
      );
      const patch = doc.paths['/api/v1/companies/{companyId}/members/{userId}'].patch;
      expect(patch.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
        'path:companyId',
        'path:userId',
      ]);
      expect(doc.paths['/api/v1/auth/login'].post.responses['429'].headers['Retry-After']).toBeDefined();
    });

    describe('platform administration', () => {
      let admin: Company;
      let seller: Company;
      beforeAll(async () => {
        admin = await tp.company('platform', 'Wholesail Ops', 'admin');
        seller = await tp.company('manufacturer', 'Suspicious Supplies');
      });

      it('suspends a manufacturer: its people cannot log in and their tokens stop at once; reinstating lets them back', async () => {
        const session = await tp.http('POST', '/api/v1/auth/login', {
          body: { email: seller.email, password: PASSWORD },
        });
        const suspend = await tp.http('POST', `/api/v1/admin/companies/${seller.companyId}/suspend`, {
          token: admin.token,
          body: { reason: 'Counterfeit goods reported' },
        });
        expect(suspend.status, JSON.stringify(suspend.body)).toBe(200);
        const me = await tp.http('GET', '/api/v1/me', { token: seller.token });
        expect(me.status).toBe(401);
        expect(me.body.code).toBe('company_suspended');
        expect((await product(seller.token, 'FAKE-1')).status).toBe(401);
        const login = await tp.http('POST', '/api/v1/auth/login', {
          body: { email: seller.email, password: PASSWORD },
        });
        expect(login.status).toBe(403);
        expect(login.body.code).toBe('company_suspended');
        expect(
          (
            await tp.http('POST', '/api/v1/auth/refresh', {
              body: { refreshToken: session.body.refreshToken },
            })
          ).status,
        ).toBe(401);
        expect(
          (
            await tp.http('POST', `/api/v1/admin/companies/${seller.companyId}/suspend`, {
              token: admin.token,
              body: { reason: 'again' },
            })
          ).status,
        ).toBe(409);

        const reinstate = await tp.http('POST', `/api/v1/admin/companies/${seller.companyId}/reinstate`, {
          token: admin.token,
          body: { reason: 'Investigation closed' },
        });
        expect(reinstate.status).toBe(200);
        expect(
          (await tp.http('POST', '/api/v1/auth/login', { body: { email: seller.email, password: PASSWORD } }))
            .status,
        ).toBe(200);

        const audit = await tp.http('GET', `/api/v1/admin/audit-log?targetId=${seller.companyId}&limit=10`, {
          token: admin.token,
        });
        // Newest first; before them only the KYB approval recorded when the test company was registered.
        expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
          'company.reinstated',
          'company.suspended',
          'company.kyb_approved',
        ]);
        expect(audit.body.items[1]).toMatchObject({
          reason: 'Counterfeit goods reported',
          before: { status: 'active' },
          after: { status: 'suspended' },
          actor: { userId: expect.any(String), kind: 'user' },
        });
        const events = await tp.platform.db
          .selectFrom('outbox')
          .select('type')
          .where('aggregate_id', '=', seller.companyId)
          .where('type', 'in', ['company.suspended', 'company.reinstated'])
          .execute();
        expect(events).toHaveLength(2);
      });

      it('suspends one person without touching their colleagues', async () => {
        const shop = await tp.company('retailer', 'Two Person Shop');
        const colleague = await join(shop, 'viewer');
        const res = await tp.http('POST', `/api/v1/admin/users/${colleague.userId}/suspend`, {
          token: admin.token,
          body: { reason: 'Shared credentials' },
        });
        expect(res.status).toBe(200);
        expect((await tp.http('GET', '/api/v1/me', { token: colleague.token })).body.code).toBe(
          'account_suspended',
        );
        expect((await tp.http('GET', '/api/v1/me', { token: shop.token })).status).toBe(200);
        const user = await tp.http('GET', `/api/v1/admin/users/${colleague.userId}`, { token: admin.token });
        expect(user.body).toMatchObject({ status: 'suspended', suspensionReason: 'Shared credentials' });
        await tp.http('POST', `/api/v1/admin/users/${colleague.userId}/reinstate`, {
          token: admin.token,
          body: { reason: 'Confirmed with owner' },
        });
        // Suspension ended their sessions for good; after reinstatement they log in again.
        expect((await tp.http('GET', '/api/v1/me', { token: colleague.token })).status).toBe(401);
        const again = await tp.login(colleague.email, MEMBER_PASSWORD);
        expect((await tp.http('GET', '/api/v1/me', { token: again })).status).toBe(200);
      });

      it('keeps admin endpoints for platform admins only', async () => {
        const exec = await tp.company('platform', 'Wholesail Board', 'executive');
        for (const token of [await tp.login(seller.email), exec.token]) {
          expect((await tp.http('GET', '/api/v1/admin/companies', { token })).status).toBe(403);
          expect((await tp.http('GET', '/api/v1/admin/audit-log', { token })).status).toBe(403);
          const suspend = await tp.http('POST', `/api/v1/admin/companies/${seller.companyId}/suspend`, {
            token,
            body: { reason: 'I do not like them' },
          });
          expect(suspend.status).toBe(403);
        }
        expect((await tp.http('GET', '/api/v1/admin/companies')).status).toBe(401);
      });

      it('lists and filters companies, users and the audit log, and names bad filters', async () => {
        const makers = await tp.http('GET', '/api/v1/admin/companies?kind=manufacturer&q=suspicious', {
          token: admin.token,
        });
        expect(makers.body.items.map((c: { name: string }) => c.name)).toEqual(['Suspicious Supplies']);
        const company = await tp.http('GET', `/api/v1/admin/companies/${seller.companyId}`, {
          token: admin.token,
        });
        expect(company.body.members).toHaveLength(1);
        const users = await tp.http('GET', `/api/v1/admin/users?companyId=${seller.companyId}`, {
          token: admin.token,
        });
        expect(users.body.items[0]).toMatchObject({ email: seller.email, role: 'owner', status: 'active' });

        const page1 = await tp.http('GET', '/api/v1/admin/audit-log?limit=1', { token: admin.token });
        const page2 = await tp.http('GET', '/api/v1/admin/audit-log?limit=1&offset=1', {
          token: admin.token,
        });
        expect(page1.body.hasMore).toBe(true);
        expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
        const since = new Date(Date.now() - 3600_000).toISOString();
        const suspensions = await tp.http(
          'GET',
          `/api/v1/admin/audit-log?action=company.suspended&from=${since}&actorId=${page1.body.items[0].actor.userId}`,
          { token: admin.token },
        );
        expect(suspensions.status).toBe(200);
        const future = await tp.http(
          'GET',
          `/api/v1/admin/audit-log?from=${new Date(Date.now() + 3600_000).toISOString()}`,
          {
            token: admin.token,
          },
        );
        expect(future.body.items).toEqual([]);

        for (const [query, field] of [
          ['from=yesterday', 'from'],
          ['actorId=bob', 'actorId'],
          ['limit=500', 'limit'],
          ['action=DROP TABLE', 'action'],
        ]) {
          const res = await tp.http('GET', `/api/v1/admin/audit-log?${query}`, { token: admin.token });
          expect(res.status).toBe(400);
          expect(res.body.fields[0].field).toBe(field);
        }
      });

      it('answers bad suspension requests with 4xx problems', async () => {
        const noReason = await tp.http('POST', `/api/v1/admin/companies/${seller.companyId}/suspend`, {
          token: admin.token,
          body: { reason: '' },
        });
        expect(noReason.status).toBe(400);
        expect(noReason.body.fields[0].field).toBe('reason');
        const missing = await tp.http(
          'POST',
          `/api/v1/admin/companies/01900000-0000-7000-8000-000000000000/suspend`,
          {
            token: admin.token,
            body: { reason: 'Who is this' },
          },
        );
        expect(missing.status).toBe(404);
        const platform = await tp.http('POST', `/api/v1/admin/companies/${admin.companyId}/suspend`, {
          token: admin.token,
          body: { reason: 'Oops' },
        });
        expect(platform.status).toBe(422);
      });
    });
  });
}
