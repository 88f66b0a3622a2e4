/**
 * The one place that reads the environment. Everything else receives a typed Config.
 * A bad value stops the process with a one-line reason naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const brokerList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .refine((brokers) => brokers.length > 0 && brokers.every((b) => /^[\w.-]+:\d{1,5}$/.test(b)), {
    message: 'must be a comma-separated list of host:port',
  });

const postgresUrl = z
  .string()
  .url({ message: 'must be a URL like postgres://user:password@host:5432/db' })
  .refine((url) => /^postgres(ql)?:\/\//.test(url), {
    message: 'must start with postgres:// or postgresql://',
  });

const httpUrl = z
  .string()
  .url({ message: 'must be a URL like http://host:8123' })
  .refine((url) => /^https?:\/\//.test(url), { message: 'must start with http:// or https://' });

const smtpUrl = z
  .string()
  .url({ message: 'must be a URL like smtp://user:password@host:587' })
  .refine((url) => /^smtps?:\/\//.test(url), { message: 'must start with smtp:// or smtps://' });

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: postgresUrl.optional(),
  KAFKA_BROKERS: brokerList.optional(),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]+$/, { message: 'may only contain letters, digits, ".", "_" and "-"' })
    .default('wholesail'),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('wholesail-warehouse-loader'),
  CLICKHOUSE_URL: httpUrl.optional(),
  AUTH_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  PUBLIC_URL: httpUrl.transform((url) => url.replace(/\/+$/, '')).optional(),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().min(3).default('Wholesail <no-reply@wholesail.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: boolish.default(true),
  RUN_PIPELINE: boolish.default(true),
  WORKER_PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3001),
  RELAY_POLL_MS: z.coerce.number({ message: 'must be a number' }).int().min(10).max(60_000).default(100),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; otherwise PGlite in `<dataDir>/pg`. */
  databaseUrl?: string;
  kafka?: { brokers: string[]; topicPrefix: string; consumerGroup: string };
  topicPrefix: string;
  /** A ClickHouse server when set; otherwise chDB in `<dataDir>/clickhouse`. */
  clickhouseUrl?: string;
  authSecret?: string;
  /** Base URL people reach the app at; links in emails start with it. Defaults to http://HOST:PORT. */
  publicUrl: string;
  /** SMTP server for outgoing mail; unset writes every email as a file into `<dataDir>/mail-outbox`. */
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  seedDemo: boolean;
  relayPollMs: number;
  /** false when a separate worker process (`npm run worker`) runs the relay and the Kafka consumer. */
  runPipeline: boolean;
  /** Port of the worker's /metrics and /health. */
  workerPort: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset": that is how people blank a variable in a shell or a .env file.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(
      `Invalid configuration: ${name} ${issue.message} (got ${JSON.stringify(env[name])}).`,
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    kafka: c.KAFKA_BROKERS
      ? { brokers: c.KAFKA_BROKERS, topicPrefix: c.KAFKA_TOPIC_PREFIX, consumerGroup: c.KAFKA_CONSUMER_GROUP }
      : undefined,
    topicPrefix: c.KAFKA_TOPIC_PREFIX,
    clickhouseUrl: c.CLICKHOUSE_URL,
    authSecret: c.AUTH_SECRET,
    publicUrl: c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    logLevel: c.LOG_LEVEL,
    seedDemo: c.SEED_DEMO,
    relayPollMs: c.RELAY_POLL_MS,
    runPipeline: c.RUN_PIPELINE,
    workerPort: c.WORKER_PORT,
  };
}

/** For entry points (npm start, the worker, the command-line tools): a bad value ends the process with its one line. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
