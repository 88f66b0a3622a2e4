/**
 * When a message was written, as a list shows it: the time for today, the weekday within the last week, else the
 * date; in the browser's time zone and the app's language (../data/dates.ts for the full form).
 */
import { formatLocale } from '../i18n/index.ts';

const DAY_MS = 86_400_000;

export function shortWhen(
  iso: string,
  now: Date = new Date(),
  locale = formatLocale,
  timeZone?: string,
): string {
  const at = new Date(iso);
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      d,
    );
  if (day(at) === day(now))
    return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(at);
  if (now.getTime() - at.getTime() < 6 * DAY_MS && at.getTime() <= now.getTime())
    return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short' }).format(at);
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' }).format(at);
}
