/**
 * Finds every image in the manuscript folder and checks it once, so the
 * parser can look paths up without touching the disk. Checks are cheap:
 * the header (image-size, which reads the size where each format keeps it)
 * and the end marker of JPEG and PNG files, which catches truncated files
 * without reading or decoding them whole. (sharp's metadata did the same for the sample's 190
 * photos with a libvips decoder started for each, and loading sharp alone
 * took 27 ms of every start; it is now loaded only to make images.) A TIFF
 * keeps its size in a directory that ImageMagick writes at the end of the
 * file: that directory is read where it lies (image-size's own
 * imageSizeFromFile reads only the first 512 KB too, and said such TIFFs were broken).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import type { AssetLookup, AssetStatus } from '../parse/index.ts';
import { SessionCache } from '../units/index.ts';
import { faultReason } from './faults.ts';
import { imageEnd } from './image-end.ts';
import { MAX_IMAGE_PIXELS, type PrintableImage } from './printable-images.ts';
import { isOutside, kindOf } from './safe-read.ts';

/** Every kind of image an editor may drop in; those that cannot be printed are said so at their figure. */
const IMAGE_EXT = /\.(jpe?g|png|tiff?|webp|gif|heic|heif|avif|svg|bmp)$/i;
/** Larger than any camera: a PNG that declares more pixels is treated as broken. */
const MAX_PIXELS = MAX_IMAGE_PIXELS;

/**
 * Larger than any photo a book prints (a 200-megapixel TIFF is 600 MB
 * uncompressed): a file over it is not read whole, as a JPEG without its
 * end marker at the end is (isTruncated) and every printed photo is (printable-images.ts).
 */
const MAX_PHOTO_BYTES = 1024 * 1024 * 1024;

/** image-size's names, as the rest of nianjian (and sharp) call the formats. */
const FORMAT_NAMES: Record<string, string> = { jpg: 'jpeg', tif: 'tiff' };

/**
 * Where every format keeps the image's size, and as much as image-size reads
 * of a file itself: a book's photos are megabytes each, and all are probed at once.
 */
const HEAD_BYTES = 512 * 1024;
/**
 * Read first: a JPEG's size (its SOF marker) follows its EXIF block, which a
 * camera keeps under 64 KB with the thumbnail; a PNG's and a WebP's lie in
 * the first bytes. Only a file whose size is not found there is read again
 * as far as HEAD_BYTES: the same verdict for an eighth of the reading.
 */
const FIRST_BYTES = 64 * 1024;

/** As much of a TIFF's image directory as image-size reads (its entries of 12 or 20 bytes; photos have a few dozen). */
const TIFF_IFD_BYTES = 64 * 1024;

/**
 * Where a TIFF's first image directory starts, when the file is a TIFF whose
 * directory lies past `head`: ImageMagick and libtiff write it after the
 * pixels, at the end of a file of many megabytes.
 */
function tiffDirectoryPast(head: Buffer): number | undefined {
  if (head.length < 16) return undefined;
  const order = head.toString('latin1', 0, 2);
  const le = order === 'II';
  if (!le && order !== 'MM') return undefined;
  const version = le ? head.readUInt16LE(2) : head.readUInt16BE(2);
  const offset = version === 42 ? (le ? head.readUInt32LE(4) : head.readUInt32BE(4))
    : version === 43 ? Number(le ? head.readBigUInt64LE(8) : head.readBigUInt64BE(8)) : undefined;
  return offset !== undefined && offset + 2 > head.length ? offset : undefined;
}

/**
 * The start of the file (its header, up to `headBytes`). For a TIFF with its
 * directory at the end, the head is followed by that directory read where
 * it lies, the bytes between left as zeros that image-size never reads: what
 * image-size sees is the file as far as it needs, without reading the pixels.
 * Read synchronously: the reads are small and the build waits for them all
 * (as promises, each of a sample's 189 photos cost four round trips through
 * the event loop, 40 ms of the main thread in a build's profile).
 */
function headOf(fd: number, size: number, headBytes: number): Buffer {
  let head = Buffer.alloc(Math.min(size, headBytes));
  readSync(fd, head, 0, head.length, 0);
  const directory = tiffDirectoryPast(head);
  if (directory !== undefined && directory < size) {
    const whole = Buffer.alloc(Math.min(size, directory + TIFF_IFD_BYTES));
    head.copy(whole);
    readSync(fd, whole, directory, whole.length - directory, directory);
    head = whole;
  }
  return head;
}

/** Its last 16 bytes (the end marker). */
function tailOf(fd: number, size: number): Buffer {
  const tail = Buffer.alloc(Math.min(size, 16));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  return tail;
}

/**
 * A JPEG or PNG whose last bytes are not its end marker is walked whole
 * (image-end.ts): a Motion Photo's video or a camera's zero padding follows
 * a whole picture, and was "文件不完整". Only such files are read whole.
 */
function isTruncated(fd: number, bytes: number, tail: Buffer, format: string): boolean {
  if (format !== 'jpeg' && format !== 'png') return false;
  if (tail.includes(format === 'jpeg' ? Buffer.from([0xff, 0xd9]) : Buffer.from('IEND'))) return false;
  const whole = Buffer.alloc(bytes);
  readSync(fd, whole, 0, bytes, 0);
  return imageEnd(whole, format) === undefined;
}

/** image-size's reading of a head, or undefined when it finds no size there. */
function sizeIn(head: Buffer): ReturnType<typeof imageSize> | undefined {
  try {
    const size = imageSize(head);
    return size.width && size.height ? size : undefined;
  } catch {
    return undefined;
  }
}

/** What the file's head and tail say of it: its size and format, or why it cannot be printed. */
function verdictOf(fd: number): AssetStatus {
  const info = fstatSync(fd);
  if (!info.isFile()) return { status: 'not-a-file', kind: kindOf(info) };
  const bytes = info.size;
  if (bytes > MAX_PHOTO_BYTES) return { status: 'unreadable', reason: `文件有 ${Math.round(bytes / 1048576)} MB，超过上限 ${MAX_PHOTO_BYTES / 1048576} MB，请缩小后再用` };
  let head = headOf(fd, bytes, FIRST_BYTES);
  let size = sizeIn(head);
  if (!size && bytes > head.length) size = sizeIn((head = headOf(fd, bytes, HEAD_BYTES)));
  if (!size) return { status: 'unreadable', reason: '不是能识别的图片（文件损坏，或格式不受支持）' };
  // EXIF orientations 5–8 turn the photo a quarter: it prints upright (printable-images.ts), so its width is its height.
  const turned = (size.orientation ?? 1) >= 5;
  const widthPx = (turned ? size.height : size.width) ?? 0;
  const heightPx = (turned ? size.width : size.height) ?? 0;
  const format = FORMAT_NAMES[size.type ?? ''] ?? size.type ?? 'unknown';
  if (widthPx * heightPx > MAX_PIXELS) return { status: 'unreadable', reason: `声明的尺寸 ${widthPx}×${heightPx} 像素不合常理` };
  if (widthPx === 0 || heightPx === 0) return { status: 'unreadable', reason: '读不出图片尺寸' };
  if (isTruncated(fd, bytes, tailOf(fd, bytes), format)) return { status: 'unreadable', reason: '文件不完整' };
  return { status: 'ok', widthPx, heightPx, format };
}

/** Why a file could not be read, in Chinese (the errno's hint): `EACCES` alone told an editor nothing. */
const faultOf = (error: unknown, path: string): AssetStatus => ({ status: 'unreadable', reason: faultReason(error, path, '读取') });

/**
 * Opened without blocking, and read only when it is a regular file: a FIFO
 * named `photo.jpg` blocked the open, and the build with it, past every
 * signal (the main thread never came back to take SIGTERM).
 */
function probe(path: string): AssetStatus {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return faultOf(error, path);
  }
  try {
    return verdictOf(fd);
  } catch (error) {
    return faultOf(error, path);
  } finally {
    closeSync(fd);
  }
}

/** What a path with a photo's name is when it is not a file that can be opened: a folder, or a link to nothing or to itself. */
export function notAFile(path: string): { status: 'not-a-file'; kind: string } | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? undefined : { status: 'not-a-file', kind: kindOf(info) };
  } catch (error) {
    const link = (() => { try { return lstatSync(path).isSymbolicLink(); } catch { return false; } })();
    if (!link) return undefined;
    const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
    return { status: 'not-a-file', kind: loop ? '链接成环的符号链接' : '一个失效的符号链接（它指向的文件已不存在）' };
  }
}

/** Deeper than any photo folder: a link loop or a pathological tree stops here. */
const MAX_DEPTH = 16;

/**
 * The image files below `dir`, in name order. A linked folder is listed
 * too, once: `seen` holds the real path of every folder listed, so a link
 * back to an ancestor (a loop) is not followed again.
 */
async function listImages(root: string, dir: string, out: string[], seen = new Set<string>(), depth = 0): Promise<void> {
  const real = await realpath(join(root, dir)).catch(() => undefined);
  if (!real || seen.has(real) || depth > MAX_DEPTH) return;
  seen.add(real);
  let entries;
  try {
    entries = (await readdir(join(root, dir), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const entry of entries) {
    const { name } = entry;
    if (name.startsWith('.') || name === 'node_modules' || name === 'output') continue;
    const rel = dir ? `${dir}/${name}` : name;
    // A link is followed to see what it is; other entries say so themselves.
    const isDirectory = entry.isSymbolicLink() ? (await stat(join(root, rel)).catch(() => undefined))?.isDirectory() : entry.isDirectory();
    // A folder with a photo's name is listed too, so that a figure naming it is told what it is.
    if (IMAGE_EXT.test(name)) out.push(rel);
    if (isDirectory) await listImages(root, rel, out, seen, depth + 1);
  }
}

/** A watch session's images: one whose file has the same size and time is neither probed nor read again. */
export class ImageProbeCache {
  readonly probes = new SessionCache<AssetStatus>();
  readonly bytes = new SessionCache<PrintableImage>();
}

/**
 * `make()`, or what the session made for `path` when the file had the same
 * size and time. Without a cache, or for a file gone since it was listed, it
 * is simply made (and says what it finds).
 */
export async function perFile<V>(cache: SessionCache<V> | undefined, path: string, make: () => Promise<V>): Promise<V> {
  const info = cache ? await stat(path).catch(() => undefined) : undefined;
  if (!cache || !info) return make();
  const stamp = `${path}\u0000${info.size}\u0000${info.mtimeMs}`;
  return cache.lookup(stamp) ?? cache.store(stamp, await make());
}

export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Probes every image below `root`; a symlink that leads out of `root` counts as outside. */
export async function probeImages(root: string, cache?: ImageProbeCache): Promise<Map<string, AssetStatus>> {
  cache?.probes.startBuild();
  const realRoot = await realpath(root);
  const paths: string[] = [];
  await listImages(root, '', paths);
  const entries = await Promise.all(
    paths.map(async (rel): Promise<[string, AssetStatus]> => {
      const real = realPathOf(join(root, rel));
      if (!real) return [rel, notAFile(join(root, rel)) ?? { status: 'missing' }];
      if (isOutside(realRoot, real)) return [rel, { status: 'outside' }];
      return [rel, notAFile(real) ?? await perFile(cache?.probes, real, async () => probe(real))];
    }),
  );
  return new Map(entries);
}

/** A path as a Windows user may type it for the file: any case, \\ for /. */
const looseName = (path: string) => path.replace(/\\/g, '/').normalize('NFC').toLowerCase();

/**
 * A lookup over the probed images; paths not found are missing, with the
 * image whose path differs only in case or slashes where there is one
 * (photos/img_001.jpg for IMG_001.JPG, photos\\a.jpg): Windows and macOS
 * find those, this machine's file system does not.
 */
export function assetLookup(images: Map<string, AssetStatus>): AssetLookup {
  let loose: Map<string, string> | undefined;
  let composed: Map<string, string> | undefined;
  return (src) => {
    const found = images.get(src);
    if (found) return found;
    composed ??= new Map([...images.keys()].map((path) => [path.normalize('NFC'), path]));
    const same = composed.get(src.normalize('NFC'));
    const status = same === undefined ? undefined : images.get(same);
    if (same !== undefined && status) return status.status === 'ok' ? { ...status, file: same } : status;
    loose ??= new Map([...images.keys()].map((path) => [looseName(path), path]));
    const like = loose.get(looseName(src));
    return like ? { status: 'missing', like } : { status: 'missing' };
  };
}
