/**
 * The conversations, newest activity first: the other company, the subject (and the order it is about), the last
 * message, when, and what the reader has not read yet. The open one is marked as the current page.
 */
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, EmptyState, Notice, Skeleton } from '../components/index.ts';
import { counterpartOf } from './conversation-state.ts';
import { messagesMessages as m } from './messages.ts';
import type { ThreadList as List } from './useThreadList.ts';
import { shortWhen } from './when.ts';

export function ThreadList({ list, activeId }: { list: List; activeId: string | undefined }) {
  const { me } = useSession();
  if (!me) return null;
  if (list.threads === null)
    return list.error ? (
      <Notice tone="negative" title={m.listError}>
        {list.error}
      </Notice>
    ) : (
      <div className="thread-list thread-list--loading">
        <Skeleton height={64} label={m.loadingList} />
        <Skeleton height={64} />
        <Skeleton height={64} />
      </div>
    );
  if (list.threads.length === 0)
    return (
      <EmptyState title={m.emptyTitle}>
        {me.companyKind === 'retailer' ? (
          <>
            <p>{m.emptyRetailer}</p>
            <Link to="/catalog">{m.browseCatalog}</Link>
          </>
        ) : (
          <>
            <p>{m.emptyManufacturer}</p>
            <Link to="/orders">{m.openOrders}</Link>
          </>
        )}
      </EmptyState>
    );
  const now = new Date();
  return (
    <>
      {list.error && <Notice tone="negative">{list.error}</Notice>}
      <ul className="thread-list">
        {list.threads.map((thread) => {
          const snippet = thread.lastMessage;
          const unread = thread.unread > 0;
          return (
            <li key={thread.id}>
              <Link
                to={`/messages/${thread.id}`}
                className={`thread-row${unread ? ' thread-row--unread' : ''}`}
                aria-current={thread.id === activeId ? 'page' : undefined}
                data-testid="thread-row"
              >
                <span className="thread-row__top">
                  <span className="thread-row__company">{counterpartOf(thread, me.companyId).name}</span>
                  <time className="thread-row__time" dateTime={thread.lastMessageAt}>
                    {shortWhen(thread.lastMessageAt, now)}
                  </time>
                </span>
                <span className="thread-row__subject">
                  {thread.subject}
                  {/* The order, unless the subject already names it (the form suggests "Order #…"). */}
                  {thread.orderId && !thread.subject.includes(m.aboutOrder(thread.orderId)) && (
                    <span className="thread-row__order"> · {m.aboutOrder(thread.orderId)}</span>
                  )}
                </span>
                <span className="thread-row__bottom">
                  <span className="thread-row__snippet">
                    {snippet && (snippet.mine ? `${m.you}: ${snippet.body}` : snippet.body)}
                  </span>
                  {unread && <span className="thread-row__unread">{m.unread(thread.unread)}</span>}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      {list.hasOlder && (
        <div className="thread-list__more">
          <Button variant="secondary" busy={list.loadingOlder} onClick={list.loadOlder}>
            {list.loadingOlder ? m.loadingOlder : m.loadOlder}
          </Button>
        </div>
      )}
    </>
  );
}
