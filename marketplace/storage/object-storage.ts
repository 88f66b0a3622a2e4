/**
 * The object-storage port: bytes under a key, with their content type. Claims keep photo evidence here; any
 * later upload (KYB documents, proofs of delivery) can too. Two implementations stand behind it: a local folder
 * (the default, `<DATA_DIR>/objects`, nothing to install) and an S3-compatible bucket when STORAGE_S3_BUCKET is
 * set (./s3-object-storage.ts). Keys are made by the application (`claims/<claimId>/<evidenceId>`), never from
 * a user's file name, and the local store refuses anything that could step outside its folder even so.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** undefined when nothing is stored under `key`. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

export interface S3Settings {
  /** An S3-compatible endpoint (MinIO, R2, Ceph); unset means AWS S3 itself. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Both or neither: without them the SDK's default credential chain applies (instance roles, env). */
  accessKey?: string;
  secretKey?: string;
}

/** Lower-case segments of letters, digits, `-`, `_` and `.` (never `.` or `..` alone), joined by `/`. */
const SEGMENT = /^[a-z0-9][a-z0-9._-]{0,127}$/;

export class InvalidStorageKeyError extends Error {
  override name = 'InvalidStorageKeyError';
}

export function assertValidKey(key: string): void {
  const segments = key.split('/');
  const ok =
    key.length <= 512 &&
    segments.length > 0 &&
    segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..' && !s.endsWith('.meta.json'));
  if (!ok) throw new InvalidStorageKeyError(`not a storage key: ${JSON.stringify(key.slice(0, 80))}`);
}

const metaSchema = z.object({ contentType: z.string().min(1) });

/**
 * Files under `root`, each with a small `<key>.meta.json` beside it holding its content type. Writes go to a
 * temporary name first and are renamed into place, so a reader never sees half an object.
 */
export function createLocalObjectStorage(root: string): ObjectStorage {
  const base = path.resolve(root);

  function fileFor(key: string): string {
    assertValidKey(key);
    const file = path.resolve(base, ...key.split('/'));
    // Belt and braces: the key rules already forbid it, but nothing may resolve outside the folder.
    if (!file.startsWith(base + path.sep)) throw new InvalidStorageKeyError(`key escapes the store: ${key}`);
    return file;
  }

  async function writeAtomically(file: string, data: Uint8Array | string) {
    const temporary = `${file}.${randomUUID()}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, file);
  }

  return {
    kind: 'local',
    async put(key, bytes, contentType) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      // The bytes first: a content type without its object would answer an empty image.
      await writeAtomically(file, bytes);
      await writeAtomically(`${file}.meta.json`, JSON.stringify({ contentType }));
    },
    async get(key) {
      const file = fileFor(key);
      try {
        const [bytes, meta] = await Promise.all([readFile(file), readFile(`${file}.meta.json`, 'utf8')]);
        return { bytes, contentType: metaSchema.parse(JSON.parse(meta)).contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      const file = fileFor(key);
      await rm(`${file}.meta.json`, { force: true });
      await rm(file, { force: true });
    },
  };
}

/** The store the config names: S3 when a bucket is configured, else the local folder under the data folder. */
export async function openObjectStorage(settings: {
  dataDir: string;
  s3?: S3Settings;
}): Promise<ObjectStorage> {
  if (settings.s3) {
    // Loaded only when configured: the SDK is large, and the embedded default never needs it.
    const { createS3ObjectStorage } = await import('./s3-object-storage.ts');
    return createS3ObjectStorage(settings.s3);
  }
  return createLocalObjectStorage(path.join(settings.dataDir, 'objects'));
}
