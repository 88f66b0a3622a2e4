/**
 * A claim names units, not money (the buyer asks for a refund or a replacement), so what each listed claim asks
 * for is worked out from its lines and its order's unit prices: both read for the claims on screen, a few at a
 * time, and remembered for the visit. Read-only, like the order list's counterparties.
 */
import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import type { OrderDetails } from '../orders/types.ts';
import { claimedValueMinor } from './claim-rules.ts';
import type { ClaimDetails, ClaimSummary } from './types.ts';

const PARALLEL = 3;

export function useClaimedValues(claims: ClaimSummary[]) {
  const { session } = useSession();
  const [values, setValues] = useState<Record<string, number | null>>({});
  const wanted = claims
    .filter((c) => !(c.id in values))
    .map((c) => `${c.id}:${c.orderId}`)
    .join(',');

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const queue = wanted.split(',');
    const worker = async () => {
      for (let next = queue.shift(); next && !cancelled; next = queue.shift()) {
        const [claimId, orderId] = next.split(':') as [string, string];
        const [claim, order] = await Promise.all([
          session.fetchJson<ClaimDetails>(`/api/v1/claims/${claimId}`).catch(() => null),
          session.fetchJson<OrderDetails>(`/api/v1/orders/${orderId}`).catch(() => null),
        ]);
        const value = claim && order ? claimedValueMinor(claim.lines, order.lines) : null;
        if (!cancelled) setValues((v) => ({ ...v, [claimId]: value }));
      }
    };
    void Promise.all(Array.from({ length: PARALLEL }, worker));
    return () => {
      cancelled = true;
    };
  }, [wanted, session]);

  return values;
}
