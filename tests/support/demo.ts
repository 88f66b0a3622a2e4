/** The demo marketplace in a test platform, fully loaded into the warehouse on either mode. */
import { seedDemo, TEST_DEMO } from '../../scripts/seed/seed-demo.ts';
import { refreshNow } from '../../warehouse/build.ts';
import { eventually, type TestPlatform } from './test-platform.ts';

export async function seedDemoAndLoad(tp: TestPlatform): Promise<void> {
  await seedDemo(tp.platform, TEST_DEMO);
  await tp.platform.relay.drain();
  // On Kafka the relay's acknowledgement means "in Kafka", not "in the warehouse": wait for the consumer.
  const outbox = Number(
    (
      await tp.platform.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await eventually(
    async () => {
      const result = await tp.platform.warehouse.query({
        query: 'SELECT count() AS n FROM wholesail.events_raw FINAL',
        format: 'JSONEachRow',
      });
      return Number((await result.json<{ n: string }>())[0]!.n);
    },
    (loaded) => loaded >= outbox,
    60_000,
  );
  await refreshNow(tp.platform.warehouse);
}
