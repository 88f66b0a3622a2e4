/**
 * The audit log's filters as the URL keeps them (dates as YYYY-MM-DD, a day in UTC) and as the API takes them
 * (`from` inclusive, `to` exclusive, ISO 8601 UTC). "Until" a day includes that whole day, so `to` is the next
 * midnight. Checked like the API checks them (api/routes/admin-routes.ts), so a typo is named next to its field.
 */
export const FILTER_KEYS = ['action', 'actorId', 'targetId', 'companyId', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof FILTER_KEYS)[number], string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z_]+\.[a-z_]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type AuditProblem = 'action' | 'id' | 'order';

export function checkAuditFilters(f: AuditFilters): Partial<Record<keyof AuditFilters, AuditProblem>> {
  const problems: Partial<Record<keyof AuditFilters, AuditProblem>> = {};
  if (f.action.trim() && !ACTION.test(f.action.trim())) problems.action = 'action';
  for (const key of ['actorId', 'targetId', 'companyId'] as const)
    if (f[key].trim() && !UUID.test(f[key].trim())) problems[key] = 'id';
  const from = f.from.trim();
  const to = f.to.trim();
  if (DAY.test(from) && DAY.test(to) && to < from) problems.to = 'order';
  return problems;
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().replace('.000Z', 'Z');
};

export function auditQuery(f: AuditFilters, limit: number, offset: number): string {
  const q = new URLSearchParams();
  for (const key of ['action', 'actorId', 'targetId', 'companyId'] as const)
    if (f[key].trim()) q.set(key, f[key].trim());
  if (DAY.test(f.from.trim())) q.set('from', `${f.from.trim()}T00:00:00Z`);
  if (DAY.test(f.to.trim())) q.set('to', nextDay(f.to.trim()));
  q.set('limit', String(limit));
  q.set('offset', String(offset));
  return q.toString();
}

export interface ChangeLine {
  field: string;
  before: string | null;
  after: string | null;
}

const shown = (value: unknown): string | null =>
  value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An entry's before and after as one line per field that differs (`status: active → suspended`), which reads
 * faster than two JSON documents side by side. Anything that is not a pair of objects is one line for the whole.
 */
export function changeLines(before: unknown, after: unknown): ChangeLine[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((isRecord(b) || b === null) && (isRecord(a) || a === null)) {
    const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    return fields
      .map((field) => ({ field, before: shown(b?.[field]), after: shown(a?.[field]) }))
      .filter((line) => line.before !== line.after);
  }
  return [{ field: '', before: shown(b), after: shown(a) }];
}
