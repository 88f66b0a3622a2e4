/**
 * Tickets for the live notification stream. A browser's EventSource cannot send an Authorization header, and an
 * access token in a URL would end up in access logs and browser history for its whole 15 minutes. So a logged-in
 * client first asks (with its header) for a ticket: a random secret that is valid for 60 seconds, opens only the
 * caller's own stream, and is stored hashed in the database so any API process can accept it.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { hashToken, newSecretToken } from '../identity/secret-tokens.ts';

export const STREAM_TICKET_TTL_SECONDS = 60;

export function createStreamTickets(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function issue(principal: Principal, sessionId?: string) {
    const ticket = newSecretToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + STREAM_TICKET_TTL_SECONDS * 1000);
    await db.transaction().execute(async (tx) => {
      // Housekeeping while we are here: expired tickets are useless, so the table stays tiny.
      await tx.deleteFrom('notification_stream_tickets').where('expires_at', '<', now).execute();
      await tx
        .insertInto('notification_stream_tickets')
        .values({
          token_hash: hashToken(ticket),
          user_id: principal.userId,
          session_id: sessionId ?? null,
          expires_at: expiresAt,
        })
        .execute();
    });
    return { ticket, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Reusable until it expires, so EventSource's automatic reconnect (same URL) works for that minute; after it,
   * the client asks for a new ticket. The caller still goes through the access guard (suspension, logout).
   */
  async function redeem(ticket: string): Promise<{ userId: string; sessionId?: string }> {
    const row = await db
      .selectFrom('notification_stream_tickets')
      .select(['user_id', 'session_id'])
      .where('token_hash', '=', hashToken(ticket))
      .where('expires_at', '>', clock.now())
      .executeTakeFirst();
    if (!row) {
      throw new DomainError(
        'unauthenticated',
        'invalid_stream_ticket',
        'The stream ticket is unknown or expired: ask for a new one (POST /api/v1/notifications/stream-tickets).',
        [{ field: 'ticket', message: 'is unknown or expired' }],
      );
    }
    return { userId: row.user_id, ...(row.session_id ? { sessionId: row.session_id } : {}) };
  }

  return { issue, redeem };
}

export type StreamTickets = ReturnType<typeof createStreamTickets>;
