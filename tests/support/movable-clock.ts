/**
 * A clock a test can move forward, so rules about time windows (a refresh token's reuse grace, expiries) are tested
 * without sleeping. It keeps ticking with the system clock, so everything else the platform times still behaves.
 */
import type { Clock } from '../../platform/clock.ts';

export interface MovableClock extends Clock {
  /** Moves this clock `ms` milliseconds ahead of the system clock (cumulative). */
  advance(ms: number): void;
  /** Back to the system clock's time. */
  reset(): void;
}

export function movableClock(): MovableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms) {
      offsetMs += ms;
    },
    reset() {
      offsetMs = 0;
    },
  };
}
