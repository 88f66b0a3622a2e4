/** A product's state in one word for the seller: hidden by moderation trumps draft and published. */
import type { BadgeTone } from '../components/index.ts';
import { productStatusMessages as m } from './messages.ts';
import type { SellerProduct } from './types.ts';

export function productStatus(p: Pick<SellerProduct, 'status' | 'moderation'>): {
  label: string;
  tone: BadgeTone;
} {
  if (p.moderation.hidden) return { label: m.hidden, tone: 'negative' };
  return p.status === 'published'
    ? { label: m.published, tone: 'positive' }
    : { label: m.draft, tone: 'neutral' };
}
