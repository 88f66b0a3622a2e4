/**
 * Stock levels and movements name a variant by id (levels add its SKU) but not its product, so the products on
 * screen are read from the seller's catalog, a few at a time, each once per visit (as the order list does for
 * company names).
 */
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import type { SellerProduct } from './types.ts';

const PARALLEL = 4;

export interface ProductFacts {
  name: string;
  variants: Array<{ id: string; sku: string; options: Record<string, string> }>;
}

export function useProductLookup(productIds: string[]) {
  const { session } = useSession();
  const [products, setProducts] = useState<Record<string, ProductFacts | null>>({});
  const asked = useRef(new Set<string>());
  const mounted = useRef(true);
  const key = [...new Set(productIds)].sort().join(',');

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const queue = key.split(',').filter((id) => id && !asked.current.has(id));
    for (const id of queue) asked.current.add(id);
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const p = await session.fetchJson<SellerProduct>(`/api/v1/catalog/products/${id}`).catch(() => null);
        // null remembers a product that could not be read (deleted, not ours), shown by its SKU alone.
        const facts = p && {
          name: p.name,
          variants: p.variants.map((v) => ({ id: v.id, sku: v.sku, options: v.options })),
        };
        if (mounted.current) setProducts((known) => ({ ...known, [id]: facts }));
      }
    };
    if (queue.length > 0) void Promise.all(Array.from({ length: PARALLEL }, worker));
  }, [key, session]);

  return products;
}
