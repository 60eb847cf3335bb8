/**
 * What nianjian agrees to read (issue 16: every read is bounded): a regular
 * file, inside the manuscript when it is reached through a link, and not
 * larger than a manuscript file can sensibly be. A FIFO or a device named
 * `*.md` would block or never end; a link out of the folder would print
 * another folder's text; a link loop would never resolve.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Params, RuleId } from '../diagnostics/index.ts';

/** A manuscript text (part file, book.yaml, template) may not be larger: the sample's largest part is about 1.2 MB. */
export const MAX_TEXT_BYTES = 32 * 1024 * 1024;

export type Refusal = [RuleId, Params];

/** Whether `real` (a resolved path) lies outside `realRoot`. */
export function isOutside(realRoot: string, real: string): boolean {
  const rel = relative(realRoot, real);
  return rel === '..' || rel.startsWith(`..${sep}`) || rel.startsWith(sep) || /^[A-Za-z]:/.test(rel);
}

/** Why such a file is not read, as a reason inside another sentence. */
export const notRegularReason = (kind: string): string => `这不是普通文件，而是${kind}`;

/** What a file that is not a regular file is, in an editor's words. */
export function kindOf(info: import('node:fs').Stats): string {
  if (info.isDirectory()) return '目录';
  if (info.isFIFO()) return '命名管道（FIFO）';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '设备文件';
  if (info.isSocket()) return '套接字';
  return '特殊文件';
}

/**
 * Why `path` must not be read, or undefined when it may. File-system errors
 * (a link loop, a missing target) are thrown for the caller to report.
 * `realRoot`: the manuscript folder, resolved; links must stay inside it.
 */
export async function refusalOf(path: string, realRoot: string | undefined, maxBytes = MAX_TEXT_BYTES): Promise<Refusal | undefined> {
  const link = await lstat(path);
  if (link.isSymbolicLink() && realRoot !== undefined) {
    const real = await realpath(path);
    if (isOutside(realRoot, real)) return ['file-outside-manuscript', { target: real }];
  }
  const info = link.isSymbolicLink() ? await stat(path) : link;
  if (!info.isFile()) return ['file-not-regular', { kind: kindOf(info) }];
  if (info.size > maxBytes) return ['file-too-large', { size: (info.size / 1048576).toFixed(1), limit: maxBytes / 1048576 }];
  return undefined;
}

/**
 * The bytes of `path` when it is a regular file, or what it is instead. It
 * is opened without blocking and read only when fstat says it is a file: a
 * FIFO named as an ICC profile blocked a thread of libuv's pool in open(),
 * and the process, told to stop, never exited (exit waits for that thread).
 * File-system errors are thrown for the caller to report.
 */
export async function readRegularFile(path: string): Promise<{ bytes: Buffer } | { notRegular: string }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { notRegular: kindOf(info) };
    return { bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}
