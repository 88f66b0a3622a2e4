import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { payloadSchemas } from './catalog.ts';
import { breakingChanges } from './compatibility.ts';
import { jsonSchemaOf, SCHEMA_DIR } from './snapshot.ts';

describe('the event catalogue', () => {
  const snapshots = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

  it('has a committed schema snapshot for every event version (run `npm run events:snapshot`)', () => {
    expect(Object.keys(payloadSchemas).sort()).toEqual(expect.arrayContaining(snapshots));
    expect(snapshots.sort()).toEqual(Object.keys(payloadSchemas).sort());
  });

  it.each(Object.keys(payloadSchemas))('%s changes only additively since its snapshot', (key) => {
    const snapshot = JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${key}.json`), 'utf8'));
    expect(breakingChanges(snapshot, jsonSchemaOf(key))).toEqual([]);
  });
});

describe('schema compatibility rules', () => {
  const v1 = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      qty: { type: 'integer' },
      kind: { type: 'string', enum: ['a', 'b'] },
      note: { type: 'string' },
    },
    required: ['id', 'qty', 'kind'],
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON Schema edits
  const change = (edit: (s: any) => void) => {
    const next = structuredClone(v1);
    edit(next);
    return breakingChanges(v1, next);
  };

  it('lets a new optional field or enum value through', () => {
    expect(change((s) => (s.properties.extra = { type: 'string' }))).toEqual([]);
    expect(change((s) => s.properties.kind.enum.push('c'))).toEqual([]);
    expect(change((s) => (s.required = ['id', 'qty']))).toEqual([]);
  });

  it('catches a removed field, a retyped field and a new requirement', () => {
    expect(change((s) => delete s.properties.qty)).toEqual(['payload.qty: removed']);
    expect(change((s) => (s.properties.qty = { type: 'string' }))).toEqual([
      'payload.qty: type changed from ["integer"] to ["string"]',
    ]);
    expect(change((s) => s.required.push('note'))).toEqual(['payload.note: became required']);
    expect(
      change((s) => {
        s.properties.fresh = { type: 'string' };
        s.required.push('fresh');
      }),
    ).toEqual(['payload.fresh: added as required (old events lack it)']);
    expect(change((s) => (s.properties.kind.enum = ['a']))).toEqual(['payload.kind: enum value "b" removed']);
  });

  it('looks inside arrays of objects', () => {
    const lines = {
      type: 'object',
      properties: {
        lines: {
          type: 'array',
          items: { type: 'object', properties: { q: { type: 'integer' } }, required: ['q'] },
        },
      },
      required: ['lines'],
    };
    const next = structuredClone(lines);
    next.properties.lines.items.properties.q = { type: 'number' };
    expect(breakingChanges(lines, next)).toEqual([
      'payload.lines[].q: type changed from ["integer"] to ["number"]',
    ]);
  });
});
