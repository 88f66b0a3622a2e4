/**
 * Scheduled jobs, run in-process by croner: inside `npm start` in embedded mode, inside the worker
 * (`npm run worker`) when RUN_PIPELINE=false hands background work to it. Every job is safe to run twice at
 * once (row locks and state checks), so two workers overlapping costs nothing but time; `protect` keeps one
 * process from starting a run while its previous one is still going.
 */
import { Cron } from 'croner';
import type { Platform } from '../platform/container.ts';
import { systemClock } from '../platform/clock.ts';
import { autoCompleteOrders } from './auto-complete-orders.ts';

export function startScheduledJobs(platform: Pick<Platform, 'db' | 'config' | 'logger' | 'services'>): {
  stop(): void;
} {
  const { db, config, logger, services } = platform;
  const schedule = (name: string, pattern: string, run: () => Promise<void>) =>
    new Cron(
      pattern,
      {
        name,
        timezone: 'UTC',
        protect: true,
        catch: (error: unknown) => logger.error({ err: error, job: name }, 'scheduled job failed'),
      },
      run,
    );

  const jobs = [
    // Hourly, off the top of the hour: completion is measured in days, so an hour late is no harm.
    schedule('auto-complete-orders', '7 * * * *', async () => {
      const completed = await autoCompleteOrders({
        db,
        clock: systemClock,
        afterDays: config.orderAutoCompleteDays,
        logger,
      });
      if (completed > 0) logger.info({ completed }, 'auto-completed delivered orders');
    }),
    // Every minute: an unpaid card checkout holds stock others could buy, so its expiry should be prompt.
    schedule('expire-checkouts', '* * * * *', async () => {
      const expired = await services.paymentCompletion.expireDue();
      if (expired > 0) logger.info({ expired }, 'expired unpaid checkouts and released their stock');
    }),
    // Catch-up sweeps for work that follows a commit (a crash in between must not lose it).
    schedule('send-payouts', '*/5 * * * *', async () => {
      const { sent, waiting } = await services.paymentCompletion.sendPendingPayouts();
      if (sent + waiting > 0) logger.info({ sent, waiting }, 'manufacturer payouts');
    }),
    // Daily at 03:17 UTC: tenure and the year's order window move by a day at a time. KYB decisions rescore the
    // company they touch at once, so the badge never waits for this.
    schedule('trust-scores', '17 3 * * *', async () => {
      const { scored, changed } = await services.companies.rescoreAllAsSystem();
      logger.info({ scored, changed }, 'trust scores recomputed');
    }),
    schedule('refund-unfulfilled-orders', '*/5 * * * *', async () => {
      const refunded = await services.refunds.refundUnfulfilled();
      if (refunded > 0) logger.info({ refunded }, 'refunded paid orders that ended before shipping');
    }),
  ];
  return {
    stop: () => {
      for (const job of jobs) job.stop();
    },
  };
}
