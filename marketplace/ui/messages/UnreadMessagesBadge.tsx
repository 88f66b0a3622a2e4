/**
 * The unread count next to "Messages" in the navigation. There is no push channel for the badge, so it asks
 * `GET /api/v1/messages/unread-count` when the shell mounts, every 30 seconds while the tab is visible, when the
 * tab comes back into view, and at once when a page says a read marker moved (unread-events.ts).
 */
import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { CountBadge } from '../components/index.ts';
import { badgeMessages as m } from './badge-messages.ts';
import type { UnreadCount } from './types.ts';
import { UNREAD_CHANGED } from './unread-events.ts';

const POLL_MS = 30_000;

export function UnreadMessagesBadge() {
  const { session } = useSession();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let live = true;
    const load = () =>
      session
        .fetchJson<UnreadCount>('/api/v1/messages/unread-count')
        .then((c) => live && setUnread(c.unread))
        // The badge is a convenience: the inbox shows its own errors, and the next poll tries again.
        .catch(() => undefined);
    const whenVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    void load();
    const timer = setInterval(whenVisible, POLL_MS);
    document.addEventListener('visibilitychange', whenVisible);
    window.addEventListener(UNREAD_CHANGED, load);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', whenVisible);
      window.removeEventListener(UNREAD_CHANGED, load);
    };
  }, [session]);

  return <CountBadge count={unread} label={m.unread(unread)} />;
}
