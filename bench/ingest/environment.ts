/** The machine, the real services, and the scratch resources the benchmark creates and removes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

const SERVICES = new URL('../../scripts/services/services.sh', import.meta.url).pathname;

export function machine(): string {
  const cpus = os.cpus();
  return [
    `CPU: ${cpus[0]?.model ?? 'unknown'} x ${cpus.length} (os.availableParallelism ${os.availableParallelism()})`,
    `RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()}; Node ${process.version}`,
  ].join('\n');
}

/** Busy fraction of all CPUs between two snapshots of os.cpus(). */
export function cpuSnapshot() {
  return os.cpus().map((c) => c.times);
}
export function machineBusy(a: ReturnType<typeof cpuSnapshot>, b: ReturnType<typeof cpuSnapshot>): number {
  let busy = 0;
  let total = 0;
  b.forEach((t, i) => {
    const s = a[i]!;
    const idle = t.idle - s.idle;
    const all = t.user + t.nice + t.sys + t.irq + t.idle - (s.user + s.nice + s.sys + s.irq + s.idle);
    busy += all - idle;
    total += all;
  });
  return total > 0 ? busy / total : NaN;
}

function services(...args: string[]): string {
  return execFileSync('bash', [SERVICES, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** DATABASE_URL and KAFKA_BROKERS from the environment, else from `services.sh start` (idempotent). */
export function serviceEnv(): { databaseUrl: string; brokers: string[] } {
  let { DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers } = process.env;
  if (!databaseUrl || !brokers) {
    const env = Object.fromEntries(
      services('start')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    databaseUrl ??= env.DATABASE_URL;
    brokers ??= env.KAFKA_BROKERS;
  }
  if (!databaseUrl || !brokers)
    throw new Error('no DATABASE_URL / KAFKA_BROKERS: run `npm run services start`');
  return { databaseUrl, brokers: brokers.split(',').map((b) => b.trim()) };
}

export function createScratchDatabase(name: string): string {
  const url = services('createdb', name)
    .split('\n')
    .find((l) => l.startsWith('postgres://'));
  if (!url) throw new Error(`services.sh createdb ${name} printed no URL`);
  return url.trim();
}

export function dropScratchDatabase(name: string): void {
  services('dropdb', name);
}

export function scratchFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wholesail-bench-ingest-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deletes every topic and consumer group this run created (all named with its unique prefix). */
export async function deleteKafkaResources(brokers: string[], topicPrefix: string, groupPrefix: string) {
  const admin = new Kafka({ clientId: 'bench-ingest-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(groupPrefix));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    return { topics: topics.length, groups: groups.length };
  } finally {
    await admin.disconnect();
  }
}
