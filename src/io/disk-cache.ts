/**
 * Derived files kept between builds under `<out>/.cache` (screen photos,
 * the generated cover, checked images). A cache must never poison a build
 * (issue 16): each entry is written through a temporary file and renamed,
 * and carries the SHA-256 of its content at its end; an entry that is
 * empty, short or does not match its hash is discarded and made again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ScratchFiles } from './commit.ts';
import { makeFolder } from './folders.ts';

const HASH_BYTES = 32;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** A store of derived bytes by key; a failure to store is not a failure of the build. */
export interface ByteCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

/** The bytes of a checked entry, or undefined when it is missing or damaged. */
export function unsealEntry(data: Uint8Array): Uint8Array | undefined {
  if (data.length <= HASH_BYTES) return undefined;
  const body = data.subarray(0, data.length - HASH_BYTES);
  return sha256(body).equals(data.subarray(data.length - HASH_BYTES)) ? body : undefined;
}

export const sealEntry = (bytes: Uint8Array): Uint8Array => Buffer.concat([bytes, sha256(bytes)]);

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Keys are made by nianjian (kind and hex hash); anything else is refused rather than used as a path. */
const SAFE_KEY = /^[a-z0-9-]{1,200}$/;

export function diskCache(outDir: string, kind: string, scratch = new ScratchFiles()): ByteCache {
  const dir = join(outDir, '.cache', kind);
  return {
    get: async (key) => {
      if (!SAFE_KEY.test(key)) return undefined;
      // Read at once, not through the thread pool: entries are small (a verdict, a screen-size image), and
      // each of the 380 the sample reads took its open, fstat, read and close as four promises on this thread.
      const data = readOrUndefined(join(dir, key));
      const body = data && unsealEntry(data);
      if (data && !body) await rm(join(dir, key), { force: true }).catch(() => undefined);
      return body ? new Uint8Array(body) : undefined;
    },
    set: async (key, bytes) => {
      if (!SAFE_KEY.test(key) || bytes.length === 0) return;
      const path = join(dir, key);
      let tmp: string | undefined;
      try {
        await makeFolder(dir);
        tmp = await scratch.write(path, sealEntry(bytes));
        await scratch.rename(tmp, path);
      } catch {
        // A full disk, a read-only folder or a build being stopped: the entry is made again next time.
        if (tmp) await scratch.remove(tmp);
      }
    },
  };
}
