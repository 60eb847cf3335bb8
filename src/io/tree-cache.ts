/**
 * Markdown trees kept between builds under `<out>/.cache/trees-<bundle>`.
 * Parsing (micromark) is most of checking a manuscript: 0.4 s of the
 * sample's 0.55 s, where its 25 trees read back from JSON take 20 ms. One
 * entry per manuscript file (named by its path, so a long watch session
 * does not pile up old texts), holding the SHA-1 of the text and syntax it
 * was parsed from, then the tree; sealed as every cache entry is
 * (disk-cache.ts), so a damaged one is parsed again, never used.
 * A tree is only as good as the parser that made it: the folder is named by
 * the running bundle's time and size (as the V8 code cache is), the folders
 * of other bundles are removed when it is made, and run from the sources
 * (tsx, the tests), where an edit of the parser would change no name,
 * nothing is kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { TreeStore } from '../parse/index.ts';
import { sealEntry, unsealEntry } from './disk-cache.ts';
import { makeFolderSync } from './folders.ts';

const HEX = 40;
const sha1 = (...parts: string[]) => {
  const hash = createHash('sha1');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex');
};

/** The running bundle's name for its trees, or undefined when nianjian runs from its sources. */
function bundleName(): string | undefined {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith('.ts')) return undefined;
  try {
    const { mtimeMs, size } = statSync(self);
    return `trees-${Math.round(mtimeMs)}-${size}`;
  } catch {
    return undefined;
  }
}

/** Removes the trees of other bundles when this bundle's folder is first made. */
function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  for (const old of existsSync(parent) ? readdirSync(parent) : []) if (old.startsWith('trees-')) rmSync(join(parent, old), { recursive: true, force: true });
  makeFolderSync(dir);
}

/** The trees kept for a build writing to `outDir` (`name`: the bundle's, given by a test); undefined when run from the sources. A failure to keep one is not a failure of the build. */
export function treeCache(outDir: string, name = bundleName()): TreeStore | undefined {
  if (!name) return undefined;
  const dir = join(outDir, '.cache', name);
  const entryOf = (path: string) => join(dir, sha1(path));
  return {
    get: (path, text, syntax) => {
      try {
        const sealed = unsealEntry(readFileSync(entryOf(path)));
        const body = sealed && Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
        if (!body || body.toString('latin1', 0, HEX) !== sha1(text, syntax)) return undefined;
        return JSON.parse(body.toString('utf8', HEX)) as Root;
      } catch {
        return undefined;
      }
    },
    set: (path, text, syntax, tree) => {
      const entry = entryOf(path);
      const temp = `${entry}.${process.pid}`;
      try {
        makeFolder(dir);
        writeFileSync(temp, sealEntry(Buffer.from(sha1(text, syntax) + JSON.stringify(tree))));
        renameSync(temp, entry);
      } catch {
        // The cleanup fails as the write did where --out is a file (ENOTDIR: force ignores only ENOENT): that threw, exit 70.
        try {
          rmSync(temp, { force: true });
        } catch {
          // nothing was written
        }
      }
    },
  };
}
