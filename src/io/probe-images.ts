/**
 * Finds every image in the manuscript folder and checks it once, so the
 * parser can look paths up without touching the disk. Checks are cheap:
 * the header (sharp metadata) and the end marker of JPEG and PNG files,
 * which catches truncated files without decoding them.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import type { AssetLookup, AssetStatus } from '../parse/index.ts';
import { SessionCache } from '../units/index.ts';

const IMAGE_EXT = /\.(jpe?g|png|tiff?|webp|gif)$/i;
/** Larger than any camera: a PNG that declares more pixels is treated as broken. */
const MAX_PIXELS = 200_000_000;

async function tail(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.min(bytes, size));
    await handle.read(buf, 0, buf.length, Math.max(0, size - buf.length));
    return buf;
  } finally {
    await handle.close();
  }
}

async function isTruncated(path: string, format: string): Promise<boolean> {
  const end = await tail(path, 16);
  if (format === 'jpeg') return !end.includes(Buffer.from([0xff, 0xd9]));
  if (format === 'png') return !end.includes(Buffer.from('IEND'));
  return false;
}

async function probe(path: string): Promise<AssetStatus> {
  try {
    const meta = await sharp(path, { limitInputPixels: false }).metadata();
    const widthPx = meta.width ?? 0;
    const heightPx = meta.height ?? 0;
    if (widthPx * heightPx > MAX_PIXELS) return { status: 'unreadable', reason: `声明的尺寸 ${widthPx}×${heightPx} 像素不合常理` };
    if (await isTruncated(path, meta.format ?? '')) return { status: 'unreadable', reason: '文件不完整' };
    return { status: 'ok', widthPx, heightPx, format: meta.format ?? 'unknown' };
  } catch (error) {
    return { status: 'unreadable', reason: String((error as Error).message).split('\n')[0]! };
  }
}

async function listImages(root: string, dir: string, out: string[]): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(join(root, dir))).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const rel = dir ? `${dir}/${name}` : name;
    const info = await stat(join(root, rel)).catch(() => undefined);
    if (info?.isDirectory()) await listImages(root, rel, out);
    else if (IMAGE_EXT.test(name)) out.push(rel);
  }
}

/** A watch session's images: one whose file has the same size and time is neither probed nor read again. */
export class ImageProbeCache {
  readonly probes = new SessionCache<AssetStatus>();
  readonly bytes = new SessionCache<Uint8Array | undefined>();
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

/** Probes every image below `root`; a symlink that leads out of `root` counts as outside. */
export async function probeImages(root: string, cache?: ImageProbeCache): Promise<Map<string, AssetStatus>> {
  cache?.probes.startBuild();
  const realRoot = await realpath(root);
  const paths: string[] = [];
  await listImages(root, '', paths);
  const entries = await Promise.all(
    paths.map(async (rel): Promise<[string, AssetStatus]> => {
      const real = await realpath(join(root, rel)).catch(() => undefined);
      if (!real) return [rel, { status: 'missing' }];
      const inside = !relative(realRoot, real).startsWith(`..${sep}`) && relative(realRoot, real) !== '..';
      return [rel, inside ? await perFile(cache?.probes, real, () => probe(real)) : { status: 'outside' }];
    }),
  );
  return new Map(entries);
}

/** A lookup over the probed images; paths not found are missing. */
export function assetLookup(images: Map<string, AssetStatus>): AssetLookup {
  return (src) => images.get(src) ?? { status: 'missing' };
}
