/**
 * The review on an order's page. Once the order is delivered or completed, its buyer (a member who may place
 * orders) may review it once: the manufacturer 1-5, and any of the order's products. After that, and for the
 * seller, the review shows read-only, with the seller's reply or, for a seller who manages orders, the form to
 * reply once. Nothing shows before delivery: the API would refuse.
 */
import './reviews.css';
import { useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { Card, Skeleton } from '../components/index.ts';
import { formatDate } from '../data/dates.ts';
import { useApi } from '../data/useApi.ts';
import type { OrderDetails, Side } from '../orders/types.ts';
import { reviewMessages as m } from './messages.ts';
import { RepliedNotice, ReplyForm, ReplyView } from './ReplyForm.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { Stars } from './Stars.tsx';
import type { Review } from './types.ts';

const REVIEWABLE = new Set(['delivered', 'completed']);

export function OrderReview({ order, side }: { order: OrderDetails; side: Side }) {
  const reviewable = REVIEWABLE.has(order.status) && side !== 'platform';
  if (!reviewable) return null;
  return <OrderReviewCard key={order.id} order={order} side={side} />;
}

function OrderReviewCard({ order, side }: { order: OrderDetails; side: Side }) {
  const { me } = useSession();
  const review = useApi<Review>(`/api/v1/orders/${order.id}/review`);
  const [replied, setReplied] = useState(false);
  const missing = review.error instanceof ApiError && review.error.status === 404;

  if (review.loading) return <Skeleton height={120} label={m.loading} />;
  if (review.data) {
    const r = review.data;
    const mayReply = side === 'seller' && !r.reply && Boolean(me?.permissions.includes('orders:manage'));
    return (
      <Card
        title={side === 'buyer' ? m.yourReview : m.theReview}
        subtitle={m.reviewedOn(formatDate(r.createdAt))}
      >
        <div className="review" data-testid="order-review">
          <Stars value={r.rating} />
          <p className="prose">{r.body ?? <span className="muted">{m.noText}</span>}</p>
          {r.products.length > 0 && (
            <>
              <h3 className="subheading">{m.productsRated}</h3>
              <ul className="review-products">
                {r.products.map((p) => (
                  <li key={p.productId}>
                    <span>{p.productName}</span> <Stars value={p.rating} />
                    {p.body && <p className="prose">{p.body}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {r.reply && <ReplyView reply={r.reply} date={formatDate(r.reply.repliedAt)} />}
          {replied && <RepliedNotice />}
          {mayReply && (
            <ReplyForm
              reviewId={r.id}
              onReplied={(next) => {
                review.set(next);
                setReplied(true);
              }}
            />
          )}
        </div>
      </Card>
    );
  }
  // No review yet: only the buyer's members who may place orders can write one (the API's rule).
  if (missing && side === 'buyer' && me?.permissions.includes('orders:place'))
    return <ReviewForm order={order} onPosted={review.set} />;
  return null;
}
