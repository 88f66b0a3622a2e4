/**
 * How the offline test provider hands its webhooks to our receiver: after the caller's current work (as Stripe
 * sends them after the API call answered), signed at each attempt, and retried a few times when the receiver
 * fails (as Stripe retries), so the inbox's "failed, then applied on the retry" path runs offline too.
 */
import type { Logger } from '../../platform/logger.ts';

export type WebhookReceiver = (rawBody: string, signatureHeader: string) => Promise<unknown>;

export class OfflineWebhookDelivery {
  private readonly pending = new Set<Promise<void>>();
  private receiver?: WebhookReceiver;
  private stopped = false;

  constructor(
    private readonly options: {
      sign: (payload: string) => string;
      logger: Logger;
      /** Waits before each retry; after the last one the delivery gives up (logged). */
      retryDelaysMs: number[];
    },
  ) {}

  connect(receiver: WebhookReceiver): void {
    this.receiver = receiver;
  }

  /** Delivers `payload` in the background; without a connected receiver it goes nowhere. */
  send(payload: string): void {
    const receiver = this.receiver;
    if (!receiver || this.stopped) return;
    const delivery = this.attempt(receiver, payload).finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  stop(): void {
    this.stopped = true;
  }

  private async attempt(receiver: WebhookReceiver, payload: string): Promise<void> {
    const { retryDelaysMs, logger, sign } = this.options;
    for (let attempt = 0; ; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? 0 : retryDelaysMs[attempt - 1]));
      if (this.stopped) return;
      try {
        await receiver(payload, sign(payload));
        return;
      } catch (error) {
        const last = attempt >= retryDelaysMs.length;
        logger.warn(
          { err: error, attempt: attempt + 1 },
          `offline test provider: webhook delivery failed${last ? '; giving up' : '; retrying'}`,
        );
        if (last) return;
      }
    }
  }
}
