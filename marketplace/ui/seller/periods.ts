/**
 * Settlement periods are whole UTC days, `YYYY-MM-DD`, at most 366 days (api/routes/invoice-routes.ts). The
 * quick choices are calendar months in UTC, the current one ending today.
 */
const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar month `monthsBack` before the one `now` falls in; the current month ends today. */
export function monthPeriod(now: Date, monthsBack = 0): { from: string; to: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
  const end = monthsBack === 0 ? now : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return { from: iso(start), to: iso(end) };
}

const DATE = /^2\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A period the API accepts: two real dates, in order, at most 366 days including both ends. */
export function isValidPeriod(from: string, to: string): boolean {
  if (!DATE.test(from) || !DATE.test(to)) return false;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || iso(new Date(a)) !== from || iso(new Date(b)) !== to)
    return false;
  return a <= b && (b - a) / DAY_MS + 1 <= 366;
}
