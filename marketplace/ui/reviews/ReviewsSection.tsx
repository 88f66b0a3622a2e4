/**
 * The reviews of a product or a manufacturer on its storefront page: the average and count, how many reviews
 * gave each number of stars, and the reviews themselves, newest first, a page at a time, each with the
 * manufacturer's reply. Reviewers show as verified purchases, never by name. A member of the reviewed
 * manufacturer who manages orders sees a reply form under each review not yet answered (one reply each).
 */
import './reviews.css';
import { useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { Card, EmptyState, Notice, Pagination, Skeleton } from '../components/index.ts';
import { formatDate } from '../data/dates.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { formatPercent } from '../i18n/index.ts';
import { reviewMessages as m } from './messages.ts';
import { RepliedNotice, ReplyForm, ReplyView } from './ReplyForm.tsx';
import { Stars } from './Stars.tsx';
import type { ProductReview, RatingDistribution, Review, ReviewPage } from './types.ts';

const PAGE = 5;

type Item = (Review | ProductReview) & { reviewId?: string };

export function ReviewsSection(props: {
  kind: 'product' | 'manufacturer';
  id: string;
  manufacturerId: string;
}) {
  const { me } = useSession();
  const base = `/api/v1/${props.kind === 'product' ? 'products' : 'manufacturers'}/${props.id}`;
  const [offset, setOffset] = useState(0);
  const [replied, setReplied] = useState<string | null>(null);
  const reviews = useApi<ReviewPage<Item>>(`${base}/reviews?limit=${PAGE}&offset=${offset}`);
  const distribution = useApi<RatingDistribution>(`${base}/rating-distribution`);
  const mayReply =
    me?.companyId === props.manufacturerId && Boolean(me?.permissions.includes('orders:manage'));
  const page = reviews.data;

  return (
    <section className="reviews-section" aria-labelledby="reviews-title" data-testid="reviews-section">
      <h2 id="reviews-title" className="section-title">
        {m.title}
      </h2>
      <Card>
        {reviews.error ? (
          <Notice tone="negative" title={m.loadError}>
            {messageOf(reviews.error)}
          </Notice>
        ) : !page ? (
          <Skeleton height={120} label={m.loading} />
        ) : page.reviewCount === 0 || page.averageRating === null ? (
          <EmptyState title={m.none}>{m.noneHint}</EmptyState>
        ) : (
          <div className="reviews-layout">
            <div className="reviews-summary" data-testid="rating-summary">
              <p className="reviews-summary__average" data-value={page.averageRating}>
                {m.outOf5(page.averageRating)}
              </p>
              <Stars value={page.averageRating} />
              <p className="muted" data-testid="review-count" data-value={page.reviewCount}>
                {m.reviewCount(page.reviewCount)}
              </p>
              {distribution.data && <Distribution data={distribution.data} />}
            </div>
            <div>
              <ol className="review-list">
                {page.items.map((r) => {
                  const reviewId = r.reviewId ?? r.id;
                  return (
                    <li key={r.id} className="review" data-testid="review">
                      <p className="review__meta">
                        <Stars value={r.rating} /> <span className="review__badge">{m.verifiedPurchase}</span>{' '}
                        · <span className="muted">{formatDate(r.createdAt)}</span>
                      </p>
                      {r.body && <p className="prose">{r.body}</p>}
                      {'products' in r && r.products.length > 0 && (
                        <ul className="review-products">
                          {r.products.map((p) => (
                            <li key={p.productId}>
                              <span>{p.productName}</span> <Stars value={p.rating} />
                            </li>
                          ))}
                        </ul>
                      )}
                      {r.reply && <ReplyView reply={r.reply} date={formatDate(r.reply.repliedAt)} />}
                      {replied === reviewId && <RepliedNotice />}
                      {mayReply && !r.reply && (
                        <ReplyForm
                          reviewId={reviewId}
                          onReplied={() => {
                            setReplied(reviewId);
                            void reviews.reload();
                          }}
                        />
                      )}
                    </li>
                  );
                })}
              </ol>
              <Pagination
                label={m.pages}
                offset={offset}
                limit={PAGE}
                total={page.reviewCount}
                onChange={setOffset}
              />
            </div>
          </div>
        )}
      </Card>
    </section>
  );
}

function Distribution({ data }: { data: RatingDistribution }) {
  return (
    <ul className="rating-distribution" aria-label={m.distribution}>
      {data.stars.map((s) => {
        const share = data.reviewCount === 0 ? 0 : s.count / data.reviewCount;
        return (
          <li key={s.stars} data-stars={s.stars} data-count={s.count}>
            <span className="rating-distribution__label">
              {m.distributionRow(s.stars, s.count, formatPercent(share))}
            </span>
            <span className="rating-distribution__bar" aria-hidden="true">
              <span style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
