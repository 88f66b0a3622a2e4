/**
 * The warehouse's data version: changes whenever any table in the `wholesail` database gets new parts (an
 * insert, a mart refresh, a merge). Read from ClickHouse's own metadata, so it is cheap and it sees writes
 * from every process (the API, a separate pipeline worker). Re-read at most every `maxAgeMs`, which bounds
 * how stale a cached answer can be.
 */
import type { Warehouse } from '../warehouse/client.ts';

export function createDataVersion(warehouse: Warehouse, maxAgeMs = 250) {
  let cached: { value: string; at: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function read(): Promise<string> {
    const result = await warehouse.query({
      query: `SELECT toString(sum(rows)) AS rows, toString(count()) AS parts, toString(max(modification_time)) AS changed
              FROM system.parts WHERE database = 'wholesail' AND active`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ rows: string; parts: string; changed: string }>();
    return `${row?.rows}:${row?.parts}:${row?.changed}`;
  }

  return {
    async current(): Promise<string> {
      if (cached && Date.now() - cached.at < maxAgeMs) return cached.value;
      inflight ??= read().finally(() => (inflight = undefined));
      const value = await inflight;
      cached = { value, at: Date.now() };
      return value;
    },
  };
}
