/** A manufacturer's profile: where it is, its trust badge and score, its own words, and its published products. */
import { useSearchParams, useParams } from 'react-router';
import { Badge, Card, EmptyState, PageTitle, Pagination, Skeleton } from '../components/index.ts';
import { formatDate } from '../data/dates.ts';
import { useApi } from '../data/useApi.ts';
import { withColon } from '../i18n/index.ts';
import { MessageManufacturerButton } from '../messages/StartConversation.tsx';
import { manufacturerMessages as m, catalogMessages } from './messages.ts';
import { ProductCard } from './ProductCard.tsx';
import type { ManufacturerProfile } from './types.ts';
import { ReviewsSection } from '../reviews/ReviewsSection.tsx';

const PAGE = 24;

export default function ManufacturerPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const profile = useApi<ManufacturerProfile>(`/api/v1/manufacturers/${id}?limit=${PAGE}&offset=${offset}`);
  if (profile.loading) return <Skeleton height={200} label={m.loading} />;
  if (!profile.data)
    return (
      <Card>
        <PageTitle title={m.notFound} />
        <EmptyState title={m.notFound}>{profile.error?.message}</EmptyState>
      </Card>
    );
  const p = profile.data;
  return (
    <>
      <PageTitle
        title={p.name}
        actions={<MessageManufacturerButton manufacturerId={p.id} name={p.name} />}
        description={
          <>
            {m.location(p.city, p.country)} · {m.since(formatDate(p.memberSince))}
            {p.foundedYear ? ` · ${m.founded(p.foundedYear)}` : ''}{' '}
            <Badge tone={p.trustBadge === 'basic' ? 'neutral' : 'positive'}>{m.badge[p.trustBadge]}</Badge>{' '}
            {p.trustScore !== null && (
              <span className="trust-score" title={m.trustHelp}>
                {m.trustScore(p.trustScore)}
              </span>
            )}
          </>
        }
      />
      {(p.description || p.website) && (
        <Card>
          {p.description && <p>{p.description}</p>}
          {p.website && (
            <p>
              {withColon(m.website)}{' '}
              <a href={p.website} rel="noopener noreferrer nofollow" target="_blank">
                {p.website.replace(/^https?:\/\//, '')}
              </a>
            </p>
          )}
        </Card>
      )}
      <section aria-labelledby="maker-products">
        <h2 id="maker-products" className="section-title">
          {m.products(p.totalProducts)}
        </h2>
        <ul className="product-grid">
          {p.products.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </ul>
        <Pagination
          label={catalogMessages.pages}
          offset={offset}
          limit={PAGE}
          total={p.totalProducts}
          onChange={(next) => setParams({ offset: String(next) })}
        />
      </section>
      <ReviewsSection kind="manufacturer" id={p.id} manufacturerId={p.id} />
    </>
  );
}
