/** The manufacturer's one public reply to a review (`POST /api/v1/reviews/{id}/reply`). */
import { useId, useState } from 'react';
import { Button, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { reviewMessages as m } from './messages.ts';
import type { Review } from './types.ts';

export function ReplyForm(props: { reviewId: string; onReplied: (review: Review) => void }) {
  const send = useApiSend();
  const id = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="review-reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim() === '') return setError(m.replyEmpty);
        setBusy(true);
        setError(null);
        send<Review>(`/api/v1/reviews/${props.reviewId}/reply`, 'POST', { body })
          .then(props.onReplied)
          .catch((err: unknown) => setError(messageOf(err)))
          .finally(() => setBusy(false));
      }}
    >
      <div className={['ws-field', error ? 'ws-field--invalid' : null].filter(Boolean).join(' ')}>
        <label htmlFor={id}>{m.replyLabel}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
        />
        <p className="ws-field__hint" id={`${id}-hint`}>
          {m.replyHint}
        </p>
        {error && (
          <p className="ws-field__error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" busy={busy}>
        {busy ? m.sendingReply : m.sendReply}
      </Button>
    </form>
  );
}

/** A reply as the review's readers see it. */
export function ReplyView({ reply, date }: { reply: { body: string }; date: string }) {
  return (
    <div className="review-reply">
      <p className="review-reply__title">
        {m.reply} · <span className="muted">{m.repliedOn(date)}</span>
      </p>
      <p className="prose">{reply.body}</p>
    </div>
  );
}

export function RepliedNotice() {
  return <Notice tone="positive">{m.replied}</Notice>;
}
