/**
 * Money as people read it on a document: integer minor units turned into an exact decimal string (never a
 * float), then given the currency's symbol and grouping by Intl.NumberFormat, which formats decimal strings
 * exactly. USD reads the American way ($1,234.50); EUR and GBP the British way (€1,234.50, £1,234.50).
 */
import { majorUnits } from '../orders/order-export.ts';

const LOCALE: Record<string, string> = { USD: 'en-US', EUR: 'en-GB', GBP: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(amountMinor: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE[currency] ?? 'en-GB', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(majorUnits(amountMinor, currency) as `${number}`);
}

/** A stored decimal rate ("0.0725") as a percentage ("7.25%"), by moving the decimal point in the string. */
export function formatRate(rate: string): string {
  const [whole = '0', fraction = ''] = rate.split('.');
  const integer = (whole + fraction.slice(0, 2).padEnd(2, '0')).replace(/^0+(?=\d)/, '');
  const decimals = fraction.slice(2).replace(/0+$/, '');
  return `${integer}${decimals ? `.${decimals}` : ''}%`;
}

/** A UTC date as on a document: 2026-11-28. */
export const formatDate = (value: Date | string) => new Date(value).toISOString().slice(0, 10);
