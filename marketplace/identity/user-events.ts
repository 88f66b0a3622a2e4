/** One way to announce a change to a user's account (verified, password changed, two-factor on or off). */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import type { Database } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import type { UserChangedV1 } from './events.ts';

export async function recordUserChanged(
  tx: Transaction<Database>,
  type: string,
  user: { userId: string; companyId: string },
  occurredAt: Date,
  actor: Actor = { userId: user.userId, companyId: user.companyId, kind: 'user' },
): Promise<void> {
  await recordEvent<UserChangedV1>(tx, {
    type,
    version: 1,
    aggregateType: 'user',
    aggregateId: user.userId,
    companyIds: [user.companyId],
    occurredAt,
    actor,
    payload: { userId: user.userId, companyId: user.companyId },
  });
}
