/**
 * Reading threads: the caller's threads (newest activity first, each with what the caller has not read), one
 * thread's messages, and the unread total for the badge. Unread means: after the caller's read marker and written
 * by someone else (a colleague's message counts; one's own never does).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { assertMayRead, threadForParty } from './thread-access.ts';

export interface ThreadView {
  id: string;
  subject: string;
  orderId: string | null;
  retailer: { id: string; name: string };
  manufacturer: { id: string; name: string };
  createdAt: string;
  lastMessageAt: string;
  messageCount: number;
  unread: number;
  /** The newest message, cut to a snippet for the inbox (null for a thread without messages). */
  lastMessage: { body: string; mine: boolean; senderCompanyId: string; createdAt: string } | null;
}

/** How much of the last message an inbox row shows; the conversation has the rest. */
export const SNIPPET_CHARS = 160;

export interface MessageView {
  id: string;
  threadId: string;
  senderUserId: string;
  senderCompanyId: string;
  /** Written by the caller. */
  mine: boolean;
  body: string;
  createdAt: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function createInbox(deps: { db: Db }) {
  const { db } = deps;

  /** Messages of thread `t` the user has not read. */
  const unreadIn = (userId: string) =>
    sql<number>`(select count(*)::int from messages m
      left join message_reads r on r.thread_id = m.thread_id and r.user_id = ${userId}
      where m.thread_id = t.id and m.sender_user_id <> ${userId}
        and (r.last_read_message_id is null or m.id > r.last_read_message_id))`;

  const partyOf = (companyId: string) =>
    sql<SqlBool>`(t.retailer_company_id = ${companyId} or t.manufacturer_company_id = ${companyId})`;

  const threads = (principal: Principal, where: Expression<SqlBool>) =>
    db
      .selectFrom('message_threads as t')
      .innerJoin('companies as rc', 'rc.id', 't.retailer_company_id')
      .innerJoin('companies as mc', 'mc.id', 't.manufacturer_company_id')
      // The newest message, in the same query: an inbox page costs one round trip, not one per row.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('messages as m')
            .select(['m.body', 'm.sender_user_id', 'm.sender_company_id', 'm.created_at'])
            .whereRef('m.thread_id', '=', 't.id')
            .orderBy('m.id', 'desc')
            .limit(1)
            .as('last'),
        (join) => join.onTrue(),
      )
      .select([
        't.id',
        't.subject',
        't.order_id',
        't.retailer_company_id',
        'rc.name as retailer_name',
        't.manufacturer_company_id',
        'mc.name as manufacturer_name',
        't.created_at',
        't.last_message_at',
        't.message_count',
        unreadIn(principal.userId).as('unread'),
        sql<string | null>`left(last.body, ${SNIPPET_CHARS})`.as('last_body'),
        'last.sender_user_id as last_sender_user_id',
        'last.sender_company_id as last_sender_company_id',
        'last.created_at as last_created_at',
      ])
      .where(partyOf(principal.companyId))
      .where(where);

  type Row = Awaited<ReturnType<ReturnType<typeof threads>['execute']>>[number];
  const view = (principalUserId: string, r: Row): ThreadView => ({
    id: r.id,
    subject: r.subject,
    orderId: r.order_id,
    retailer: { id: r.retailer_company_id, name: r.retailer_name },
    manufacturer: { id: r.manufacturer_company_id, name: r.manufacturer_name },
    createdAt: iso(r.created_at),
    lastMessageAt: iso(r.last_message_at),
    messageCount: r.message_count,
    unread: Number(r.unread),
    lastMessage:
      r.last_body === null || r.last_created_at === null
        ? null
        : {
            body: r.last_body,
            mine: r.last_sender_user_id === principalUserId,
            senderCompanyId: r.last_sender_company_id ?? '',
            createdAt: iso(r.last_created_at),
          },
  });

  async function listThreads(
    principal: Principal,
    options: {
      unreadOnly?: boolean;
      orderId?: string;
      /** Only threads with this company (the other party). */
      counterpartCompanyId?: string;
      /** true: only threads about no order; false: only threads about an order. */
      aboutOrder?: boolean;
      limit: number;
      offset: number;
    },
  ): Promise<ThreadView[]> {
    assertMayRead(principal);
    const filters: Expression<SqlBool>[] = [sql<SqlBool>`true`];
    if (options.orderId) filters.push(sql<SqlBool>`t.order_id = ${options.orderId}`);
    if (options.counterpartCompanyId) filters.push(partyOf(options.counterpartCompanyId));
    if (options.aboutOrder !== undefined)
      filters.push(
        options.aboutOrder ? sql<SqlBool>`t.order_id is not null` : sql<SqlBool>`t.order_id is null`,
      );
    if (options.unreadOnly) filters.push(sql<SqlBool>`${unreadIn(principal.userId)} > 0`);
    const rows = await threads(principal, sql<SqlBool>`${sql.join(filters, sql` and `)}`)
      .orderBy('t.last_message_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map((r) => view(principal.userId, r));
  }

  async function thread(principal: Principal, threadId: string): Promise<ThreadView> {
    assertMayRead(principal);
    const row = await threads(principal, sql<SqlBool>`t.id = ${threadId}`).executeTakeFirst();
    // A company that is not a party gets the same 404 as for a thread that does not exist.
    if (!row) throw notFound('message_thread', threadId);
    return view(principal.userId, row);
  }

  /** Oldest first, as a conversation reads. */
  async function listMessages(
    principal: Principal,
    threadId: string,
    options: { limit: number; offset: number },
  ): Promise<MessageView[]> {
    assertMayRead(principal);
    await threadForParty(db, principal, threadId);
    const rows = await db
      .selectFrom('messages')
      .select(['id', 'thread_id', 'sender_user_id', 'sender_company_id', 'body', 'created_at'])
      .where('thread_id', '=', threadId)
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      threadId: r.thread_id,
      senderUserId: r.sender_user_id,
      senderCompanyId: r.sender_company_id,
      mine: r.sender_user_id === principal.userId,
      body: r.body,
      createdAt: iso(r.created_at),
    }));
  }

  /** The badge: unread messages over all the caller's threads, and in how many threads they are. */
  async function unreadCount(principal: Principal): Promise<{ unread: number; threads: number }> {
    assertMayRead(principal);
    const row = await db
      .selectFrom('message_threads as t')
      .select([
        sql<number>`coalesce(sum(${unreadIn(principal.userId)}), 0)::int`.as('unread'),
        sql<number>`count(*) filter (where ${unreadIn(principal.userId)} > 0)::int`.as('threads'),
      ])
      .where(partyOf(principal.companyId))
      .executeTakeFirstOrThrow();
    return { unread: Number(row.unread), threads: Number(row.threads) };
  }

  return { listThreads, thread, listMessages, unreadCount };
}
