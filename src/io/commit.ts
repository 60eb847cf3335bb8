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
 * can remove them before it exits.
 */
export class ScratchFiles {
  readonly paths = new Set<string>();

  /** A temporary name beside `path`, hidden from folder listings and from watch. */
  beside(path: string): string {
    const tmp = join(dirname(path), `.${path.slice(dirname(path).length + 1)}.tmp-${process.pid}-${this.paths.size}`);
    this.paths.add(tmp);
    return tmp;
  }

  async remove(tmp: string): Promise<void> {
    await rm(tmp, { force: true }).catch(() => undefined);
    this.paths.delete(tmp);
  }

  async removeAll(): Promise<void> {
    await Promise.all([...this.paths].map((p) => this.remove(p)));
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
    const tmp = scratch.beside(o.path);
    written.push([tmp, o.path]);
    try {
      await writeFile(tmp, o.bytes);
    } catch (error) {
      return abandon(written, scratch, systemFault(error, o.path, '写入'));
    }
  }
  for (const [tmp, path] of written) {
    try {
      await rename(tmp, path);
      scratch.paths.delete(tmp);
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
