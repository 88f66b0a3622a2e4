import { Link } from 'react-router';
import { formatMoney } from '../data/money.ts';
import { catalogMessages as m } from './messages.ts';
import { ProductImage } from './ProductImage.tsx';
import type { ProductSummary } from './types.ts';

/** One product in a grid: the whole card is one link, named by the product. */
export function ProductCard({ product }: { product: ProductSummary }) {
  return (
    <li className="product-card">
      <Link to={`/catalog/products/${product.id}`} className="product-card__link">
        <ProductImage name={product.name} />
        <span className="product-card__name">{product.name}</span>
      </Link>
      <p className="product-card__seller">{m.by(product.sellerName)}</p>
      <p className="product-card__price">
        <strong>{m.from(formatMoney(product.priceMinor, product.currency))}</strong>{' '}
        <span className="muted">{m.perUnit}</span>
      </p>
      <p className="product-card__meta">
        <span>{m.moq(product.moq)}</span>
        {product.stock <= 0 && <span className="product-card__out">{m.outOfStock}</span>}
      </p>
    </li>
  );
}
