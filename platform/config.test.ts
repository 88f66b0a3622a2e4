import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.kafka).toBeUndefined();
    expect(config.clickhouseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('switches to real services when their variables are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/w',
      KAFKA_BROKERS: '127.0.0.1:9092, 10.0.0.2:9093',
      CLICKHOUSE_URL: 'http://127.0.0.1:8123',
    });
    expect(config.databaseUrl).toBe('postgres://u:p@127.0.0.1:5432/w');
    expect(config.kafka?.brokers).toEqual(['127.0.0.1:9092', '10.0.0.2:9093']);
    expect(config.clickhouseUrl).toBe('http://127.0.0.1:8123');
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT must be a number \(got "eighty"\)\.$/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL must start with postgres:\/\//],
    [{ KAFKA_BROKERS: 'localhost' }, /KAFKA_BROKERS must be a comma-separated list of host:port/],
    [{ AUTH_SECRET: 'short' }, /AUTH_SECRET must be at least 32 characters/],
    [{ SMTP_URL: 'mail.example.com' }, /SMTP_URL must be a URL like smtp:\/\//],
    [{ SMTP_URL: 'http://mail.example.com' }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ PUBLIC_URL: 'wholesail.example' }, /PUBLIC_URL must be a URL/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO must be true or false/],
  ])('rejects %j with a one-line reason naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('builds email links from PUBLIC_URL, or from HOST and PORT when it is unset', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://shop.example.com/' }).publicUrl).toBe(
      'https://shop.example.com',
    );
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('sends mail over SMTP only when SMTP_URL is set', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@127.0.0.1:2525' }).smtpUrl).toBe('smtp://u:p@127.0.0.1:2525');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});
