/**
 * A whole Wholesail for one test file: the real composition root and HTTP app on a free port, with a
 * temporary data folder (chDB and PGlite) or, in distributed mode, a fresh PostgreSQL database and
 * Kafka topics of its own on the real services.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../api/app.ts';
import { createTokenIssuer } from '../../api/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { loadConfig } from '../../platform/config.ts';
import { createPlatform, type Platform } from '../../platform/container.ts';
import { createLogger } from '../../platform/logger.ts';
import type { CompanyKind } from '../../platform/principal.ts';
import { createTestDatabase, dropTestDatabase } from './global-services.ts';

export type Mode = 'embedded' | 'distributed';

/** A response as a test reads it; bodies are JSON of whatever shape the route documents. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary response shapes
export type HttpResult = { status: number; type: string; body: any; headers?: Headers };

export interface TestPlatform {
  platform: Platform;
  url: string;
  login(email: string, password?: string): Promise<string>;
  /**
   * Registers a company with its owner through the identity service; returns ids and a logged-in token.
   * Manufacturers come verified (KYB approved on the operator's word) unless `kyb: 'none'`, so tests about
   * selling need no review step; tests about KYB itself ask for an unverified one.
   */
  company(
    kind: CompanyKind,
    name: string,
    role?: string,
    options?: { kyb?: 'approved' | 'none' },
  ): Promise<{ companyId: string; email: string; token: string }>;
  http(
    method: string,
    route: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery staple';

/** True when the real services are up; a test file in distributed mode skips (loudly, in global setup) otherwise. */
export const servicesAvailable = () => inject('services') !== null;

export async function startTestPlatform(
  mode: Mode,
  /** `clock`: the platform's time (default the system clock), e.g. a movableClock() to test time windows. */
  options: { startPipeline?: boolean; env?: Record<string, string>; clock?: Clock } = {},
): Promise<TestPlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wholesail-test-'));
  const suffix = path
    .basename(dataDir)
    .replace(/[^a-zA-Z0-9]/g, '')
    .toLowerCase();
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RELAY_POLL_MS: '50',
  };
  const database = `t_${suffix}`;
  if (mode === 'distributed') {
    const services = inject('services');
    if (!services) throw new Error(`real services are not running: ${inject('servicesProblem')}`);
    env.DATABASE_URL = createTestDatabase(database);
    env.KAFKA_BROKERS = services.KAFKA_BROKERS;
    env.KAFKA_TOPIC_PREFIX = `test.${suffix}`;
    env.KAFKA_CONSUMER_GROUP = `loader-${suffix}`;
  }
  const config = loadConfig({ ...env, ...options.env });
  const logger = createLogger(config.logLevel);
  const platform = await createPlatform(config, logger, { clock: options.clock });
  if (options.startPipeline ?? true) await platform.startPipeline();
  const tokens = createTokenIssuer('test-secret-that-is-long-enough-for-hs256!');
  const app = createApp(platform, { tokens, publicUrl: 'http://127.0.0.1' });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const http: TestPlatform['http'] = async (method, route, opts = {}) => {
    const response = await fetch(url + route, {
      method,
      headers: {
        ...opts.headers,
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body !== undefined || opts.rawBody !== undefined
          ? { 'content-type': 'application/json' }
          : {}),
      },
      body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    });
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    return {
      status: response.status,
      type,
      body: type.includes('json') ? JSON.parse(text) : text,
      headers: response.headers,
    };
  };

  const login = async (email: string, password = PASSWORD) => {
    const res = await http('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200)
      throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  let counter = 0;
  const company: TestPlatform['company'] = async (kind, name, role, options = {}) => {
    const email = `${kind}-${++counter}-${suffix}@example.test`;
    const { companyId } = await platform.services.identity.registerCompany(
      { kind, name, country: 'US', city: 'Austin', owner: { email, password: PASSWORD, role } },
      systemActor,
      { kybApproved: (options.kyb ?? 'approved') === 'approved' },
    );
    return { companyId, email, token: await login(email) };
  };

  return {
    platform,
    url,
    login,
    company,
    http,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await platform.close();
      if (mode === 'distributed') dropTestDatabase(database);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a value `done` accepts, or fails after `timeoutMs` with the last value. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}
