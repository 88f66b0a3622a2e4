/**
 * The order list answers without the other company's name (GET /api/v1/orders has ids only), so the names of
 * the orders on screen are read from each order's detail, a few at a time, and remembered for the visit.
 */
import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import type { OrderDetails } from './types.ts';

const PARALLEL = 4;

export function useCounterparties(orderIds: string[]) {
  const { session } = useSession();
  const [names, setNames] = useState<
    Record<string, { buyerName: string; sellerName: string; lines: number }>
  >({});
  const wanted = orderIds.filter((id) => !(id in names)).join(',');

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const queue = wanted.split(',');
    const worker = async () => {
      for (let id = queue.shift(); id && !cancelled; id = queue.shift()) {
        const order = await session.fetchJson<OrderDetails>(`/api/v1/orders/${id}`).catch(() => null);
        if (order && !cancelled)
          setNames((n) => ({
            ...n,
            [id]: { buyerName: order.buyerName, sellerName: order.sellerName, lines: order.lines.length },
          }));
      }
    };
    void Promise.all(Array.from({ length: PARALLEL }, worker));
    return () => {
      cancelled = true;
    };
  }, [wanted, session]);

  return names;
}
