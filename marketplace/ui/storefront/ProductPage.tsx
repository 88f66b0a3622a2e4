/** A product: images, variants to choose from, tier prices, MOQ and case pack, stock, lead time, and buying. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Badge, Card, EmptyState, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { useApi } from '../data/useApi.ts';
import { withColon } from '../i18n/index.ts';
import { AddToCart } from './AddToCart.tsx';
import { canBuy } from './CartContext.tsx';
import { manufacturerMessages, productMessages as m } from './messages.ts';
import { ProductCard } from './ProductCard.tsx';
import { ProductImage } from './ProductImage.tsx';
import { TierTable } from './TierTable.tsx';
import { optionsLabel, type ProductPage as Product } from './types.ts';
import { VariantPicker } from './VariantPicker.tsx';
import { ReviewsSection } from '../reviews/ReviewsSection.tsx';

export default function ProductPage() {
  const { id } = useParams();
  const product = useApi<Product>(`/api/v1/products/${id}`);
  if (product.loading) return <Skeleton height={320} label={m.loading} />;
  if (!product.data)
    return (
      <Card>
        <PageTitle title={m.notFound} />
        <EmptyState title={m.notFound}>
          {product.error && product.error.message}
          <p>
            {m.notFoundHint} <Link to="/catalog">{m.back}</Link>
          </p>
        </EmptyState>
      </Card>
    );
  return <ProductView key={product.data.id} product={product.data} />;
}

function ProductView({ product }: { product: Product }) {
  const { me } = useSession();
  const [variantId, setVariantId] = useState(product.variants[0]?.id ?? '');
  const [image, setImage] = useState(0);
  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0];
  // The quantity being considered, so the tier table marks the price that applies to it.
  const [quantity, setQuantity] = useState(variant?.moq ?? 1);
  const choose = (id: string) => {
    setVariantId(id);
    setQuantity(product.variants.find((v) => v.id === id)?.moq ?? 1);
  };
  const imageCount = Math.max(1, product.images.length);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/catalog">← {m.back}</Link>
        {product.category && <span> · {product.category.name}</span>}
      </p>
      <PageTitle
        title={product.name}
        description={
          <>
            {withColon(m.by)}{' '}
            <Link to={`/catalog/manufacturers/${product.sellerCompanyId}`}>{product.sellerName}</Link> (
            {product.sellerCountry}){' '}
            <Badge tone={product.sellerTrustBadge === 'basic' ? 'neutral' : 'positive'}>
              {manufacturerMessages.badge[product.sellerTrustBadge]}
            </Badge>
          </>
        }
      />
      <div className="product-layout">
        <section className="product-gallery" aria-label={m.images}>
          <ProductImage
            name={product.name}
            index={image}
            size="large"
            label={`${withColon(m.imageN(image + 1, imageCount))} ${product.name}`}
          />
          {imageCount > 1 && (
            <ul className="product-gallery__thumbs">
              {Array.from({ length: imageCount }, (_, i) => (
                <li key={i}>
                  <button
                    type="button"
                    aria-label={m.imageN(i + 1, imageCount)}
                    aria-pressed={i === image}
                    onClick={() => setImage(i)}
                  >
                    <ProductImage name={product.name} index={i} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="product-buy">
          {variant ? (
            <Card>
              {product.variants.length > 1 && (
                <VariantPicker
                  variants={product.variants}
                  value={variant.id}
                  onChange={choose}
                  currency={product.currency}
                />
              )}
              <dl className="facts">
                <dt>{m.sku}</dt>
                <dd>{variant.sku}</dd>
                {Object.keys(variant.options).length > 0 && (
                  <>
                    <dt>{m.variantFact}</dt>
                    <dd>{optionsLabel(variant.options)}</dd>
                  </>
                )}
                <dt>{m.moq}</dt>
                <dd>{m.units(variant.moq)}</dd>
                <dt>{m.casePack}</dt>
                <dd>{m.units(variant.casePack)}</dd>
                <dt>{m.available}</dt>
                <dd>
                  {variant.available > 0 ? (
                    <Badge tone="positive">{m.inStock(variant.available)}</Badge>
                  ) : (
                    <Badge tone="negative">{m.outOfStock}</Badge>
                  )}
                </dd>
                <dt>{m.leadTime}</dt>
                <dd>{m.leadDays(product.leadTimeDays)}</dd>
              </dl>
              <TierTable variant={variant} currency={product.currency} quantity={quantity} />
              {canBuy(me) ? (
                <AddToCart
                  key={variant.id}
                  variant={variant}
                  currency={product.currency}
                  productName={product.name}
                  onQuantity={setQuantity}
                />
              ) : (
                <Notice>{m.buyersOnly}</Notice>
              )}
            </Card>
          ) : null}
        </div>
      </div>
      <div className="product-details">
        <Card title={m.description}>
          <p className="prose">{product.description}</p>
          {product.certifications.length > 0 && (
            <>
              <h3 className="subheading">{m.certifications}</h3>
              <ul className="chip-list">
                {product.certifications.map((c) => (
                  <li key={c}>
                    <Badge tone="info">{c}</Badge>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        {product.specifications.length > 0 && (
          <Card title={m.specifications}>
            <dl className="facts">
              {product.specifications.map((s) => (
                <div key={s.name} className="facts__row">
                  <dt>{s.name}</dt>
                  <dd>{s.value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        )}
      </div>
      <ReviewsSection kind="product" id={product.id} manufacturerId={product.sellerCompanyId} />
      {product.related.length > 0 && (
        <section aria-labelledby="related-title" className="related">
          <h2 id="related-title">{m.related}</h2>
          <ul className="product-grid">
            {product.related.slice(0, 4).map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
