/**
 * Live delivery of new notifications to open streams, honest in a multi-process deployment: a notification may be
 * written by any API process or the worker, so each process polls the notifications table itself. One query per
 * tick (every 500 ms) serves all the streams open in this process, and only while at least one is open.
 * It works the same on PGlite and PostgreSQL. (LISTEN/NOTIFY would cut the latency on PostgreSQL, but needs a
 * dedicated connection per process and a fallback for PGlite; polling is one code path and fast enough.)
 *
 * Why a look-back window instead of "id > last seen": ids and created_at are taken when a transaction writes the
 * row, not when it commits, so a slow transaction can commit a notification older than one already pushed.
 * Each tick re-reads the last 30 seconds for the subscribed users and skips what a stream already sent.
 */
import type { Clock } from '../../platform/clock.ts';
import { tooManyRequests } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Db } from '../db/database.ts';
import { notificationView, type NotificationView } from './notification-service.ts';

const LOOKBACK_MS = 30_000;
const MAX_STREAMS_PER_USER = 10;

interface Subscriber {
  userId: string;
  /** Only notifications created at or after this time are live for this stream (older ones are its backlog). */
  since: number;
  /** Ids already pushed, with their creation time, so overlapping ticks never push twice. */
  sent: Map<string, number>;
  push: (notification: NotificationView) => void;
  /** Asks the stream to close (the feed is shutting down). */
  end: () => void;
}

export function createNotificationFeed(deps: { db: Db; clock: Clock; logger?: Logger; pollMs?: number }) {
  const { db, clock, logger } = deps;
  const pollMs = deps.pollMs ?? 500;
  const subscribers = new Set<Subscriber>();
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;

  async function tick() {
    if (ticking || subscribers.size === 0) return;
    ticking = true;
    try {
      const now = clock.now().getTime();
      const floor = Math.max(now - LOOKBACK_MS, Math.min(...[...subscribers].map((s) => s.since)));
      const userIds = [...new Set([...subscribers].map((s) => s.userId))];
      const rows = await db
        .selectFrom('notifications')
        .select(['id', 'user_id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
        .where('user_id', 'in', userIds)
        .where('created_at', '>=', new Date(floor))
        .orderBy('created_at')
        .orderBy('id')
        .limit(1000)
        .execute();
      for (const sub of subscribers) {
        for (const row of rows) {
          const createdAt = new Date(row.created_at).getTime();
          if (row.user_id !== sub.userId || createdAt < sub.since || sub.sent.has(row.id)) continue;
          sub.sent.set(row.id, createdAt);
          sub.push(notificationView(row));
        }
        for (const [id, createdAt] of sub.sent) if (createdAt < now - 2 * LOOKBACK_MS) sub.sent.delete(id);
      }
    } catch (err) {
      // A closed database during shutdown, or a blip: the next tick tries again.
      logger?.debug({ err }, 'notification feed tick failed');
    } finally {
      ticking = false;
    }
  }

  /**
   * Starts pushing the user's new notifications to `push`. With `after` (the last notification id the client
   * saw, as EventSource's Last-Event-ID), first sends what it missed, up to 100, oldest first.
   */
  async function subscribe(
    userId: string,
    push: Subscriber['push'],
    options: { after?: string; onEnd?: () => void } = {},
  ): Promise<() => void> {
    const open = [...subscribers].filter((s) => s.userId === userId).length;
    if (open >= MAX_STREAMS_PER_USER)
      throw tooManyRequests(
        `At most ${MAX_STREAMS_PER_USER} notification streams per person are open at once.`,
        5,
      );
    const sub: Subscriber = {
      userId,
      since: clock.now().getTime(),
      sent: new Map(),
      push,
      end: options.onEnd ?? (() => {}),
    };
    if (options.after) {
      const missed = await db
        .selectFrom('notifications')
        .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
        .where('user_id', '=', userId)
        .where('id', '>', options.after)
        .orderBy('id')
        .limit(100)
        .execute();
      for (const row of missed) {
        sub.sent.set(row.id, new Date(row.created_at).getTime());
        push(notificationView(row));
      }
    }
    subscribers.add(sub);
    if (!timer) {
      timer = setInterval(() => void tick(), pollMs);
      timer.unref();
    }
    return () => {
      subscribers.delete(sub);
      if (subscribers.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }

  /** Ends every open stream, so an HTTP server closing after this is not held open by them. */
  function close() {
    for (const sub of [...subscribers]) sub.end();
    subscribers.clear();
    if (timer) clearInterval(timer);
    timer = undefined;
  }

  return {
    subscribe,
    close,
    get openStreams() {
      return subscribers.size;
    },
  };
}

export type NotificationFeed = ReturnType<typeof createNotificationFeed>;
