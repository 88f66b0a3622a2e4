/** Shared start-up for the pipeline command-line tools: config (one-line errors), logger, stores. */
import { loadConfigOrExit } from '../../platform/config.ts';
import { openStores } from '../../platform/container.ts';
import { createLogger } from '../../platform/logger.ts';

export async function openForCli() {
  const config = loadConfigOrExit();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  try {
    return { config, logger, ...(await openStores(config)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      /lock/i.test(message)
        ? `The embedded warehouse in ${config.dataDir} is in use by another process (stop \`npm start\` first): ${message}`
        : `Cannot open the databases: ${message}`,
    );
    process.exit(1);
  }
}
