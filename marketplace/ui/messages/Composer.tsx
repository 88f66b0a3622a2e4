/** The reply box under a conversation. The text is cleared only once the API has accepted it. */
import { useState, type FormEvent } from 'react';
import { Button } from '../components/index.ts';
import { messageOf } from '../data/useApi.ts';
import { bodyProblem } from './drafts.ts';
import { MessageField } from './MessageField.tsx';
import { messagesMessages as m } from './messages.ts';

export function Composer({ onSend }: { onSend: (body: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (sending) return;
    const problem = bodyProblem(text);
    if (problem) return setError(problem);
    setSending(true);
    setError(null);
    try {
      await onSend(text.trim());
      setText('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="composer"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit();
      }}
    >
      <MessageField
        label={m.yourMessage}
        hint={m.composerHint}
        value={text}
        error={error}
        busy={sending}
        onChange={(value) => {
          setText(value);
          if (error) setError(null);
        }}
        onSubmit={() => void submit()}
      />
      <Button type="submit" busy={sending} className="composer__send">
        {sending ? m.sending : m.send}
      </Button>
    </form>
  );
}
