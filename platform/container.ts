/**
 * The composition root: the only place that knows which mode we run in. It opens the OLTP database, the
 * warehouse and the event transport named by the config, applies migrations, and hands the same services
 * to the API, the seeder and the tests. Domain code receives a database, a publisher and a warehouse client;
 * it never asks where they come from.
 */
import path from 'node:path';
import pg from 'pg';
import { createKafkaPublisher, createLagProbe, ensureTopics, startKafkaConsumer } from '../ingest/kafka.ts';
import { createWarehouseLoader } from '../ingest/loader.ts';
import { createPipelineMetrics, type PipelineMetrics } from '../ingest/metrics.ts';
import { createInProcessPublisher, type EventPublisher } from '../ingest/publisher.ts';
import { OutboxRelay } from '../ingest/relay.ts';
import { createBillingService } from '../marketplace/billing/billing-service.ts';
import { createCatalogService } from '../marketplace/catalog/catalog-service.ts';
import { createProductImages } from '../marketplace/catalog/product-images.ts';
import { createClaimService } from '../marketplace/claims/claim-service.ts';
import { createCompaniesService } from '../marketplace/companies/companies-service.ts';
import { createSecretBox } from '../marketplace/identity/secret-box.ts';
import { createCartService } from '../marketplace/checkout/cart-service.ts';
import { createCheckoutService } from '../marketplace/checkout/checkout-service.ts';
import { createCommercialTerms } from '../marketplace/checkout/commercial-terms.ts';
import { createPaymentCompletion } from '../marketplace/checkout/payment-completion.ts';
import { createIdempotencyStore } from '../marketplace/idempotency/idempotency-keys.ts';
import { createInvoiceService } from '../marketplace/invoices/invoice-service.ts';
import { createSettlementService } from '../marketplace/invoices/settlement.ts';
import { createRefundService } from '../marketplace/refunds/refund-service.ts';
import { createProofOfDelivery } from '../marketplace/orders/proof-of-delivery.ts';
import { openPglite, openPostgres, type Db } from '../marketplace/db/database.ts';
import { migrateOltp } from '../marketplace/db/migrate.ts';
import { createAccessGuard } from '../marketplace/identity/access-guard.ts';
import { createIdentityService } from '../marketplace/identity/identity-service.ts';
import { createLoginThrottle } from '../marketplace/identity/login-throttle.ts';
import { createMailer, type Mailer } from '../marketplace/notifications/mailer.ts';
import { createMessagingService } from '../marketplace/messaging/messaging-service.ts';
import { createNotificationFeed } from '../marketplace/notifications/notification-feed.ts';
import { createNotificationService } from '../marketplace/notifications/notification-service.ts';
import { createNotifier } from '../marketplace/notifications/notifier.ts';
import { createStreamTickets } from '../marketplace/notifications/stream-tickets.ts';
import { createReviewService } from '../marketplace/reviews/review-service.ts';
import { openObjectStorage, type ObjectStorage } from '../marketplace/storage/object-storage.ts';
import { createFulfilmentService } from '../marketplace/orders/fulfilment-service.ts';
import { createOrderService } from '../marketplace/orders/order-service.ts';
import { choosePaymentProvider } from '../marketplace/payments/choose-provider.ts';
import { OfflinePaymentProvider } from '../marketplace/payments/offline-provider.ts';
import { createPaymentService } from '../marketplace/payments/payment-service.ts';
import { compileModel } from '../semantic-layer/compiler.ts';
import { createGateway } from '../semantic-layer/gateway.ts';
import { SQL_CONSOLE_LIMITS, createSqlConsole } from '../semantic-layer/sql-console.ts';
import { openReadOnlyWarehouse, openWarehouse, type Warehouse } from '../warehouse/client.ts';
import { buildModels } from '../warehouse/build.ts';
import { migrateWarehouse } from '../warehouse/migrate.ts';
import { resolveAuthSecret } from './secrets.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export interface Platform {
  config: Config;
  logger: Logger;
  mode: { oltp: 'postgres' | 'pglite'; stream: 'kafka' | 'in-process'; warehouse: 'clickhouse' | 'chdb' };
  db: Db;
  warehouse: Warehouse;
  publisher: EventPublisher;
  relay: OutboxRelay;
  mailer: Mailer;
  /** Uploaded files (claim evidence): a local folder, or an S3-compatible bucket when configured. */
  storage: ObjectStorage;
  metrics: PipelineMetrics;
  services: {
    identity: ReturnType<typeof createIdentityService>;
    catalog: ReturnType<typeof createCatalogService>;
    productImages: ReturnType<typeof createProductImages>;
    orders: ReturnType<typeof createOrderService>;
    messaging: ReturnType<typeof createMessagingService>;
    reviews: ReturnType<typeof createReviewService>;
    notifications: ReturnType<typeof createNotificationService>;
    notificationTickets: ReturnType<typeof createStreamTickets>;
    notificationFeed: ReturnType<typeof createNotificationFeed>;
    fulfilment: ReturnType<typeof createFulfilmentService>;
    payments: ReturnType<typeof createPaymentService>;
    carts: ReturnType<typeof createCartService>;
    checkout: ReturnType<typeof createCheckoutService>;
    paymentCompletion: ReturnType<typeof createPaymentCompletion>;
    commercialTerms: ReturnType<typeof createCommercialTerms>;
    idempotency: ReturnType<typeof createIdempotencyStore>;
    refunds: ReturnType<typeof createRefundService>;
    proofOfDelivery: ReturnType<typeof createProofOfDelivery>;
    billing: ReturnType<typeof createBillingService>;
    claims: ReturnType<typeof createClaimService>;
    companies: ReturnType<typeof createCompaniesService>;
    invoices: ReturnType<typeof createInvoiceService>;
    settlements: ReturnType<typeof createSettlementService>;
  };
  gateway: ReturnType<typeof createGateway>;
  sqlConsole: ReturnType<typeof createSqlConsole>;
  /** Starts the relay (and, on Kafka, the warehouse consumer). */
  startPipeline(): Promise<void>;
  close(): Promise<void>;
}

/** The two databases named by the config, migrated. Command-line tools use this without the rest. */
export async function openStores(
  config: Config,
): Promise<{ db: Db; warehouse: Warehouse; close: () => Promise<void> }> {
  const db = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPglite(path.join(config.dataDir, 'pg'));
  const warehouse = openWarehouse({
    url: config.clickhouseUrl,
    chdbPath: path.join(config.dataDir, 'clickhouse'),
  });
  const close = async () => {
    await warehouse.close();
    await db.destroy();
  };
  try {
    await migrateOltp(db);
    await migrateWarehouse(warehouse);
    await buildModels(warehouse);
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { db, warehouse, close };
}

export async function createPlatform(
  config: Config,
  logger: Logger,
  options: { clock?: Clock } = {},
): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const { db, warehouse, close: closeStores } = await openStores(config);
  const closers: Array<() => Promise<unknown>> = [closeStores];
  try {
    const metrics = createPipelineMetrics();
    const loader = createWarehouseLoader({ warehouse, logger, metrics });
    metrics.gaugeOnScrape('wholesail_outbox_pending', 'Outbox events not yet published.', async () => {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('published_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
    metrics.gaugeOnScrape(
      'wholesail_warehouse_raw_events',
      'Distinct events in the warehouse raw table.',
      async () => {
        const result = await warehouse.query({
          query: 'SELECT count() AS n FROM wholesail.events_raw FINAL',
          format: 'JSONEachRow',
        });
        return Number((await result.json<{ n: string }>())[0]?.n ?? 0);
      },
    );

    let publisher: EventPublisher;
    if (config.kafka) {
      await ensureTopics(config.kafka, logger);
      publisher = await createKafkaPublisher(config.kafka, logger);
      const lagProbe = createLagProbe(config.kafka, logger);
      closers.unshift(() => lagProbe.close());
      metrics.gaugeOnScrape(
        'wholesail_consumer_lag',
        'Kafka messages the warehouse loader group has not committed.',
        lagProbe.lag,
        ['topic'],
      );
    } else {
      publisher = createInProcessPublisher(loader);
    }
    closers.unshift(() => publisher.close());
    const relay = new OutboxRelay({ db, publisher, logger, pollMs: config.relayPollMs, metrics });
    closers.unshift(() => relay.stop());

    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      dataDir: config.dataDir,
      logger,
    });
    // Rate-limit counters: in memory for one embedded process; in PostgreSQL when several API processes share them.
    let throttle = createLoginThrottle({ kind: 'memory' });
    if (config.databaseUrl) {
      const throttlePool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
      closers.unshift(() => throttlePool.end());
      throttle = createLoginThrottle({ kind: 'postgres', pool: throttlePool });
    }
    const guard = createAccessGuard({ db });
    // Messaging, reviews and notifications: one notifier writes in-app notifications and emails through the mailer;
    // the feed polls for new notifications while streams are open (closing it ends them, so servers can stop).
    const notifier = createNotifier({ mailer, clock, publicUrl: config.publicUrl, logger });
    const notificationFeed = createNotificationFeed({ db, clock, logger });
    closers.unshift(async () => notificationFeed.close());
    // Stripe when STRIPE_SECRET_KEY is set, else the offline test provider; it logs which, loudly.
    const paymentProvider = choosePaymentProvider(config, logger, clock);
    if (paymentProvider instanceof OfflinePaymentProvider)
      closers.unshift(async () => paymentProvider.stop());
    const payments = createPaymentService({ db, clock, logger, provider: paymentProvider });
    const paymentCompletion = createPaymentCompletion({
      db,
      clock,
      payments: paymentProvider,
      logger,
      notifier,
    });
    paymentCompletion.registerWebhookHandlers(payments.webhooks);
    // Plans and add-ons: the provider's subscription webhooks set each manufacturer's plan.
    const billing = createBillingService({ db, clock, logger, provider: paymentProvider });
    billing.registerWebhookHandlers(payments.webhooks);
    const refunds = createRefundService({ db, clock, payments: paymentProvider, logger });
    const storage = await openObjectStorage({ dataDir: config.dataDir, s3: config.storageS3 });

    const readOnlyWarehouse = await openReadOnlyWarehouse(
      { url: config.clickhouseUrl, chdbPath: path.join(config.dataDir, 'clickhouse') },
      SQL_CONSOLE_LIMITS,
    );
    closers.unshift(() => readOnlyWarehouse.close());
    const model = await compileModel();
    return {
      config,
      logger,
      mode: {
        oltp: config.databaseUrl ? 'postgres' : 'pglite',
        stream: config.kafka ? 'kafka' : 'in-process',
        warehouse: config.clickhouseUrl ? 'clickhouse' : 'chdb',
      },
      db,
      warehouse,
      publisher,
      relay,
      mailer,
      storage,
      metrics,
      services: {
        identity: createIdentityService({
          db,
          clock,
          mailer,
          publicUrl: config.publicUrl,
          throttle,
          guard,
          secrets: createSecretBox(resolveAuthSecret(config)),
        }),
        catalog: createCatalogService({ db, clock }),
        productImages: createProductImages({ db, clock, storage }),
        orders: createOrderService({ db, clock }),
        messaging: createMessagingService({ db, clock, notifier }),
        reviews: createReviewService({ db, clock, notifier }),
        notifications: createNotificationService({ db, clock }),
        notificationTickets: createStreamTickets({ db, clock }),
        notificationFeed,
        fulfilment: createFulfilmentService({
          db,
          clock,
          notifier,
          afterChange: (orderId, to) =>
            ['cancelled', 'rejected'].includes(to) ? refunds.refundIfUnfulfilled(orderId) : Promise.resolve(),
        }),
        payments,
        carts: createCartService({ db, clock }),
        checkout: createCheckoutService({
          db,
          clock,
          payments: paymentProvider,
          options: { reservationMinutes: config.checkoutReservationMinutes },
          notifier,
        }),
        paymentCompletion,
        commercialTerms: createCommercialTerms({ db, clock }),
        idempotency: createIdempotencyStore({ db, clock }),
        refunds,
        billing,
        proofOfDelivery: createProofOfDelivery({ db, storage }),
        claims: createClaimService({
          db,
          clock,
          notifier,
          refunds,
          storage,
          windowDays: config.claimWindowDays,
        }),
        companies: createCompaniesService({ db, clock, storage, notifier }),
        invoices: createInvoiceService({ db, clock, mailer, logger }),
        settlements: createSettlementService({ db, clock }),
      },
      gateway: createGateway({ model, warehouse }),
      sqlConsole: createSqlConsole(readOnlyWarehouse),
      async startPipeline() {
        if (config.kafka) {
          const consumer = await startKafkaConsumer(config.kafka, loader, logger);
          closers.unshift(() => consumer.stop());
        }
        relay.start();
      },
      async close() {
        for (const close of closers.splice(0))
          await close().catch((err) => logger.warn({ err }, 'error while closing'));
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}
