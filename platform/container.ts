/**
 * The composition root: the only place that knows which mode we run in. It opens the OLTP database, the
 * warehouse and the event transport named by the config, applies migrations, and hands the same services
 * to the API, the seeder and the tests. Domain code receives a database, a publisher and a warehouse client;
 * it never asks where they come from.
 */
import path from 'node:path';
import { ensureTopics, createKafkaPublisher, startKafkaConsumer } from '../ingest/kafka.ts';
import { createWarehouseLoader } from '../ingest/loader.ts';
import { createInProcessPublisher, type EventPublisher } from '../ingest/publisher.ts';
import { OutboxRelay } from '../ingest/relay.ts';
import { createCatalogService } from '../marketplace/catalog/catalog-service.ts';
import { openPglite, openPostgres, type Db } from '../marketplace/db/database.ts';
import { migrateOltp } from '../marketplace/db/migrate.ts';
import { createIdentityService } from '../marketplace/identity/identity-service.ts';
import { createOrderService } from '../marketplace/orders/order-service.ts';
import { compileModel } from '../semantic-layer/compiler.ts';
import { createGateway } from '../semantic-layer/gateway.ts';
import { openWarehouse, type Warehouse } from '../warehouse/client.ts';
import { migrateWarehouse } from '../warehouse/migrate.ts';
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
  services: {
    identity: ReturnType<typeof createIdentityService>;
    catalog: ReturnType<typeof createCatalogService>;
    orders: ReturnType<typeof createOrderService>;
  };
  gateway: ReturnType<typeof createGateway>;
  /** Starts the relay (and, on Kafka, the warehouse consumer). */
  startPipeline(): Promise<void>;
  close(): Promise<void>;
}

export async function createPlatform(
  config: Config,
  logger: Logger,
  options: { clock?: Clock } = {},
): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const db = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : await openPglite(path.join(config.dataDir, 'pg'));
  const warehouse = openWarehouse({
    url: config.clickhouseUrl,
    chdbPath: path.join(config.dataDir, 'clickhouse'),
  });
  const closers: Array<() => Promise<unknown>> = [() => warehouse.close(), () => db.destroy()];
  try {
    await migrateOltp(db);
    await migrateWarehouse(warehouse);
    const loader = createWarehouseLoader({ warehouse, logger });

    let publisher: EventPublisher;
    if (config.kafka) {
      await ensureTopics(config.kafka, logger);
      publisher = await createKafkaPublisher(config.kafka, logger);
    } else {
      publisher = createInProcessPublisher(loader);
    }
    closers.unshift(() => publisher.close());
    const relay = new OutboxRelay({ db, publisher, logger, pollMs: config.relayPollMs });
    closers.unshift(() => relay.stop());

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
      services: {
        identity: createIdentityService({ db, clock }),
        catalog: createCatalogService({ db, clock }),
        orders: createOrderService({ db, clock }),
      },
      gateway: createGateway({ model, warehouse }),
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
