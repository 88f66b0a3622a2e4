/** Writing an order's review: the manufacturer's stars (required), text, and optional stars per product. */
import { useId, useState } from 'react';
import { Button, Card, Notice } from '../components/index.ts';
import { ApiError } from '../auth/session.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import type { OrderDetails } from '../orders/types.ts';
import { reviewMessages as m } from './messages.ts';
import { StarInput } from './StarInput.tsx';
import type { Review } from './types.ts';

interface ProductDraft {
  productId: string;
  name: string;
  rating: number | null;
  body: string;
}

/** The order's products, once each (an order may hold several variants of one product). */
function productsOf(order: OrderDetails): ProductDraft[] {
  const seen = new Map<string, ProductDraft>();
  for (const line of order.lines)
    if (!seen.has(line.productId))
      seen.set(line.productId, { productId: line.productId, name: line.name, rating: null, body: '' });
  return [...seen.values()];
}

export function ReviewForm({ order, onPosted }: { order: OrderDetails; onPosted: (review: Review) => void }) {
  const send = useApiSend();
  const id = useId();
  const [rating, setRating] = useState<number | null>(null);
  const [body, setBody] = useState('');
  const [products, setProducts] = useState(() => productsOf(order));
  const [busy, setBusy] = useState(false);
  const [ratingError, setRatingError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = (productId: string, patch: Partial<ProductDraft>) =>
    setProducts((list) => list.map((p) => (p.productId === productId ? { ...p, ...patch } : p)));

  return (
    <Card title={m.writeTitle}>
      <p className="muted">{m.writeHint}</p>
      <form
        className="review-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (rating === null) return setRatingError(m.chooseRating);
          setBusy(true);
          setError(null);
          send<Review>(`/api/v1/orders/${order.id}/review`, 'POST', {
            rating,
            ...(body.trim() ? { body } : {}),
            products: products
              .filter((p) => p.rating !== null)
              .map((p) => ({
                productId: p.productId,
                rating: p.rating,
                ...(p.body.trim() ? { body: p.body } : {}),
              })),
          })
            .then(onPosted)
            .catch((err: unknown) => {
              setError(
                err instanceof ApiError && err.fields.length > 0
                  ? `${err.message} (${err.fields.map((f) => `${f.field}: ${f.message}`).join('; ')})`
                  : messageOf(err),
              );
              setBusy(false);
            });
        }}
      >
        <StarInput
          legend={m.rateManufacturer(order.sellerName)}
          value={rating}
          onChange={(value) => {
            setRating(value);
            setRatingError(null);
          }}
          error={ratingError}
        />
        <div className="ws-field">
          <label htmlFor={id}>{m.comment}</label>
          <textarea
            id={id}
            rows={4}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <p className="ws-field__hint" id={`${id}-hint`}>
            {m.commentHint}
          </p>
        </div>
        {products.map((p) => (
          <div key={p.productId} className="review-form__product">
            <StarInput
              legend={m.rateProduct(p.name)}
              value={p.rating}
              optional
              onChange={(value) => change(p.productId, { rating: value })}
            />
            {p.rating !== null && (
              <div className="ws-field">
                <label htmlFor={`${id}-${p.productId}`}>{m.productComment(p.name)}</label>
                <textarea
                  id={`${id}-${p.productId}`}
                  rows={2}
                  maxLength={5000}
                  value={p.body}
                  onChange={(e) => change(p.productId, { body: e.target.value })}
                />
              </div>
            )}
          </div>
        ))}
        {error && (
          <Notice tone="negative" alert>
            {error}
          </Notice>
        )}
        <Button type="submit" busy={busy}>
          {busy ? m.posting : m.post}
        </Button>
      </form>
    </Card>
  );
}
