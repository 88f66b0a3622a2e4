/**
 * `npm run events:snapshot`: writes the JSON Schema of every event version to ingest/events/schemas/.
 * Commit them: catalog.test.ts compares the live schemas with these and fails on a breaking change.
 * Snapshots of existing versions are only ever rewritten with additive changes (the test enforces it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { payloadSchemas } from './catalog.ts';
import type { JsonSchema } from './compatibility.ts';

export const SCHEMA_DIR = path.join(import.meta.dirname, 'schemas');

export const jsonSchemaOf = (key: string) =>
  z.toJSONSchema(payloadSchemas[key]!, { io: 'input' }) as JsonSchema;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const key of Object.keys(payloadSchemas).sort()) {
    writeFileSync(path.join(SCHEMA_DIR, `${key}.json`), `${JSON.stringify(jsonSchemaOf(key), null, 2)}\n`);
    console.log(`wrote ingest/events/schemas/${key}.json`);
  }
}
