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
  ORDER_AUTO_COMPLETE_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(365).default(7),
  CHECKOUT_RESERVATION_MINUTES: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .max(1440)
    .default(30),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, { message: 'must be a Stripe secret key (sk_test_..., sk_live_...)' })
    .optional(),
  STRIPE_API_BASE: httpUrl.optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_\w+$/, {
      message: 'must be a Stripe publishable key (pk_test_..., pk_live_...)',
    })
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\S+$/, { message: 'must be a webhook signing secret (whsec_...)' })
    .optional(),
  CLAIM_WINDOW_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(365).default(14),
  STORAGE_S3_ENDPOINT: httpUrl.optional(),
  STORAGE_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' })
    .optional(),
  STORAGE_S3_REGION: z.string().min(1).default('us-east-1'),
  STORAGE_S3_ACCESS_KEY: z.string().min(1).optional(),
  STORAGE_S3_SECRET_KEY: z.string().min(1).optional(),
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
  /** A delivered order the buyer has not confirmed completes by itself after this many days. */
  orderAutoCompleteDays: number;
  /** How long a card checkout holds its stock while the payment is pending. */
  checkoutReservationMinutes: number;
  /** Stripe when set; otherwise payments go through the offline test provider (no real money). */
  stripeSecretKey?: string;
  /** Another Stripe API address (stripe-mock in tests), e.g. http://127.0.0.1:12111. */
  stripeApiBase?: string;
  /** Verifies webhook signatures. Required with STRIPE_SECRET_KEY; the offline provider makes one up if unset. */
  stripeWebhookSecret?: string;
  /**
   * Stripe.js in the buyer's browser: with it, the payment page shows Stripe's card form (Payment Element).
   * Same mode as STRIPE_SECRET_KEY. Without it, the page keeps the test payment methods (test setups, CI).
   */
  stripePublishableKey?: string;
  /** A buyer may open a claim on a delivered order for this many days after delivery. */
  claimWindowDays: number;
  /** Uploaded files (claim evidence): an S3-compatible bucket when set, else `<dataDir>/objects`. */
  storageS3?: { endpoint?: string; bucket: string; region: string; accessKey?: string; secretKey?: string };
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
    // Never echo a secret into a log, even a malformed one.
    const got = /SECRET|_KEY$/.test(name) ? 'a hidden value' : JSON.stringify(env[name]);
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message} (got ${got}).`);
  }
  const c = parsed.data;
  if (c.STRIPE_SECRET_KEY && !c.STRIPE_WEBHOOK_SECRET)
    throw new ConfigError(
      'Invalid configuration: STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set (webhooks cannot be verified without it).',
    );
  if (c.STRIPE_PUBLISHABLE_KEY) {
    // The browser confirms the intents the server creates: a test key cannot see a live intent, nor the reverse.
    const publishableMode = c.STRIPE_PUBLISHABLE_KEY.startsWith('pk_live_') ? 'live' : 'test';
    if (!c.STRIPE_SECRET_KEY)
      throw new ConfigError(
        'Invalid configuration: STRIPE_PUBLISHABLE_KEY needs STRIPE_SECRET_KEY (the offline test provider has no card form).',
      );
    const secretMode = /^(sk|rk)_live_/.test(c.STRIPE_SECRET_KEY) ? 'live' : 'test';
    if (publishableMode !== secretMode)
      throw new ConfigError(
        `Invalid configuration: STRIPE_PUBLISHABLE_KEY is a ${publishableMode} key but STRIPE_SECRET_KEY is a ${secretMode} key (use pk_live_ with sk_live_, pk_test_ with sk_test_).`,
      );
  }
  if (!c.STORAGE_S3_BUCKET && (c.STORAGE_S3_ENDPOINT || c.STORAGE_S3_ACCESS_KEY || c.STORAGE_S3_SECRET_KEY))
    throw new ConfigError(
      'Invalid configuration: STORAGE_S3_BUCKET is required with the other STORAGE_S3_ settings.',
    );
  if (!c.STORAGE_S3_ACCESS_KEY !== !c.STORAGE_S3_SECRET_KEY)
    throw new ConfigError(
      'Invalid configuration: STORAGE_S3_ACCESS_KEY and STORAGE_S3_SECRET_KEY go together (set both or neither).',
    );
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
    orderAutoCompleteDays: c.ORDER_AUTO_COMPLETE_DAYS,
    checkoutReservationMinutes: c.CHECKOUT_RESERVATION_MINUTES,
    stripeSecretKey: c.STRIPE_SECRET_KEY,
    stripeApiBase: c.STRIPE_API_BASE,
    stripeWebhookSecret: c.STRIPE_WEBHOOK_SECRET,
    stripePublishableKey: c.STRIPE_PUBLISHABLE_KEY,
    claimWindowDays: c.CLAIM_WINDOW_DAYS,
    storageS3: c.STORAGE_S3_BUCKET
      ? {
          endpoint: c.STORAGE_S3_ENDPOINT,
          bucket: c.STORAGE_S3_BUCKET,
          region: c.STORAGE_S3_REGION,
          accessKey: c.STORAGE_S3_ACCESS_KEY,
          secretKey: c.STORAGE_S3_SECRET_KEY,
        }
      : undefined,
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
