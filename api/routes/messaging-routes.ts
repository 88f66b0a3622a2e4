/** Messaging between a retailer and a manufacturer: threads, messages, read markers and the unread badge. */
import { z } from 'zod';
import type { MessagingService } from '../../marketplace/messaging/messaging-service.ts';
import type { ApiDefinition } from '../openapi.ts';
import { pageQuery } from './pagination.ts';

const text = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

const company = z.object({ id: z.string(), name: z.string() });

const thread = z
  .object({
    id: z.string(),
    subject: z.string(),
    orderId: z.string().nullable(),
    retailer: company,
    manufacturer: company,
    createdAt: z.string(),
    lastMessageAt: z.string(),
    messageCount: z.number().int(),
    unread: z.number().int(),
    lastMessage: z
      .object({
        body: z.string().describe('the first 160 characters'),
        mine: z.boolean(),
        senderCompanyId: z.string(),
        createdAt: z.string(),
      })
      .nullable(),
  })
  .openapi('MessageThread');

const message = z
  .object({
    id: z.string(),
    threadId: z.string(),
    senderUserId: z.string(),
    senderCompanyId: z.string(),
    mine: z.boolean(),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi('Message');

const threadParams = z.object({ threadId: z.uuid({ message: 'must be a thread id (UUID)' }) }).strict();

export function registerMessagingRoutes(api: ApiDefinition, deps: { messaging: MessagingService }) {
  const { messaging } = deps;
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/messages/unread-count',
      summary: 'Unread messages over all your threads (written by others, after your read marker)',
      tag: 'messaging',
      auth: true,
      response: z.object({ unread: z.number().int(), threads: z.number().int() }),
    },
    async ({ principal }) => messaging.unreadCount(principal),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/messages/threads',
      summary: "Your company's threads, newest activity first, with what you have not read in each",
      tag: 'messaging',
      auth: true,
      query: z
        .object({
          unreadOnly: z
            .enum(['true', 'false'], { message: 'must be true or false' })
            .transform((v) => v === 'true')
            .optional(),
          orderId: z.uuid({ message: 'must be an order id (UUID)' }).optional(),
          counterpartCompanyId: z.uuid({ message: 'must be a company id (UUID)' }).optional(),
          aboutOrder: z
            .enum(['true', 'false'], { message: 'must be true or false' })
            .transform((v) => v === 'true')
            .optional(),
        })
        .extend(pageQuery.shape)
        .strict(),
      response: z.object({ items: z.array(thread) }),
    },
    async ({ principal, query }) => ({ items: await messaging.listThreads(principal, query) }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/messages/threads',
      summary:
        'Start a thread with a manufacturer (retailers) or a retailer (manufacturers), optionally about one of your orders',
      tag: 'messaging',
      auth: true,
      body: z
        .object({
          counterpartCompanyId: z.uuid({ message: 'must be a company id (UUID)' }).optional(),
          orderId: z.uuid({ message: 'must be an order id (UUID)' }).optional(),
          subject: text(200),
          body: text(5000),
        })
        .strict()
        .refine((b) => b.counterpartCompanyId !== undefined || b.orderId !== undefined, {
          message: 'is required (or give orderId: the order names the other party)',
          path: ['counterpartCompanyId'],
        })
        .openapi('StartThreadRequest'),
      status: 201,
      response: thread,
    },
    async ({ principal, body }) => messaging.startThread(principal, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/messages/threads/:threadId',
      summary: 'One thread (404 unless your company is one of its two parties)',
      tag: 'messaging',
      auth: true,
      params: threadParams,
      response: thread,
    },
    async ({ principal, params }) => messaging.thread(principal, params.threadId),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/messages/threads/:threadId/messages',
      summary: "A thread's messages, oldest first",
      tag: 'messaging',
      auth: true,
      params: threadParams,
      query: pageQuery,
      response: z.object({ items: z.array(message) }),
    },
    async ({ principal, params, query }) => ({
      items: await messaging.listMessages(principal, params.threadId, query),
    }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/messages/threads/:threadId/messages',
      summary: 'Write in a thread (retailers: orders:place; manufacturers: orders:manage)',
      tag: 'messaging',
      auth: true,
      params: threadParams,
      body: z
        .object({ body: text(5000) })
        .strict()
        .openapi('SendMessageRequest'),
      status: 201,
      response: message,
    },
    async ({ principal, params, body }) => messaging.sendMessage(principal, params.threadId, body.body),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/messages/threads/:threadId/read',
      summary: 'Mark the thread read for you, up to a message or (without one) up to its newest',
      tag: 'messaging',
      auth: true,
      params: threadParams,
      body: z
        .object({ upToMessageId: z.uuid({ message: 'must be a message id (UUID)' }).optional() })
        .strict()
        .openapi('MarkThreadReadRequest'),
      response: thread,
    },
    async ({ principal, params, body }) => messaging.markRead(principal, params.threadId, body.upToMessageId),
  );
}
