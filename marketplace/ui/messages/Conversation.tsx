/**
 * The open conversation: who it is with and what it is about, the messages (the caller's company on the right),
 * and the composer. It stays scrolled to the newest message as messages arrive, unless the reader has scrolled
 * up to read older ones; showing earlier messages keeps the one being read in place.
 */
import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, EmptyState, Notice, Skeleton } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { maySendMessages } from './access.ts';
import { Composer } from './Composer.tsx';
import { counterpartOf, senderCompanyOf } from './conversation-state.ts';
import { messagesMessages as m } from './messages.ts';
import type { Message, Thread } from './types.ts';
import { useConversation } from './useConversation.ts';

/** Within this many pixels of the bottom counts as "reading the newest". */
const NEAR_BOTTOM_PX = 48;

export function BackToList() {
  return (
    <p className="messages-back">
      <Link to="/messages">← {m.back}</Link>
    </p>
  );
}

export function Conversation({ threadId, onThread }: { threadId: string; onThread: (t: Thread) => void }) {
  const { me } = useSession();
  const c = useConversation(threadId, onThread);
  const log = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  /** Distance from the bottom to restore after older messages are put above. */
  const keepFromBottom = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = log.current;
    if (!el) return;
    if (keepFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [c.messages, c.status]);

  if (c.status === 'loading')
    return (
      <div className="conversation">
        <BackToList />
        <Skeleton height={28} width="60%" label={m.loadingThread} />
        <div className="conversation__log conversation__log--loading">
          <Skeleton height={56} width="55%" />
          <Skeleton height={56} width="45%" />
        </div>
      </div>
    );
  if (c.status === 'missing')
    return (
      <div className="conversation" data-testid="conversation-missing">
        <BackToList />
        <h2 className="conversation__title">{m.notFoundTitle}</h2>
        <EmptyState title={m.notFoundHint} />
      </div>
    );
  if (c.status === 'failed' || !c.thread || !me)
    return (
      <div className="conversation">
        <BackToList />
        <Notice tone="negative" title={m.threadError}>
          <p>{c.failure}</p>
          <Button variant="secondary" onClick={c.retry}>
            {m.retry}
          </Button>
        </Notice>
      </div>
    );

  const thread = c.thread;
  const counterpart = counterpartOf(thread, me.companyId);
  const sender = (message: Message) => {
    if (message.mine) return m.you;
    const company = senderCompanyOf(thread, message).name;
    return message.senderCompanyId === me.companyId ? m.colleague(company) : company;
  };

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation__header">
        <BackToList />
        <h2 id="conversation-title" className="conversation__title">
          {thread.subject}
        </h2>
        <p className="conversation__context">
          {counterpart.id === thread.manufacturer.id ? (
            <Link to={`/catalog/manufacturers/${counterpart.id}`}>{m.withCompany(counterpart.name)}</Link>
          ) : (
            m.withCompany(counterpart.name)
          )}
          {thread.orderId && (
            <>
              {' · '}
              <Link to={`/orders/${thread.orderId}`}>{m.viewOrder(thread.orderId)}</Link>
            </>
          )}
        </p>
      </header>
      <div
        className="conversation__log"
        ref={log}
        role="log"
        aria-label={m.log(counterpart.name)}
        // Scrollable, so keyboard users must be able to reach it to scroll.
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
        }}
      >
        {c.hasEarlier && (
          <div className="conversation__earlier">
            <Button
              variant="ghost"
              busy={c.loadingEarlier}
              onClick={() => {
                const el = log.current;
                if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
                c.loadEarlier();
              }}
            >
              {m.earlier}
            </Button>
          </div>
        )}
        <ol className="conversation__messages">
          {c.messages.map((message) => {
            const ours = message.senderCompanyId === me.companyId;
            return (
              <li
                key={message.id}
                className={`bubble${ours ? ' bubble--ours' : ''}`}
                data-testid="message"
                data-mine={message.mine || undefined}
              >
                <p className="bubble__meta">
                  <span className="bubble__sender">{sender(message)}</span>{' '}
                  <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                </p>
                <p className="bubble__body">{message.body}</p>
              </li>
            );
          })}
        </ol>
      </div>
      {maySendMessages(me) ? (
        <Composer
          onSend={(body) => {
            stickToBottom.current = true;
            return c.send(body);
          }}
        />
      ) : (
        <p className="muted conversation__read-only">{m.readOnly}</p>
      )}
    </section>
  );
}
