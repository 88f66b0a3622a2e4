/**
 * A file's size for people: "812 B", "20 KB", "3.1 MB" in binary multiples, as file pickers show them. The unit
 * symbols are the language's (French counts octets: "3,1 Mo") and the number is written the app's way, so the
 * catalogs pass their units and get back the function their `fileSize` sentence needs.
 */
import { formatLocale, formatNumber } from '../i18n/index.ts';

export interface SizeUnits {
  bytes: string;
  kilobytes: string;
  megabytes: string;
  /** Between the number and the unit: French keeps them together with a no-break space. */
  space: string;
}

const KB = 1024;
const MB = 1024 * 1024;
const tenths = new Map<string, Intl.NumberFormat>();

/** Megabytes keep one decimal, even when it is 0 ("2.0 MB"), as they always did. */
function oneDecimal(value: number, locale: string) {
  let format = tenths.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    tenths.set(locale, format);
  }
  return format.format(value);
}

export const sizeWith =
  (units: SizeUnits, locale = formatLocale) =>
  (bytes: number): string => {
    const { space } = units;
    if (bytes < KB) return `${formatNumber(bytes, locale)}${space}${units.bytes}`;
    if (bytes < MB) return `${formatNumber(Math.round(bytes / KB), locale)}${space}${units.kilobytes}`;
    return `${oneDecimal(bytes / MB, locale)}${space}${units.megabytes}`;
  };
