/**
 * Writing the first message to a company, optionally about an order (`/messages/new?to=<company id>` or
 * `?order=<order id>`, as the "Message the ..." buttons open it): a subject and the message. The API requires
 * both to start a thread, so a thread never exists without its first message. Once it is accepted, the page
 * moves to the new conversation.
 */
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../auth/session.ts';
import { Button, Field, Notice } from '../components/index.ts';
import { useApiSend, messageOf } from '../data/useApi.ts';
import { BackToList } from './Conversation.tsx';
import { bodyProblem, problemsByField, subjectProblem } from './drafts.ts';
import { MessageField } from './MessageField.tsx';
import { messagesMessages as m } from './messages.ts';
import type { Thread } from './types.ts';

/** What the button that opened this page knew, so the page can say whom it writes to without asking. */
export interface NewConversationState {
  counterpartName?: string;
}

type Problems = { subject?: string; body?: string; form?: string };

export function NewConversation({ onStarted }: { onStarted: (thread: Thread) => void }) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const send = useApiSend();
  const to = params.get('to');
  const orderId = params.get('order');
  const counterpartName = (location.state as NewConversationState | null)?.counterpartName;
  const [subject, setSubject] = useState(orderId ? m.subjectForOrder(orderId) : '');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [sending, setSending] = useState(false);

  if (!to && !orderId)
    return (
      <div className="conversation">
        <BackToList />
        <Notice tone="warning" title={m.newTitle}>
          {m.noRecipient}
        </Notice>
      </div>
    );

  const submit = async () => {
    if (sending) return;
    const found: Problems = {};
    const s = subjectProblem(subject);
    const b = bodyProblem(body);
    if (s) found.subject = s;
    if (b) found.body = b;
    setProblems(found);
    if (s || b) return;
    setSending(true);
    try {
      const thread = await send<Thread>('/api/v1/messages/threads', 'POST', {
        ...(to ? { counterpartCompanyId: to } : {}),
        ...(orderId ? { orderId } : {}),
        subject: subject.trim(),
        body: body.trim(),
      });
      onStarted(thread);
      navigate(`/messages/${thread.id}`, { replace: true });
    } catch (e) {
      setProblems(e instanceof ApiError ? problemsByField(e.fields, e.message) : { form: messageOf(e) });
      setSending(false);
    }
  };

  return (
    <form
      className="conversation conversation--new"
      aria-labelledby="new-conversation-title"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit();
      }}
    >
      <BackToList />
      <h2 id="new-conversation-title" className="conversation__title">
        {m.newTitle}
      </h2>
      {(counterpartName || orderId) && (
        <p className="conversation__context">
          {[counterpartName && m.to(counterpartName), orderId && m.newAboutOrder(orderId)]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {problems.form && (
        <Notice tone="negative" alert>
          {problems.form}
        </Notice>
      )}
      <Field
        label={m.subject}
        value={subject}
        error={problems.subject}
        readOnly={sending}
        onChange={(e) => setSubject(e.target.value)}
      />
      <MessageField
        label={m.firstMessage}
        hint={m.composerHint}
        value={body}
        error={problems.body}
        busy={sending}
        rows={5}
        onChange={setBody}
        onSubmit={() => void submit()}
      />
      <Button type="submit" busy={sending}>
        {sending ? m.starting : m.start}
      </Button>
    </form>
  );
}
