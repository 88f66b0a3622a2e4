/**
 * Writing in threads: starting one (with its first message), replying, and moving one's read marker. A message,
 * its `message.sent` event and the other company's in-app notifications commit together; their emails go out
 * after the commit (notifier.ts says why).
 */
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Database, MessageThreadsTable } from '../db/schema.ts';
import type { Delivery, Notifier } from '../notifications/notifier.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { MESSAGE_SENT, type MessageSentV1 } from './events.ts';
import { createInbox, type MessageView } from './inbox.ts';
import { assertMayRead, assertMaySend, counterpartOf, threadForParty } from './thread-access.ts';

export interface StartThreadInput {
  /** The other company; optional with `orderId` (then it is the order's other party). */
  counterpartCompanyId?: string;
  orderId?: string;
  subject: string;
  body: string;
}

type Thread = Pick<
  MessageThreadsTable,
  'id' | 'retailer_company_id' | 'manufacturer_company_id' | 'order_id' | 'subject'
>;

const PREVIEW_CHARS = 280;
const preview = (body: string) =>
  body.length > PREVIEW_CHARS ? `${body.slice(0, PREVIEW_CHARS - 1)}…` : body;

export function createMessagingService(deps: { db: Db; clock: Clock; notifier: Notifier }) {
  const { db, clock, notifier } = deps;
  const inbox = createInbox({ db });

  /** The other party: an active company of the opposite kind, and, for an order's thread, that order's other party. */
  async function resolveParties(tx: Transaction<Database>, principal: Principal, input: StartThreadInput) {
    let counterpartId = input.counterpartCompanyId;
    if (input.orderId) {
      const order = await tx
        .selectFrom('orders')
        .select(['buyer_company_id', 'seller_company_id'])
        .where('id', '=', input.orderId)
        .executeTakeFirst();
      const mine = order && [order.buyer_company_id, order.seller_company_id].includes(principal.companyId);
      // A missing order and someone else's order read the same, so ids cannot be probed.
      if (!order || !mine)
        throw new DomainError('validation', 'unknown_order', 'You have no order with that id.', [
          { field: 'orderId', message: 'is not an order of your company' },
        ]);
      const otherParty =
        order.buyer_company_id === principal.companyId ? order.seller_company_id : order.buyer_company_id;
      if (counterpartId !== undefined && counterpartId !== otherParty)
        throw new DomainError(
          'validation',
          'not_order_party',
          'A thread about an order is between that order’s buyer and seller only.',
          [{ field: 'counterpartCompanyId', message: 'is not the other party of the order' }],
        );
      counterpartId = otherParty;
    }
    const wanted = principal.companyKind === 'retailer' ? 'manufacturer' : 'retailer';
    const counterpart = counterpartId
      ? await tx
          .selectFrom('companies')
          .select(['id', 'kind', 'status'])
          .where('id', '=', counterpartId)
          .executeTakeFirst()
      : undefined;
    if (!counterpart || counterpart.kind !== wanted || counterpart.status !== 'active')
      throw new DomainError('validation', 'unknown_counterpart', `Messages go to an active ${wanted}.`, [
        { field: 'counterpartCompanyId', message: `is not an active ${wanted}` },
      ]);
    return principal.companyKind === 'retailer'
      ? { retailer: principal.companyId, manufacturer: counterpart.id }
      : { retailer: counterpart.id, manufacturer: principal.companyId };
  }

  /** Writes one message into a thread the caller's transaction has locked (or just created). */
  async function writeMessage(
    tx: Transaction<Database>,
    principal: Principal,
    thread: Thread,
    body: string,
    startsThread: boolean,
  ): Promise<{ message: MessageView; delivery: Delivery }> {
    // Drawn under the thread's lock, so message ids within a thread follow commit order (read markers rely on it).
    const messageId = newId();
    const now = clock.now();
    await tx
      .insertInto('messages')
      .values({
        id: messageId,
        thread_id: thread.id,
        sender_user_id: principal.userId,
        sender_company_id: principal.companyId,
        body,
        created_at: now,
      })
      .execute();
    await tx
      .updateTable('message_threads')
      .set((eb) => ({ last_message_at: now, message_count: eb('message_count', '+', 1) }))
      .where('id', '=', thread.id)
      .execute();
    // Writing implies having read the thread up to one's own message.
    await tx
      .insertInto('message_reads')
      .values({
        thread_id: thread.id,
        user_id: principal.userId,
        last_read_message_id: messageId,
        read_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['thread_id', 'user_id']).doUpdateSet({ last_read_message_id: messageId, read_at: now }),
      )
      .execute();
    const recipientCompanyId = counterpartOf(thread, principal.companyId);
    await recordEvent<MessageSentV1>(tx, {
      type: MESSAGE_SENT,
      version: 1,
      aggregateType: 'message',
      aggregateId: messageId,
      companyIds: [thread.retailer_company_id, thread.manufacturer_company_id],
      occurredAt: now,
      actor: { userId: principal.userId, companyId: principal.companyId, kind: 'user' },
      payload: {
        messageId,
        threadId: thread.id,
        orderId: thread.order_id,
        senderUserId: principal.userId,
        senderCompanyId: principal.companyId,
        recipientCompanyId,
        retailerCompanyId: thread.retailer_company_id,
        manufacturerCompanyId: thread.manufacturer_company_id,
      },
    });
    const sender = await tx
      .selectFrom('companies')
      .select('name')
      .where('id', '=', principal.companyId)
      .executeTakeFirstOrThrow();
    const delivery = await notifier.notify(
      tx,
      { companyId: recipientCompanyId, permission: 'orders:read' },
      {
        kind: 'message.received',
        title: startsThread
          ? `${sender.name} started a conversation: ${thread.subject}`
          : `New message from ${sender.name}: ${thread.subject}`,
        body: preview(body),
        link: `/messages/${thread.id}`,
      },
    );
    return {
      message: {
        id: messageId,
        threadId: thread.id,
        senderUserId: principal.userId,
        senderCompanyId: principal.companyId,
        mine: true,
        body,
        createdAt: now.toISOString(),
      },
      delivery,
    };
  }

  async function startThread(principal: Principal, input: StartThreadInput) {
    assertMaySend(principal);
    const { threadId, delivery } = await db.transaction().execute(async (tx) => {
      const parties = await resolveParties(tx, principal, input);
      const now = clock.now();
      const thread = {
        id: newId(),
        retailer_company_id: parties.retailer,
        manufacturer_company_id: parties.manufacturer,
        order_id: input.orderId ?? null,
        subject: input.subject,
      };
      await tx
        .insertInto('message_threads')
        .values({ ...thread, created_by: principal.userId, created_at: now, last_message_at: now })
        .execute();
      const written = await writeMessage(tx, principal, thread, input.body, true);
      return { threadId: thread.id, delivery: written.delivery };
    });
    await notifier.sendEmails(delivery);
    return inbox.thread(principal, threadId);
  }

  async function sendMessage(principal: Principal, threadId: string, body: string): Promise<MessageView> {
    assertMayRead(principal);
    // The 404 comes before the 403: a company that is not a party learns nothing about the thread.
    await threadForParty(db, principal, threadId);
    assertMaySend(principal);
    const { message, delivery } = await db.transaction().execute(async (tx) => {
      const thread = await threadForParty(tx, principal, threadId, { lock: true });
      return writeMessage(tx, principal, thread, body, false);
    });
    await notifier.sendEmails(delivery);
    return message;
  }

  /** Moves the caller's marker forward (never back) to `upToMessageId`, or to the thread's newest message. */
  async function markRead(principal: Principal, threadId: string, upToMessageId?: string) {
    assertMayRead(principal);
    await threadForParty(db, principal, threadId);
    let query = db
      .selectFrom('messages')
      .select('id')
      .where('thread_id', '=', threadId)
      .orderBy('id', 'desc')
      .limit(1);
    if (upToMessageId) query = query.where('id', '=', upToMessageId);
    const upTo = await query.executeTakeFirst();
    if (!upTo)
      throw new DomainError('validation', 'unknown_message', 'That message is not in this thread.', [
        { field: 'upToMessageId', message: 'is not a message of this thread' },
      ]);
    const now = clock.now();
    await db
      .insertInto('message_reads')
      .values({ thread_id: threadId, user_id: principal.userId, last_read_message_id: upTo.id, read_at: now })
      .onConflict((oc) =>
        oc.columns(['thread_id', 'user_id']).doUpdateSet({
          last_read_message_id: sql<string>`greatest(message_reads.last_read_message_id, excluded.last_read_message_id)`,
          read_at: now,
        }),
      )
      .execute();
    return inbox.thread(principal, threadId);
  }

  return { startThread, sendMessage, markRead, ...inbox };
}

export type MessagingService = ReturnType<typeof createMessagingService>;
