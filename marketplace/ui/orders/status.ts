/** How an order status looks: its words and the tone of its chip (the word, not the colour, carries meaning). */
import type { BadgeTone } from '../components/index.ts';
import { statusLabels } from './messages.ts';

export const ORDER_STATUSES = Object.keys(statusLabels);

export const statusLabel = (status: string) => statusLabels[status] ?? status;

export function statusTone(status: string): BadgeTone {
  switch (status) {
    case 'pending_payment':
      return 'warning';
    case 'placed':
    case 'accepted':
    case 'processing':
    case 'shipped':
      return 'info';
    case 'delivered':
    case 'completed':
      return 'positive';
    case 'rejected':
    case 'cancelled':
      return 'negative';
    default:
      return 'neutral';
  }
}
