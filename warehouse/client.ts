/**
 * The warehouse client: one @clickhouse/client for both modes. Embedded, its connection is chDB (the
 * ClickHouse engine in this process, one data folder per process); distributed, it speaks HTTP to a server.
 * Same client, same SQL: only the connection differs.
 */
import { mkdirSync } from 'node:fs';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';

export type Warehouse = ClickHouseClient;

// Servers return 64-bit integers as strings, chDB as numbers unless told otherwise: make both agree.
const settings = { output_format_json_quote_64bit_integers: 1 } as const;

type ConnectionOption = NonNullable<Parameters<typeof createClient>[0]>['connection'];

export function openWarehouse(options: { url?: string; chdbPath: string }): Warehouse {
  if (options.url) return createClient({ url: options.url, clickhouse_settings: settings });
  mkdirSync(options.chdbPath, { recursive: true });
  const connection = createChdbConnection({ path: options.chdbPath }) as unknown as ConnectionOption;
  return createClient({ connection, clickhouse_settings: settings });
}
