/**
 * The access guard answers from a short cache. A change made in this process drops the entry at once; a change
 * made by another API process (here: straight in the database) is seen once the entry expires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { openPglite, type Db } from '../db/database.ts';
import { migrateOltp } from '../db/migrate.ts';
import { createAccessGuard } from './access-guard.ts';
import { createIdentityService } from './identity-service.ts';

describe('the access guard', () => {
  let db: Db;
  let userId: string;
  beforeAll(async () => {
    db = await openPglite();
    await migrateOltp(db);
    const identity = createIdentityService({ db, clock: systemClock });
    const { userId: id } = await identity.registerCompany(
      {
        kind: 'retailer',
        name: 'R',
        country: 'US',
        city: 'X',
        owner: { email: 'r@guard.test', password: 'pw-123456' },
      },
      systemActor,
    );
    userId = id;
  });
  afterAll(async () => db?.destroy());

  it('sees a suspension made by another process within its TTL, and one made here at once', async () => {
    let now = 0;
    const guard = createAccessGuard({ db, ttlMs: 5_000, now: () => now });
    expect((await guard.current(userId)).permissions).toContain('orders:place');

    await db.updateTable('users').set({ status: 'suspended' }).where('id', '=', userId).execute();
    expect((await guard.current(userId)).userId).toBe(userId); // still cached
    now += 5_001;
    await expect(guard.current(userId)).rejects.toMatchObject({ code: 'account_suspended' });

    await db
      .updateTable('users')
      .set({ status: 'active', role: 'viewer' })
      .where('id', '=', userId)
      .execute();
    guard.forgetUser(userId);
    const principal = await guard.current(userId);
    expect(principal.role).toBe('viewer');
    expect(principal.permissions).not.toContain('orders:place');
  });
});
