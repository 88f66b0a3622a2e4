/** Time comes from a clock so the demo seeder can place orders in the past through the real services. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
