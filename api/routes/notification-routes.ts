/**
 * In-app notifications: the list, read marks, preferences per kind and channel, and the live stream.
 *
 * The stream is Server-Sent Events authenticated by a stream ticket (marketplace/notifications/stream-tickets.ts):
 * a client POSTs for one with its access token, then opens `streamUrl` with a plain `new EventSource(streamUrl)`.
 * We chose tickets over fetch-based SSE with an Authorization header because EventSource is what browsers give
 * (reconnects and Last-Event-ID for free), and over `?token=<access token>` because request URLs are logged (see
 * pino-http in app.ts) and an access token lives 15 minutes; a ticket lives 60 seconds and opens only this stream.
 * Any request without a live ticket is answered at once (400/401), so fuzzers and scanners never hang on it.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.ts';
import type { NotificationFeed } from '../../marketplace/notifications/notification-feed.ts';
import type {
  NotificationService,
  NotificationView,
} from '../../marketplace/notifications/notification-service.ts';
import { notificationKinds } from '../../marketplace/notifications/kinds.ts';
import type { StreamTickets } from '../../marketplace/notifications/stream-tickets.ts';
import { problemSchema, type ApiDefinition } from '../openapi.ts';
import { principalOf, type CurrentPrincipal } from '../auth/authenticate.ts';
import type { TokenIssuer } from '../auth/tokens.ts';
import { parseInput } from '../validate.ts';
import { pageQuery } from './pagination.ts';

const notification = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const preference = z
  .object({
    kind: z.enum(notificationKinds, { message: `must be one of ${notificationKinds.join(', ')}` }),
    inApp: z.boolean({ message: 'must be true or false' }),
    email: z.boolean({ message: 'must be true or false' }),
  })
  .strict()
  .openapi('NotificationPreference');

const preferencesBody = z
  .object({ items: z.array(preference).max(notificationKinds.length * 2) })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.items.forEach((p, i) => {
      if (seen.has(p.kind))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'kind'], message: 'is listed twice' });
      seen.add(p.kind);
    });
  })
  .openapi('NotificationPreferencesRequest');

const preferences = z.object({ items: z.array(preference) }).openapi('NotificationPreferences');

const streamQuery = z
  .object({
    ticket: z
      .string({ message: 'is required: POST /api/v1/notifications/stream-tickets for one' })
      .min(1)
      .max(200),
    after: z.uuid({ message: 'must be a notification id (UUID)' }).optional(),
  })
  .strict();

const HEARTBEAT_MS = 15_000;
const problems = {
  description: 'Problem',
  content: { 'application/problem+json': { schema: problemSchema } },
};

export function registerNotificationRoutes(
  api: ApiDefinition,
  deps: {
    notifications: NotificationService;
    tickets: StreamTickets;
    feed: NotificationFeed;
    /** For the two routes `defineRoute` cannot express: a PUT, and a streamed text/event-stream answer. */
    router: Router;
    authenticate: RequestHandler;
    tokens: TokenIssuer;
    currentPrincipal: CurrentPrincipal;
  },
) {
  const { notifications, tickets, feed, router } = deps;
  const notificationParams = z
    .object({ id: z.uuid({ message: 'must be a notification id (UUID)' }) })
    .strict();

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/notifications',
      summary: 'Your notifications, newest first, with your unread count',
      tag: 'notifications',
      auth: true,
      query: z
        .object({
          unreadOnly: z
            .enum(['true', 'false'], { message: 'must be true or false' })
            .transform((v) => v === 'true')
            .optional(),
        })
        .extend(pageQuery.shape)
        .strict(),
      response: z.object({ items: z.array(notification), unread: z.number().int() }),
    },
    async ({ principal, query }) => notifications.list(principal, query),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/notifications/:id/read',
      summary: 'Mark one of your notifications read',
      tag: 'notifications',
      auth: true,
      params: notificationParams,
    },
    async ({ principal, params }) => notifications.markRead(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/notifications/read-all',
      summary: 'Mark all your notifications read',
      tag: 'notifications',
      auth: true,
      response: z.object({ marked: z.number().int() }),
    },
    async ({ principal }) => ({ marked: await notifications.markAllRead(principal) }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/notifications/preferences',
      summary: 'Which notifications you get, per kind, in the app and by email (default: both)',
      tag: 'notifications',
      auth: true,
      response: preferences,
    },
    async ({ principal }) => ({ items: await notifications.preferences(principal) }),
  );

  api.registry.registerPath({
    method: 'put',
    path: '/api/v1/notifications/preferences',
    summary: 'Set your preferences for the kinds listed (kinds not listed keep theirs); answers them all',
    tags: ['notifications'],
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: preferencesBody } }, required: true } },
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: preferences } } },
      400: problems,
      401: problems,
      403: problems,
    },
  });
  router.put('/api/v1/notifications/preferences', deps.authenticate, async (req, res) => {
    const body = parseInput(preferencesBody, req.body, 'body');
    res.json({ items: await notifications.setPreferences(principalOf(req), body.items) });
  });

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/notifications/stream-tickets',
      summary: 'A 60-second ticket to open your live notification stream with EventSource',
      tag: 'notifications',
      auth: true,
      status: 201,
      response: z
        .object({ streamUrl: z.string(), expiresAt: z.string() })
        .openapi('NotificationStreamTicket'),
    },
    async ({ principal, req }) => {
      // authenticate.ts verified the token already; read its session id so the stream ends when the session does.
      const token = (req.get('authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
      const { sessionId } = await deps.tokens.verifySession(token);
      const { ticket, expiresAt } = await tickets.issue(principal, sessionId);
      return { streamUrl: `/api/v1/notifications/stream?ticket=${encodeURIComponent(ticket)}`, expiresAt };
    },
  );

  api.registry.registerPath({
    method: 'get',
    path: '/api/v1/notifications/stream',
    summary:
      'Live notifications as Server-Sent Events (`event: notification`, `id` = notification id); open the streamUrl of a stream ticket',
    tags: ['notifications'],
    security: [],
    request: { query: streamQuery as never },
    responses: {
      200: {
        description:
          'An endless text/event-stream: `ready` once subscribed, then one `notification` per new one',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      400: problems,
      401: problems,
      429: problems,
    },
  });
  router.get('/api/v1/notifications/stream', async (req: Request, res: Response) => {
    const query = parseInput(streamQuery, req.query, 'query');
    const after = query.after ?? lastEventId(req);
    const { userId, sessionId } = await tickets.redeem(query.ticket);
    // The access guard, as for every request: a suspended account or an ended session opens nothing.
    await deps.currentPrincipal(userId, sessionId);

    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    let closed = false;
    let unsubscribe = () => {};
    const heartbeat = setInterval(() => {
      res.write(': keep-alive\n\n');
      // Access can end while a stream is open (logout, suspension): check at each heartbeat and close the stream.
      deps.currentPrincipal(userId, sessionId).catch(() => end('access_ended'));
    }, HEARTBEAT_MS);
    const end = (reason: string) => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      if (!res.writableEnded) {
        res.write(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
        res.end();
      }
    };
    res.on('close', () => end('client_closed'));
    const send = (n: NotificationView) =>
      res.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`);
    try {
      unsubscribe = await feed.subscribe(userId, send, { after, onEnd: () => end('server_shutdown') });
    } catch (error) {
      // Nothing was written yet, so the error handler can still answer (429 for too many streams).
      closed = true;
      clearInterval(heartbeat);
      throw error;
    }
    // The client may have gone while we subscribed; 'close' has fired then, so undo at once.
    if (closed) return unsubscribe();
    res.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
  });
}

/** EventSource sends the last id it saw when it reconnects: resume after it. */
function lastEventId(req: Request): string | undefined {
  const value = req.get('last-event-id');
  if (value === undefined) return undefined;
  if (!z.uuid().safeParse(value).success)
    throw new DomainError('invalid_input', 'invalid_request', 'Last-Event-ID must be a notification id.', [
      { field: 'Last-Event-ID', message: 'must be a notification id (UUID)' },
    ]);
  return value;
}
