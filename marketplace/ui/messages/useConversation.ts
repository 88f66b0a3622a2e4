/**
 * One open conversation: the thread, its newest messages (older ones on request), a poll for new messages every
 * few seconds while the tab is visible (there is no push channel for messages), the read marker moved whenever
 * the reader has seen something new, and sending. conversation-state.ts explains the offset bookkeeping.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { messageOf } from '../data/useApi.ts';
import { hasOthersMessages, mergeMessages } from './conversation-state.ts';
import { lastMessageOf, type Message, type Thread } from './types.ts';
import { announceUnreadChanged } from './unread-events.ts';

/** Messages read per request; also the API's largest page. */
const PAGE = 100;
/** Opening a long conversation shows its newest messages; the rest come with "Show earlier messages". */
const FIRST_PAGE = 50;
const POLL_MS = 3_000;

export type ConversationStatus = 'loading' | 'ready' | 'missing' | 'failed';

const threadPath = (id: string) => `/api/v1/messages/threads/${id}`;

export function useConversation(threadId: string, onThread: (thread: Thread) => void) {
  const { session } = useSession();
  const [status, setStatus] = useState<ConversationStatus>('loading');
  const [failure, setFailure] = useState<string | null>(null);
  const [thread, setThread] = useState<Thread | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  /** Offset of the oldest message on screen: above it, "Show earlier messages". */
  const [firstOffset, setFirstOffset] = useState(0);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [attempt, setAttempt] = useState(0);
  /** The offset up to which the server's order has been read (see conversation-state.ts). */
  const confirmed = useRef(0);
  /** The newest message by someone else that this reader has seen but not yet marked read. */
  const unreadUpTo = useRef<string | null>(null);
  const polling = useRef(false);
  const reported = useRef(onThread);
  useEffect(() => {
    reported.current = onThread;
  }, [onThread]);

  const latest = useRef<Thread | null>(null);
  /** What the page now knows about the thread, for this pane and for the list's row. */
  const learn = useCallback((next: Thread) => {
    latest.current = next;
    setThread(next);
    reported.current(next);
  }, []);

  /** Moves the read marker to what is on screen, when the reader can see it. */
  const markSeen = useCallback(async () => {
    const upTo = unreadUpTo.current;
    if (!upTo || document.visibilityState !== 'visible') return;
    unreadUpTo.current = null;
    try {
      learn(
        await session.fetchJson<Thread>(`${threadPath(threadId)}/read`, {
          method: 'POST',
          body: JSON.stringify({ upToMessageId: upTo }),
        }),
      );
      announceUnreadChanged();
    } catch {
      // Still unread on the server: the next poll or a return to the tab tries again.
      unreadUpTo.current ??= upTo;
    }
  }, [session, threadId, learn]);

  // Opening: the thread (a 404 means missing or not ours; the API does not say which), then its newest messages.
  useEffect(() => {
    let live = true;
    setStatus('loading');
    (async () => {
      try {
        const opened = await session.fetchJson<Thread>(threadPath(threadId));
        const offset = Math.max(0, opened.messageCount - FIRST_PAGE);
        const { items } = await session.fetchJson<{ items: Message[] }>(
          `${threadPath(threadId)}/messages?offset=${offset}&limit=${FIRST_PAGE}`,
        );
        if (!live) return;
        confirmed.current = offset + items.length;
        setFirstOffset(offset);
        setMessages(items);
        learn(opened);
        const last = items.at(-1);
        setStatus('ready');
        if (opened.unread > 0 && last) {
          unreadUpTo.current = last.id;
          void markSeen();
        }
      } catch (e) {
        if (!live) return;
        // A malformed id (400) is as missing as an unknown one.
        const missing = e instanceof ApiError && (e.status === 404 || e.status === 400);
        setStatus(missing ? 'missing' : 'failed');
        setFailure(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [session, threadId, attempt, learn, markSeen]);

  const poll = useCallback(async () => {
    if (polling.current) return;
    polling.current = true;
    try {
      for (;;) {
        const from = confirmed.current;
        const { items } = await session.fetchJson<{ items: Message[] }>(
          `${threadPath(threadId)}/messages?offset=${from}&limit=${PAGE}`,
        );
        if (confirmed.current !== from) return;
        confirmed.current = from + items.length;
        const last = items.at(-1);
        if (!last) break;
        setMessages((current) => mergeMessages(current, items));
        if (latest.current)
          learn({
            ...latest.current,
            messageCount: confirmed.current,
            lastMessageAt: last.createdAt,
            lastMessage: lastMessageOf(last),
          });
        if (hasOthersMessages(items)) unreadUpTo.current = last.id;
        if (items.length < PAGE) break;
      }
      await markSeen();
    } catch {
      // Keep what is on screen; the next tick asks again.
    } finally {
      polling.current = false;
    }
  }, [session, threadId, markSeen, learn]);

  useEffect(() => {
    if (status !== 'ready') return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void poll();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [status, poll]);

  const loadEarlier = useCallback(() => {
    const offset = Math.max(0, firstOffset - PAGE);
    setLoadingEarlier(true);
    session
      .fetchJson<{ items: Message[] }>(
        `${threadPath(threadId)}/messages?offset=${offset}&limit=${firstOffset - offset}`,
      )
      .then(({ items }) => {
        setMessages((current) => mergeMessages(current, items));
        setFirstOffset(offset);
      })
      .catch(() => undefined)
      .finally(() => setLoadingEarlier(false));
  }, [session, threadId, firstOffset]);

  /** Sends one message; rejects with the API's refusal, so the composer keeps the text and shows why. */
  const send = useCallback(
    async (body: string) => {
      const sent = await session.fetchJson<Message>(`${threadPath(threadId)}/messages`, {
        method: 'POST',
        body: JSON.stringify({ body }),
      });
      setMessages((current) => mergeMessages(current, [sent]));
      if (latest.current)
        learn({ ...latest.current, lastMessageAt: sent.createdAt, lastMessage: lastMessageOf(sent) });
      // Confirms the offset, and shows anything the other side committed just before this message.
      void poll();
    },
    [session, threadId, poll, learn],
  );

  return {
    status,
    failure,
    thread,
    messages,
    hasEarlier: firstOffset > 0,
    loadingEarlier,
    loadEarlier,
    send,
    retry: () => setAttempt((a) => a + 1),
  };
}
