/** The analysts' SQL console and exports over HTTP. Rules and limits live in semantic-layer/sql-console.ts. */
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { SqlConsole } from '../../semantic-layer/sql-console.ts';
import type { ApiDefinition } from '../openapi.ts';

const body = z
  .object({
    sql: z.string().trim().min(1).max(100_000),
    format: z.enum(['json', 'csv', 'parquet']).default('json'),
  })
  .strict()
  .openapi('SqlConsoleRequest');

const answer = z
  .object({
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    rows: z.array(z.array(z.unknown())),
    rowCount: z.number().int(),
    truncated: z.boolean(),
    elapsedMs: z.number().int(),
  })
  .openapi('SqlConsoleAnswer');

export function registerSqlRoutes(api: ApiDefinition, deps: { sqlConsole: SqlConsole }) {
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/analytics/sql',
      summary:
        'Read-only SQL over the warehouse for platform analysts; format csv or parquet downloads the rows',
      tag: 'analytics',
      auth: true,
      body,
      response: answer,
    },
    async ({ principal, body: input, res }) => {
      if (input.format === 'json') return deps.sqlConsole.query(principal, input.sql);
      const stream = await deps.sqlConsole.exportRows(principal, input.sql, input.format);
      res.status(200);
      res.type(input.format === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet');
      res.attachment(`wholesail-export.${input.format}`);
      await pipeline(stream, res);
      return undefined;
    },
  );
}
