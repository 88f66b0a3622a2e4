/**
 * Where a product stands (draft, published, hidden by a moderator with the reason) and the one step to change
 * it. A refused publish shows the API's own sentence (company not verified, plan limit reached).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, Button, Card, Notice } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { useApiSend } from '../data/useApi.ts';
import { productFormMessages as m } from './messages.ts';
import { PublishOutcome, publishFailure, type PublishResult } from './PublishOutcome.tsx';
import { productStatus } from './status.ts';
import type { SellerProduct } from './types.ts';

export function ProductStatusCard(props: { product: SellerProduct; onChange: (p: SellerProduct) => void }) {
  const { product } = props;
  const send = useApiSend();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PublishResult | null>(null);
  const status = productStatus(product);
  const publishing = product.status !== 'published';

  const toggle = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const updated = await send<SellerProduct>(
        `/api/v1/catalog/products/${product.id}/${publishing ? 'publish' : 'unpublish'}`,
        'POST',
      );
      props.onChange(updated);
      setOutcome({ ok: true, text: publishing ? m.publishedNow : m.unpublishedNow });
    } catch (error) {
      setOutcome(publishFailure(publishing ? m.publishRefused : m.unpublishRefused, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={m.statusTitle}>
      <p className="status-line">
        <Badge tone={status.tone} testId="product-status">
          {status.label}
        </Badge>
        <span className="muted">
          {product.moderation.hidden ? '' : publishing ? m.draftNote : m.publishedNote}
        </span>
      </p>
      {product.moderation.hidden && (
        <Notice tone="negative" title={m.hiddenNote(product.moderation.reason ?? '—')}>
          {product.moderation.hiddenAt && <p>{m.hiddenSince(formatDateTime(product.moderation.hiddenAt))}</p>}
        </Notice>
      )}
      <PublishOutcome result={outcome} />
      <p className="muted">{m.unitsSold(product.unitsSold)}</p>
      <div className="button-row">
        <Button variant={publishing ? 'primary' : 'secondary'} busy={busy} onClick={() => void toggle()}>
          {publishing ? m.publish : m.unpublish}
        </Button>
        {!publishing && !product.moderation.hidden && (
          <Link to={`/catalog/products/${product.id}`}>{m.viewInCatalog}</Link>
        )}
      </div>
    </Card>
  );
}
