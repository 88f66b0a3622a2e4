/**
 * A person's own notifications and preferences. Everything here is scoped to the caller's user id: nobody
 * reads, marks or configures someone else's notifications, so there is no permission beyond being logged in.
 */
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { NotificationsTable } from '../db/schema.ts';
import { DEFAULT_PREFERENCE, notificationKindsFor, type NotificationKind } from './kinds.ts';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface PreferenceView {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

type NotificationRow = Pick<NotificationsTable, 'id' | 'kind' | 'title' | 'body' | 'link'> & {
  created_at: Date | string;
  read_at: Date | string | null;
};

export const notificationView = (r: NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
});

export function createNotificationService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function unreadCount(principal: Principal): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', principal.userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function list(
    principal: Principal,
    options: { unreadOnly?: boolean; limit: number; offset: number },
  ): Promise<{ items: NotificationView[]; unread: number }> {
    let query = db
      .selectFrom('notifications')
      .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
      .where('user_id', '=', principal.userId);
    if (options.unreadOnly) query = query.where('read_at', 'is', null);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return { items: rows.map(notificationView), unread: await unreadCount(principal) };
  }

  /** Marking an already read notification again keeps its first read time (idempotent). */
  async function markRead(principal: Principal, notificationId: string): Promise<void> {
    const row = await db
      .updateTable('notifications')
      .set({ read_at: sql<Date>`coalesce(read_at, ${clock.now()})` })
      .where('id', '=', notificationId)
      .where('user_id', '=', principal.userId)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('notification', notificationId);
  }

  async function markAllRead(principal: Principal): Promise<number> {
    const result = await db
      .updateTable('notifications')
      .set({ read_at: clock.now() })
      .where('user_id', '=', principal.userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async function preferences(principal: Principal): Promise<PreferenceView[]> {
    const stored = await db
      .selectFrom('notification_preferences')
      .select(['kind', 'in_app', 'email'])
      .where('user_id', '=', principal.userId)
      .execute();
    const byKind = new Map(stored.map((p) => [p.kind, p]));
    return notificationKindsFor(principal.companyKind).map((kind) => {
      const p = byKind.get(kind);
      return p ? { kind, inApp: p.in_app, email: p.email } : { kind, ...DEFAULT_PREFERENCE };
    });
  }

  /** Sets the kinds named; kinds not named keep what they had. Answers the whole set as it now stands. */
  async function setPreferences(principal: Principal, items: PreferenceView[]): Promise<PreferenceView[]> {
    // One row per kind: PostgreSQL refuses an upsert that touches the same row twice (the edge refuses repeats too).
    const latest = [...new Map(items.map((p) => [p.kind, p])).values()];
    if (latest.length > 0) {
      const now = clock.now();
      await db
        .insertInto('notification_preferences')
        .values(
          latest.map((p) => ({
            user_id: principal.userId,
            kind: p.kind,
            in_app: p.inApp,
            email: p.email,
            updated_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({
            in_app: eb.ref('excluded.in_app'),
            email: eb.ref('excluded.email'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    return preferences(principal);
  }

  return { list, unreadCount, markRead, markAllRead, preferences, setPreferences };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
