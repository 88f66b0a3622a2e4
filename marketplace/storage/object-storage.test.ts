/** The local object store: what goes in comes out with its content type, and no key reaches outside its folder. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { createLocalObjectStorage, openObjectStorage } from './object-storage.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'objects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local object store', () => {
  const store = createLocalObjectStorage(path.join(dir, 'store'));

  it('gives back the same bytes and content type, and nothing once deleted', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    await store.put('claims/abc/evidence-1', bytes, 'image/png');
    const got = await store.get('claims/abc/evidence-1');
    expect(got?.contentType).toBe('image/png');
    expect(Buffer.compare(got!.bytes, bytes)).toBe(0);
    await store.delete('claims/abc/evidence-1');
    expect(await store.get('claims/abc/evidence-1')).toBeUndefined();
    await store.delete('claims/abc/evidence-1');
  });

  it('answers nothing for a key never stored', async () => {
    expect(await store.get('claims/none/here')).toBeUndefined();
  });

  it('replaces an object written twice, leaving no temporary files behind', async () => {
    await store.put('k/one', Buffer.from('first'), 'image/jpeg');
    await store.put('k/one', Buffer.from('second'), 'image/webp');
    const got = await store.get('k/one');
    expect(got).toMatchObject({ contentType: 'image/webp' });
    expect(got!.bytes.toString()).toBe('second');
    expect(readdirSync(path.join(dir, 'store', 'k')).sort()).toEqual(['one', 'one.meta.json']);
  });

  it.each([
    '../escape',
    'a/../../escape',
    '/etc/passwd',
    'a//b',
    '',
    '.',
    'a/./b',
    'UPPER/case',
    'a\\b',
    'a/b.meta.json',
    'x'.repeat(600),
  ])('refuses the key %j', async (key) => {
    await expect(store.put(key, Buffer.from('x'), 'image/png')).rejects.toThrow(/storage key|escapes/);
    await expect(store.get(key)).rejects.toThrow(/storage key|escapes/);
    await expect(store.delete(key)).rejects.toThrow(/storage key|escapes/);
  });

  it('never wrote outside its folder', () => {
    expect(existsSync(path.join(dir, 'escape'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['store']);
  });

  it('is the default: <dataDir>/objects when no bucket is configured', async () => {
    const chosen = await openObjectStorage({ dataDir: path.join(dir, 'data') });
    expect(chosen.kind).toBe('local');
    await chosen.put('a/b', Buffer.from('hi'), 'text/plain');
    expect(existsSync(path.join(dir, 'data', 'objects', 'a', 'b'))).toBe(true);
  });
});

describe('storage settings', () => {
  it('use the local folder unless a bucket is named, and the S3 settings travel together', () => {
    expect(loadConfig({}).storageS3).toBeUndefined();
    expect(
      loadConfig({
        STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9000',
        STORAGE_S3_BUCKET: 'wholesail-evidence',
        STORAGE_S3_ACCESS_KEY: 'minio',
        STORAGE_S3_SECRET_KEY: 'minio-secret',
      }).storageS3,
    ).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'wholesail-evidence',
      region: 'us-east-1',
      accessKey: 'minio',
      secretKey: 'minio-secret',
    });
    expect(() => loadConfig({ STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(
      /STORAGE_S3_BUCKET is required/,
    );
    expect(() => loadConfig({ STORAGE_S3_BUCKET: 'b-1', STORAGE_S3_ACCESS_KEY: 'k' })).toThrow(/go together/);
    expect(() => loadConfig({ STORAGE_S3_BUCKET: 'Not A Bucket' })).toThrow(
      /STORAGE_S3_BUCKET must be an S3 bucket name/,
    );
    expect(() =>
      loadConfig({ STORAGE_S3_BUCKET: 'b-1', STORAGE_S3_SECRET_KEY: 'x', STORAGE_S3_ACCESS_KEY: '' }),
    ).toThrow(/go together/);
  });

  it('give the claim window in days, 14 by default', () => {
    expect(loadConfig({}).claimWindowDays).toBe(14);
    expect(loadConfig({ CLAIM_WINDOW_DAYS: '30' }).claimWindowDays).toBe(30);
    expect(() => loadConfig({ CLAIM_WINDOW_DAYS: '0' })).toThrow(/CLAIM_WINDOW_DAYS/);
  });
});
