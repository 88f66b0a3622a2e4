/**
 * `npm run worker`: the pipeline as its own process (distributed mode): the outbox relay and, on Kafka, the
 * warehouse consumer, plus the scheduled jobs (jobs/scheduler.ts), with /metrics and /health on WORKER_PORT.
 * Run the API with RUN_PIPELINE=false beside it.
 * Killing it at any moment loses nothing: unsent outbox rows are re-read, uncommitted Kafka offsets redelivered.
 */
import express from 'express';
import { metricsHandler } from '../api/routes/ops-routes.ts';
import { loadConfigOrExit } from './config.ts';
import { createPlatform } from './container.ts';
import { createLogger } from './logger.ts';
import { startScheduledJobs } from '../jobs/scheduler.ts';

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const platform = await createPlatform(config, logger);
  await platform.startPipeline();
  const jobs = startScheduledJobs(platform);

  const app = express();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', mode: platform.mode });
  });
  app.get('/metrics', metricsHandler(platform.metrics));
  const server = app.listen(config.workerPort, config.host, () => {
    logger.info({ mode: platform.mode, port: config.workerPort }, 'pipeline worker running');
  });
  server.on('error', (error) => {
    console.error(`Worker cannot listen on ${config.host}:${config.workerPort}: ${error.message}`);
    process.exit(2);
  });
  const shutdown = async () => {
    jobs.stop();
    server.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error) => {
  console.error(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
