/**
 * Money is integer minor units plus an ISO 4217 code, never a float. All rounding in Wholesail goes through
 * `roundRatio`, so there is one rounding rule: half away from zero (the commercial convention: 0.5 cent is
 * charged as 1 cent, -0.5 as -1). money.test.ts holds the table of worked examples.
 */
import { DomainError } from './errors.ts';

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Money {
  amountMinor: number;
  currency: Currency;
}

/** Minor units per major unit. All supported currencies have two decimals today; kept explicit for JPY etc. */
export const MINOR_UNITS: Record<Currency, number> = { USD: 100, EUR: 100, GBP: 100 };

function assertSafe(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new DomainError('validation', 'amount_out_of_range', `${what} is too large to represent exactly.`);
  }
  return Number(value);
}

/** numerator / denominator rounded half away from zero, computed exactly on integers. */
export function roundRatio(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = abs / denominator;
  const remainder = abs % denominator;
  const rounded = remainder * 2n >= denominator ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** unit price x quantity, exact. */
export function lineTotal(unitPriceMinor: number, quantity: number): number {
  return assertSafe(BigInt(unitPriceMinor) * BigInt(quantity), 'Line total');
}

/**
 * Multiplies an amount by a decimal rate given as a string ("1.085", "0.035") without passing through floats:
 * the rate is parsed to an integer numerator over a power of ten.
 */
export function applyRate(amountMinor: number, rate: string): number {
  const match = /^(\d+)(?:\.(\d{1,12}))?$/.exec(rate);
  if (!match) throw new RangeError(`not a decimal rate: ${rate}`);
  const decimals = match[2] ?? '';
  const numerator = BigInt(match[1] + decimals);
  const denominator = 10n ** BigInt(decimals.length);
  return assertSafe(roundRatio(BigInt(amountMinor) * numerator, denominator), 'Amount');
}

// FX rates are data: the effective-dated fx_rates table, read by marketplace/checkout/reference-rates.ts.
