/**
 * `/messages`, `/messages/:threadId` and `/messages/new`: the inbox. On a wide screen the list and the open
 * conversation sit side by side; on a narrow one the list is the page until a conversation opens, which then
 * has a link back (styles/messages.css). The list lives here, above both panes, so a reply or a read marker in
 * the conversation shows in its row at once.
 */
import { useParams } from 'react-router';
import { EmptyState, PageTitle } from '../components/index.ts';
import '../styles/messages.css';
import { Conversation } from './Conversation.tsx';
import { messagesMessages as m } from './messages.ts';
import { NewConversation } from './NewConversation.tsx';
import { ThreadList } from './ThreadList.tsx';
import { useThreadList } from './useThreadList.ts';

export default function MessagesPage({ compose = false }: { compose?: boolean }) {
  const { threadId } = useParams();
  const list = useThreadList();
  const open = compose || threadId !== undefined;
  // With no conversation at all, "choose a conversation" beside "no conversations yet" would only confuse.
  const nothing = !open && list.threads?.length === 0;
  const layout = ['messages-layout', open && 'messages-layout--open', nothing && 'messages-layout--nothing'];
  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      <div className={layout.filter(Boolean).join(' ')}>
        <section className="messages-layout__list" aria-labelledby="conversations-title">
          <h2 id="conversations-title" className="visually-hidden">
            {m.conversations}
          </h2>
          <ThreadList list={list} activeId={threadId} />
        </section>
        <div className="messages-layout__pane">
          {compose ? (
            <NewConversation onStarted={list.upsert} />
          ) : threadId ? (
            // A fresh conversation per thread: nothing of the previous one (scroll, draft, polling) carries over.
            <Conversation key={threadId} threadId={threadId} onThread={list.upsert} />
          ) : (
            <div className="messages-layout__placeholder">
              <EmptyState title={m.pickTitle}>{m.pickHint}</EmptyState>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
