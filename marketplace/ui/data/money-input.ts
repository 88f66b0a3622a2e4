/**
 * Amounts people type, read in the page's language. A Spanish or French buyer writes "12,50"; an English one
 * "1,250.50". Every money field reads what was typed here and sends integer minor units; nothing else in the app
 * parses a typed amount.
 *
 * The rules: the locale's own decimal separator is accepted, and so is the point (phones and habits put one
 * there in every language). The locale's digit grouping is accepted where it is well formed ("1.250,50",
 * "1 250,50", "1,250.50"). Where the point is not the locale's decimal separator it may also group thousands, so
 * "1.250" in Spanish or French could be 1250 or 1,25: such input is refused as ambiguous, with both readings
 * named, rather than guessed. More decimals than the currency has ("12,505 €") are refused, never rounded.
 */
import { formatLocale } from '../i18n/locale.ts';
import { dataMessages } from './messages.ts';
import { minorDigits, minorToDecimalString, parseMajorToMinor } from './money.ts';

export type AmountProblem = 'empty' | 'malformed' | 'ambiguous' | 'tooPrecise' | 'tooLarge';

/** A typed number as a canonical decimal string ("1250.5", point, no grouping), or why it cannot be read. */
export type DecimalReading =
  | { ok: true; decimal: string }
  | { ok: false; problem: 'empty' | 'malformed' }
  | { ok: false; problem: 'ambiguous'; readings: [string, string] };

/** A typed amount in minor units, or the problem with a sentence for the field. */
export type AmountReading =
  { ok: true; minor: number } | { ok: false; problem: AmountProblem; message: string };

/** Whole units beyond this many digits are refused (parseMajorToMinor's limit; far above any price). */
const MAX_WHOLE_DIGITS = 12;

interface Separators {
  decimal: string;
  group: string;
}

const separatorsCache = new Map<string, Separators>();

/** The decimal and grouping separators Intl writes for `locale` ("," and "." in Spanish). */
export function separatorsOf(locale: string): Separators {
  let found = separatorsCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorsCache.set(locale, found);
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** French groups with a narrow no-break space: any space a keyboard or a paste produces stands for it. */
const groupPattern = (group: string) => (/^\s$/.test(group) ? '[\\s]' : escape(group));

/** "0012" -> "12", "1.50" -> "1.5": the form two readings are compared in. */
function normalised(whole: string, fraction: string): string {
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}

/**
 * Reads a typed number in `locale` (the page's formatting locale unless given). Each way of taking the
 * separators (which one is decimal, which one groups) that fits the text is a reading; one value is the answer,
 * two different ones are ambiguous. The answer keeps the digits as typed ("12.50"), so a caller can tell how
 * many decimals were written.
 */
export function readDecimal(text: string, locale: string = formatLocale): DecimalReading {
  const typed = text.trim();
  if (!typed) return { ok: false, problem: 'empty' };
  const { decimal, group } = separatorsOf(locale);
  const decimals = [...new Set([decimal, '.']), null];
  const groups = [...new Set([group, ...(decimal === '.' ? [] : ['.'])]), null];
  const found = new Map<string, string>();
  for (const d of decimals)
    for (const g of groups) {
      if (d !== null && d === g) continue;
      const whole = g === null ? '\\d+' : `(?:\\d+|[1-9]\\d{0,2}(?:${groupPattern(g)}\\d{3})+)`;
      const match = new RegExp(`^(${whole})${d === null ? '' : `(?:${escape(d)}(\\d*))?`}$`).exec(typed);
      if (!match) continue;
      const digits = match[1]!.replace(/\D/g, '');
      const fraction = match[2] ?? '';
      const key = normalised(digits, fraction);
      if (!found.has(key)) found.set(key, fraction ? `${digits}.${fraction}` : digits);
    }
  const values = [...found.values()];
  if (values.length === 0) return { ok: false, problem: 'malformed' };
  if (values.length > 1) return { ok: false, problem: 'ambiguous', readings: [values[0]!, values[1]!] };
  return { ok: true, decimal: values[0]! };
}

/** A canonical decimal ("1250.5") written with the locale's decimal separator and no grouping ("1250,5"). */
export const decimalInLocale = (decimal: string, locale: string = formatLocale) =>
  decimal.replace('.', separatorsOf(locale).decimal);

/**
 * What a person typed into a money field, in minor units of `currency`: "12,50" and "12.50" are 1250 cents in
 * Spanish and French, "1,250.50" is 125050 in English. Refusals carry a sentence in the page's language that says
 * what to type instead.
 */
export function readAmount(text: string, currency: string, locale: string = formatLocale): AmountReading {
  const m = dataMessages.amount;
  const digits = minorDigits(currency);
  const refuse = (problem: AmountProblem, message: string): AmountReading => ({
    ok: false,
    problem,
    message,
  });
  const reading = readDecimal(text, locale);
  if (!reading.ok) {
    if (reading.problem === 'empty') return refuse('empty', m.empty);
    if (reading.problem === 'ambiguous') {
      const [a, b] = reading.readings.map((r) => decimalInLocale(r, locale));
      return refuse('ambiguous', m.ambiguous(text.trim(), a!, b!));
    }
    return refuse('malformed', m.malformed(decimalInLocale('12.50', locale)));
  }
  const [typedWhole, fraction = ''] = reading.decimal.split('.');
  const whole = typedWhole!.replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_WHOLE_DIGITS) return refuse('tooLarge', m.tooLarge);
  if (fraction.length > digits) return refuse('tooPrecise', m.tooPrecise(currency, digits));
  const minor = parseMajorToMinor(fraction ? `${whole}.${fraction}` : whole, currency);
  return minor === null
    ? refuse('malformed', m.malformed(decimalInLocale('12.50', locale)))
    : { ok: true, minor };
}

/** An amount as a money field shows it for editing: "12,50" in Spanish and French, "12.50" in English. */
export const amountInputText = (minor: number, currency: string, locale: string = formatLocale) =>
  decimalInLocale(minorToDecimalString(minor, minorDigits(currency)), locale);
