/**
 * `npm start`: reads the config, wires the platform, seeds the demo marketplace on an empty database,
 * starts the event pipeline and serves HTTP. Bad configuration stops here with a one-line reason.
 */
import type { Server } from 'node:http';
import { createApp } from '../api/app.ts';
import { createTokenIssuer } from '../api/auth/tokens.ts';
import { demoLogins } from '../scripts/seed/demo-data.ts';
import { isEmpty, seedDemo } from '../scripts/seed/seed-demo.ts';
import { loadConfigOrExit } from './config.ts';
import { createPlatform } from './container.ts';
import { createLogger } from './logger.ts';
import { startScheduledJobs } from '../jobs/scheduler.ts';
import { resolveAuthSecret } from './secrets.ts';

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const platform = await createPlatform(config, logger);
  logger.info({ mode: platform.mode, dataDir: config.dataDir }, 'platform ready');

  if (config.seedDemo && (await isEmpty(platform))) {
    const started = Date.now();
    const { orders } = await seedDemo(platform, { progress: true });
    process.stdout.write('Loading events into the warehouse... ');
    const events = await platform.relay.drain();
    console.log(`${events} events.`);
    logger.info({ orders, events, seconds: (Date.now() - started) / 1000 }, 'demo marketplace seeded');
  }
  if (config.runPipeline) await platform.startPipeline();
  else logger.info('RUN_PIPELINE=false: a separate worker (npm run worker) publishes and loads events');
  // Background work goes where the pipeline goes: here in one-process mode, else in the worker.
  const jobs = config.runPipeline ? startScheduledJobs(platform) : undefined;

  const publicUrl = config.publicUrl;
  const app = createApp(platform, {
    tokens: createTokenIssuer(resolveAuthSecret(config)),
    demoLogins: demoLogins(),
    publicUrl,
  });
  const server: Server = app.listen(config.port, config.host);
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use: set PORT to a free port.`
        : `Cannot listen: ${error.message}`,
    );
    process.exit(2);
  });
  server.on('listening', () => {
    const address = server.address();
    const url = typeof address === 'object' && address ? `http://${config.host}:${address.port}` : publicUrl;
    console.log(`\nWholesail is running at ${url}  (API docs: ${url}/api/docs)`);
    console.log(`Demo logins (password: wholesail-demo):`);
    for (const login of demoLogins()) console.log(`  ${login.email.padEnd(28)} ${login.role}`);
    console.log(`Emails (verification, password reset, invitations) go to ${platform.mailer.destination}`);
  });

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    jobs?.stop();
    server.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(`Wholesail failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
