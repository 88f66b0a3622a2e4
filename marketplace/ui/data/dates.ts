/**
 * Times arrive as UTC ISO 8601 strings; people see them in the browser's own time zone, written the way the
 * app's chosen language writes dates (i18n/locale.ts): "Nov 25, 2026, 3:04 PM", "25 nov 2026, 15:04",
 * "25 nov. 2026, 15:04".
 */
import { formatLocale } from '../i18n/locale.ts';

const STYLES = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof STYLES, locale: string, timeZone: string | undefined) {
  const key = `${style}|${locale}|${timeZone ?? ''}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** Date and time; `timeZone` (default: the browser's) is for tests and pages that show another zone. */
export const formatDateTime = (iso: string, locale: string = formatLocale, timeZone?: string) =>
  formatter('dateTime', locale, timeZone).format(new Date(iso));

export const formatDate = (iso: string, locale: string = formatLocale, timeZone?: string) =>
  formatter('date', locale, timeZone).format(new Date(iso));
