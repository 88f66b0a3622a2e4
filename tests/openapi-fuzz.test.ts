/**
 * No endpoint answers 5xx, whatever it is sent: schemathesis generates requests from our own OpenAPI document
 * (valid and invalid, for every operation) as a manufacturer, a retailer and a platform admin.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/test-platform.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function schemathesis(): string | undefined {
  try {
    return execFileSync('bash', [path.join(ROOT, 'scripts/fuzz/ensure-schemathesis.sh')], {
      encoding: 'utf8',
      timeout: 300_000,
    }).trim();
  } catch (error) {
    if (process.env.CI === 'true')
      throw new Error(
        `schemathesis could not be installed, so the fuzz test cannot run: ${(error as Error).message}`,
        { cause: error },
      );
    console.error(
      `!!! schemathesis is not available: the OpenAPI fuzz test is SKIPPED (${(error as Error).message})`,
    );
    return undefined;
  }
}

const st = schemathesis();

describe.runIf(st)('fuzzing every endpoint from the OpenAPI document', () => {
  let tp: TestPlatform;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    tokens.manufacturer = (await tp.company('manufacturer', 'Fuzz Maker')).token;
    tokens.retailer = (await tp.company('retailer', 'Fuzz Shop')).token;
    tokens.admin = (await tp.company('platform', 'Fuzz HQ', 'admin')).token;
  });
  afterAll(async () => tp?.close());

  it.each(['manufacturer', 'retailer', 'admin'])(
    'never answers a server error to a %s',
    async (who) => {
      // Asynchronous: the API under test runs in this very process and must keep answering.
      let output: string;
      try {
        const result = await promisify(execFile)(
          st!,
          [
            'run',
            `${tp.url}/api/openapi.json`,
            '--url',
            tp.url,
            '-H',
            `Authorization: Bearer ${tokens[who]}`,
            '--checks',
            'not_a_server_error',
            '--max-examples',
            '8',
            '--workers',
            '2',
            '--no-color',
            '--seed',
            '20261125',
          ],
          { encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
        );
        output = result.stdout + result.stderr;
      } catch (error) {
        output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      }
      const summary = /(\d+) generated, (\d+) passed(?:, (\d+) failed)?(?:, (\d+) errored)?/.exec(output);
      expect(summary, output.slice(-3000)).not.toBeNull();
      console.log(`[fuzz ${who}] ${summary![0]}`);
      expect(output, output.slice(-4000)).not.toMatch(/ST101 Server error|Network Error/);
      expect(Number(summary![1])).toBeGreaterThan(500);
      expect(summary![2]).toBe(summary![1]);
    },
    300_000,
  );
});
