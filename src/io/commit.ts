/**
 * The end of a build: every output (PDF, EPUB, report) is first written in
 * full beside its place, and only then are they all renamed into place. A
 * build that fails anywhere before — in layout, sharp, zlib or the disk —
 * has touched none of the last good outputs (issue 16).
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type SystemFault, systemFault } from './faults.ts';

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
    const tmp = join(dirname(path), `.${path.slice(dirname(path).length + 1)}.tmp-${process.pid}-${this.made++}`);
    this.paths.add(tmp);
    return tmp;
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
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) return systemFault(Object.assign(new Error(), { code: 'ENOTDIR' }), dir, '建立输出目录');
    return undefined;
  } catch (error) {
    return systemFault(error, dir, '建立输出目录');
  }
}

/**
 * Writes all `outputs`, then renames them into place together. On a fault
 * every temporary file is removed and no output is replaced.
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
  for (const [tmp, path] of written) {
    try {
      await scratch.rename(tmp, path);
    } catch (error) {
      return abandon(written, scratch, systemFault(error, path, '替换'));
    }
  }
  return undefined;
}

async function abandon(written: Array<[string, string]>, scratch: ScratchFiles, fault: SystemFault): Promise<SystemFault> {
  await Promise.all(written.map(([tmp]) => scratch.remove(tmp)));
  return fault;
}
