/**
 * Vitest global setup: starts the real services (PostgreSQL, Kafka, stripe-mock) with
 * scripts/services/services.sh and hands their addresses to the test files. When they cannot start, the
 * suite says so loudly; under CI=true that fails the run instead of skipping anything.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

export interface ServiceEnv {
  DATABASE_URL: string;
  KAFKA_BROKERS: string;
  STRIPE_MOCK_URL: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceEnv | null;
    servicesProblem: string;
  }
}

const SCRIPT = new URL('../../scripts/services/services.sh', import.meta.url).pathname;

function run(...args: string[]): string {
  return execFileSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
}

export default function setup(project: TestProject) {
  const ci = process.env.CI === 'true';
  let alreadyRunning = false;
  try {
    run('status');
    alreadyRunning = true;
  } catch {
    // not (all) running: start below
  }
  try {
    const started = Date.now();
    const output = run('start');
    const env = Object.fromEntries(
      output
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    if (!env.DATABASE_URL || !env.KAFKA_BROKERS || !env.STRIPE_MOCK_URL)
      throw new Error(`services.sh start printed no environment:\n${output}`);
    console.log(
      `[services] PostgreSQL ${env.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}, Kafka ${env.KAFKA_BROKERS}, stripe-mock ${env.STRIPE_MOCK_URL} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    project.provide('services', env as unknown as ServiceEnv);
    project.provide('servicesProblem', '');
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const reason = (e.stderr || e.message).trim().split('\n').slice(-5).join('\n');
    if (ci)
      throw new Error(`CI=true and the real services did not start, so the run fails:\n${reason}`, {
        cause: error,
      });
    const banner = '!'.repeat(100);
    console.error(
      `${banner}\nREAL SERVICES DID NOT START: tests on PostgreSQL and Kafka are SKIPPED in this run.\n${reason}\n${banner}`,
    );
    project.provide('services', null);
    project.provide('servicesProblem', reason);
  }
  return () => {
    // Leave services running if they were running before the suite; otherwise clean up after ourselves.
    if (!alreadyRunning && process.env.WHOLESAIL_KEEP_SERVICES !== 'true') {
      try {
        run('stop');
      } catch (error) {
        console.error(`[services] stop failed: ${(error as Error).message}`);
      }
    }
  };
}

/** Creates a fresh, empty PostgreSQL database for one test file and returns its URL. */
export function createTestDatabase(name: string): string {
  const output = run('createdb', name);
  const url = output.split('\n').find((l) => l.startsWith('postgres://'));
  if (!url) throw new Error(`services.sh createdb ${name} printed no URL:\n${output}`);
  return url.trim();
}

export function dropTestDatabase(name: string): void {
  run('dropdb', name);
}
