/**
 * The end of a build: every output (PDF, EPUB, report) is first written in
 * full beside its place, and only then are they all renamed into place. A
 * build that fails anywhere before — in layout, sharp, zlib or the disk —
 * has touched none of the last good outputs (issue 16).
 */
import { link, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type SystemFault, systemFault } from './faults.ts';
import { withCommitLock } from './commit-lock.ts';
import { makeFolder } from './folders.ts';

export interface Output {
  path: string;
  bytes: Uint8Array | string;
}

/**
 * Temporary files a build has open, so an interrupted build (Ctrl-C, SIGTERM)
 * can remove them before it exits. Writes go through here so that stopping
 * can wait for those still under way: a write that ends after the folder
 * was cleared would leave its file behind (seen in CI, a screen photo
 * written while SIGTERM arrived). Once stopping has begun, no new
 * temporary file is made and none is renamed into place.
 */
export class ScratchFiles {
  readonly paths = new Set<string>();
  private readonly writing = new Set<Promise<unknown>>();
  private made = 0;
  private stopping = false;

  /** A temporary name beside `path`, hidden from folder listings and from watch. */
  beside(path: string): string {
    if (this.stopping) throw new ScratchClosedError();
    const tmp = this.hidden(path, 'tmp');
    this.paths.add(tmp);
    return tmp;
  }

  /** A hidden name beside `path` that removeAll leaves alone: an old output kept while the new ones go in. */
  hidden(path: string, kind: 'tmp' | 'old'): string {
    return join(dirname(path), `.${path.slice(dirname(path).length + 1)}.${kind}-${process.pid}-${this.made++}`);
  }

  /** Runs the putting in place of outputs so that stopping waits for it: it finishes, or takes back what it put in place. */
  async committing<T>(work: Promise<T>): Promise<T> {
    this.writing.add(work);
    try {
      return await work;
    } finally {
      this.writing.delete(work);
    }
  }

  /** Writes `bytes` under a temporary name beside `path` and returns the name. */
  async write(path: string, bytes: Uint8Array | string): Promise<string> {
    const tmp = this.beside(path);
    const done = writeFile(tmp, bytes);
    this.writing.add(done);
    try {
      await done;
    } catch (error) {
      await this.remove(tmp);
      throw error;
    } finally {
      this.writing.delete(done);
    }
    return tmp;
  }

  /** Puts a written temporary file in its place, unless the build is being stopped. */
  async rename(tmp: string, path: string): Promise<void> {
    if (this.stopping) throw new ScratchClosedError();
    await rename(tmp, path);
    this.paths.delete(tmp);
  }

  async remove(tmp: string): Promise<void> {
    await rm(tmp, { force: true }).catch(() => undefined);
    this.paths.delete(tmp);
  }

  /** Stops new temporary files, waits for the writes under way, and removes every one. */
  async removeAll(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.writing]);
    await Promise.all([...this.paths].map((p) => this.remove(p)));
  }
}

/** A temporary file asked for after the build began to stop. */
export class ScratchClosedError extends Error {
  constructor() {
    super('build stopping');
  }
}

/** The output folder, made if missing; a fault when it cannot be (a file in its place, no permission). */
export async function ensureFolder(dir: string): Promise<SystemFault | undefined> {
  try {
    await makeFolder(dir);
    if (!(await stat(dir)).isDirectory()) return systemFault(Object.assign(new Error(), { code: 'ENOTDIR' }), dir, '建立输出目录');
    return undefined;
  } catch (error) {
    return systemFault(error, dir, '建立输出目录');
  }
}

/**
 * Writes all `outputs`, then puts them in place together: each old file is
 * first moved aside, so that when one cannot be replaced (a folder in its
 * place, an immutable file, a lost permission) the ones put in place before
 * it are taken back and the old ones restored. The last good set is never
 * left half replaced (a PDF of this build beside an EPUB of the last one).
 * On a fault every temporary file is removed and no output is replaced.
 */
export async function commitOutputs(outputs: readonly Output[], scratch = new ScratchFiles()): Promise<SystemFault | undefined> {
  const written: Array<[string, string]> = [];
  for (const o of outputs) {
    const folderFault = await ensureFolder(dirname(o.path));
    if (folderFault) return abandon(written, scratch, folderFault);
    try {
      written.push([await scratch.write(o.path, o.bytes), o.path]);
    } catch (error) {
      return abandon(written, scratch, systemFault(error, o.path, '写入'));
    }
  }
  // One build at a time in a folder (commit-lock.ts): two at once could leave one's PDF beside the other's EPUB.
  const dir = outputs[0] ? dirname(outputs[0].path) : '.';
  return scratch.committing(withCommitLock(dir, () => putInPlace(written, scratch)));
}

async function putInPlace(written: Array<[string, string]>, scratch: ScratchFiles): Promise<SystemFault | undefined> {
  const placed: Placed[] = [];
  for (const [tmp, path] of written) {
    try {
      placed.push(await replace(scratch, tmp, path));
    } catch (error) {
      await restore(placed);
      return abandon(written, scratch, systemFault(error, path, '替换'));
    }
  }
  await Promise.all(placed.map((p) => (p.old ? rm(p.old, { force: true }).catch(() => undefined) : undefined)));
  return undefined;
}

/** An output put in place, with where its old file was moved (none when there was none). */
interface Placed {
  path: string;
  old?: string;
}

/**
 * Keeps the file at `path` under a hidden name (a hard link: the output is
 * never missing meanwhile; a move where the disk has no links) and puts
 * `tmp` in its place. A folder there is a fault, never moved.
 */
async function replace(scratch: ScratchFiles, tmp: string, path: string): Promise<Placed> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  const old = existing ? scratch.hidden(path, 'old') : undefined;
  if (old) await link(path, old).catch(() => rename(path, old));
  try {
    await scratch.rename(tmp, path);
  } catch (error) {
    if (old) await rename(old, path).catch(() => undefined);
    throw error;
  }
  return old ? { path, old } : { path };
}

/** Takes back the outputs already put in place, last first: each old file returns (or the new one goes, where there was none). */
async function restore(placed: readonly Placed[]): Promise<void> {
  for (const p of [...placed].reverse()) {
    if (p.old) await rename(p.old, p.path).catch(() => undefined);
    else await rm(p.path, { force: true }).catch(() => undefined);
  }
}

async function abandon(written: Array<[string, string]>, scratch: ScratchFiles, fault: SystemFault): Promise<SystemFault> {
  await Promise.all(written.map(([tmp]) => scratch.remove(tmp)));
  return fault;
}
