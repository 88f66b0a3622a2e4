/** Small numeric helpers and a plain-text table for the ingest benchmark. */

/** Nearest-rank percentile of an ascending-sorted array; Infinity entries mean "never arrived". */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export function median(values: number[]): number {
  return percentile(sortedCopy(values), 50);
}

/** Milliseconds as a short human string: 12 ms, 1.4 s, and ">30 s" for events that never arrived. */
export function ms(value: number, cap?: number): string {
  if (Number.isNaN(value)) return '-';
  if (!Number.isFinite(value)) return cap === undefined ? 'lost' : `>${(cap / 1000).toFixed(0)} s`;
  if (value < 10) return `${value.toFixed(1)} ms`;
  if (value < 1000) return `${Math.round(value)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

export function rate(value: number): string {
  if (Number.isNaN(value)) return '-';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)}k` : `${Math.round(value)}`;
}

export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '-';
  return `${(a / b).toFixed(2)}x`;
}

/** A fixed-width text table; the first row is the header. Also usable as a Markdown table. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    '| ' +
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ') +
    ' |';
  const rule =
    '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}
