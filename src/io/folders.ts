/**
 * mkdir -p that always ends. Node's own `mkdir(dir, { recursive: true })`
 * spins for ever (100% CPU, no error) where the system answers ENOENT for a
 * folder whose parent exists: under /proc, and on mounts that refuse new
 * folders that way (`build --out /proc/x` never returned). Here each
 * missing parent is made once, and a second ENOENT is the fault it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** A file where the folder should be: mkdir -p's own answer. */
const notAFolder = (dir: string) => Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: dir });

/** Makes `dir` and its missing parents; nothing when it is a folder already. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') {
      if (!(await stat(dir)).isDirectory()) throw notAFolder(dir);
      return;
    }
    const parent = dirname(dir);
    if (codeOf(error) !== 'ENOENT' || parent === dir) throw error;
    await makeFolder(parent);
    // Once more, and only once: ENOENT again under a parent that now exists is the system's refusal.
    await mkdir(dir).catch(async (again: unknown) => {
      if (codeOf(again) !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw again;
    });
  }
}

/** makeFolder for the synchronous caches (font subsets, parsed trees). */
export function makeFolderSync(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') {
      if (!statSync(dir).isDirectory()) throw notAFolder(dir);
      return;
    }
    const parent = dirname(dir);
    if (codeOf(error) !== 'ENOENT' || parent === dir) throw error;
    makeFolderSync(parent);
    try {
      mkdirSync(dir);
    } catch (again) {
      if (codeOf(again) !== 'EEXIST' || !statSync(dir).isDirectory()) throw again;
    }
  }
}
