/**
 * The ways into a conversation from elsewhere in the app: "Message the manufacturer" on a manufacturer's page,
 * and the messages card of an order. Each opens the conversation that already exists with that company (or
 * about that order) and otherwise the form for a first message; the API needs a first message to start a thread.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import type { Session } from '../auth/session.ts';
import { Button, Card, Notice } from '../components/index.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { mayReadMessages, maySendMessages } from './access.ts';
import { messagesMessages as m } from './messages.ts';
import type { NewConversationState } from './NewConversation.tsx';
import type { Thread } from './types.ts';

/** The newest conversation with `companyId` that is not about an order, if there is one. */
async function generalThreadWith(session: Session, companyId: string): Promise<Thread | undefined> {
  const query = new URLSearchParams({ counterpartCompanyId: companyId, aboutOrder: 'false', limit: '1' });
  const { items } = await session.fetchJson<{ items: Thread[] }>(`/api/v1/messages/threads?${query}`);
  return items[0];
}

/** On a manufacturer's page, for retailers who may write for their company. */
export function MessageManufacturerButton({
  manufacturerId,
  name,
}: {
  manufacturerId: string;
  name: string;
}) {
  const { me, session } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (me?.companyKind !== 'retailer' || !maySendMessages(me)) return null;
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const existing = await generalThreadWith(session, manufacturerId);
      const state: NewConversationState = { counterpartName: name };
      if (existing) navigate(`/messages/${existing.id}`);
      else navigate(`/messages/new?to=${encodeURIComponent(manufacturerId)}`, { state });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <div className="start-conversation">
      <Button variant="secondary" busy={busy} onClick={() => void open()}>
        {busy ? m.opening : m.messageManufacturer}
      </Button>
      {error && (
        <Notice tone="negative" alert>
          {error}
        </Notice>
      )}
    </div>
  );
}

interface OrderParties {
  id: string;
  buyerName: string;
  sellerName: string;
}

/**
 * On an order's page, for its buyer and its seller (platform staff read orders but are no party to messages):
 * the conversation about this order if there is one (with what is unread in it), else a way to start it.
 */
export function OrderConversationCard({ order, side }: { order: OrderParties; side: string }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const party = side === 'buyer' || side === 'seller';
  const threads = useApi<{ items: Thread[] }>(
    party && mayReadMessages(me) ? `/api/v1/messages/threads?orderId=${order.id}&limit=1` : null,
  );
  if (!party || !mayReadMessages(me) || threads.loading) return null;
  const existing = threads.data?.items[0];
  if (!existing && !maySendMessages(me)) return null;
  const label = side === 'buyer' ? m.messageSeller : m.messageBuyer;
  const state: NewConversationState = {
    counterpartName: side === 'buyer' ? order.sellerName : order.buyerName,
  };
  return (
    <Card title={m.orderCardTitle}>
      <p className="muted">{side === 'buyer' ? m.orderCardSeller : m.orderCardBuyer}</p>
      <Button
        variant="secondary"
        onClick={() =>
          existing
            ? navigate(`/messages/${existing.id}`)
            : navigate(`/messages/new?order=${encodeURIComponent(order.id)}`, { state })
        }
      >
        {label}
        {existing && existing.unread > 0 && ` · ${m.unread(existing.unread)}`}
      </Button>
    </Card>
  );
}
