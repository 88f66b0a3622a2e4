/**
 * The last message of each listed thread, for the snippet under its subject. The thread list does not carry the
 * last message, so each is read once with `GET .../messages?offset=<count - 1>&limit=1` and kept for the page's
 * life under (thread, lastMessageAt): a thread only needs asking again when something new was written in it, and
 * the conversation hands over the messages it already has (`rememberLast`) so sending costs no extra request.
 */
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import type { Message, Thread } from './types.ts';

export interface Snippet {
  body: string;
  mine: boolean;
}

const known = new Map<string, Snippet>();
const asked = new Set<string>();
const keyOf = (threadId: string, at: string) => `${threadId}@${at}`;

export function rememberLast(message: Message) {
  known.set(keyOf(message.threadId, message.createdAt), { body: message.body, mine: message.mine });
}

export function useSnippets(threads: Thread[] | null): (thread: Thread) => Snippet | undefined {
  const { session } = useSession();
  const [, setVersion] = useState(0);
  // Answers that arrive after the list changed again still belong on screen: only unmounting stops them.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    for (const t of threads ?? []) {
      const key = keyOf(t.id, t.lastMessageAt);
      if (known.has(key) || asked.has(key) || t.messageCount === 0) continue;
      asked.add(key);
      session
        .fetchJson<{ items: Message[] }>(
          `/api/v1/messages/threads/${t.id}/messages?offset=${t.messageCount - 1}&limit=1`,
        )
        .then(({ items }) => {
          const last = items[0];
          if (last) known.set(key, { body: last.body, mine: last.mine });
          if (mounted.current) setVersion((v) => v + 1);
        })
        // Without it the row shows subject and time only; a later change of the thread asks again.
        .catch(() => asked.delete(key));
    }
  }, [threads, session]);

  return (thread) => known.get(keyOf(thread.id, thread.lastMessageAt));
}
