import { useState, type FormEvent } from 'react';
import { Button, Card, EmptyState, Field, Notice } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi, useApiSend } from '../data/useApi.ts';
import { useSession } from '../auth/SessionContext.tsx';
import { useCart } from './CartContext.tsx';
import { cartMessages as m } from './messages.ts';
import type { Cart } from './types.ts';

/** Save the current cart under a name (the API then starts a new one), and bring saved carts back. */
export function SavedCarts(props: { canSave: boolean }) {
  const saved = useApi<{ items: Cart[] }>('/api/v1/carts/saved');
  const { setCart } = useCart();
  const { session } = useSession();
  const send = useApiSend();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: true, text: await work() });
      await saved.reload();
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void act(async () => {
      await send<Cart>('/api/v1/cart/save', 'POST', { name: trimmed });
      setCart(await send<Cart>('/api/v1/cart', 'GET'));
      setName('');
      return m.saved(trimmed);
    });
  };

  return (
    <div className="cart-side">
      {props.canSave && (
        <Card title={m.saveTitle}>
          <form onSubmit={save} className="save-cart">
            <Field
              label={m.saveName}
              hint={m.saveHint}
              value={name}
              maxLength={100}
              required
              onChange={(e) => setName(e.target.value)}
            />
            <Button type="submit" variant="secondary" busy={busy} disabled={!name.trim()}>
              {m.saveButton}
            </Button>
          </form>
        </Card>
      )}
      <Card title={m.savedTitle}>
        {outcome && (
          <Notice tone={outcome.ok ? 'positive' : 'negative'} alert>
            {outcome.text}
          </Notice>
        )}
        {saved.data && saved.data.items.length === 0 ? (
          <EmptyState title={m.savedNone} />
        ) : (
          <ul className="saved-carts">
            {(saved.data?.items ?? []).map((c) => {
              const label = c.name ?? '';
              return (
                <li key={c.id}>
                  <div>
                    <strong>{label}</strong>
                    <span className="muted">{m.savedMeta(c.lineCount, formatDateTime(c.updatedAt))}</span>
                    <span className="muted">
                      {c.totals.map((t) => formatMoney(t.subtotalMinor, t.currency)).join(' + ')}
                    </span>
                  </div>
                  <div className="button-row">
                    <Button
                      variant="secondary"
                      aria-label={m.restoreLabel(label)}
                      busy={busy}
                      onClick={() =>
                        void act(async () => {
                          setCart(await send<Cart>(`/api/v1/carts/saved/${c.id}/restore`, 'POST'));
                          return m.restored(label);
                        })
                      }
                    >
                      {m.restore}
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={m.deleteSavedLabel(label)}
                      busy={busy}
                      onClick={() =>
                        void act(async () => {
                          await session.fetchOk(`/api/v1/carts/saved/${c.id}`, { method: 'DELETE' });
                          return '';
                        })
                      }
                    >
                      {m.deleteSaved}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
