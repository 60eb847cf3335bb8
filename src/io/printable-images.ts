/**
 * Every photo a book prints is decoded once, whole, before layout (issue
 * 16): a JPEG whose header and end marker are intact but whose scan data
 * is corrupt used to reach the PDF, and then crash the EPUB. A photo that
 * passes is embedded as it is (JPEG, 8-bit PNG); one that needs it is made
 * printable by sharp: turned upright by its EXIF orientation (a phone's
 * portrait photo was squeezed), and TIFF, WebP, GIF, AVIF, SVG or 16-bit
 * PNG converted to PNG. What cannot be decoded (HEIC, damaged files) is a
 * message at the figure's line, never a photo dropped in silence.
 *
 * Decoding costs about 14 ms of CPU a photo, so the verdict is kept under
 * `<out>/.cache/verified` by the SHA-256 of the file: a build after the
 * first reads the file and its hash, and decodes nothing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadSharp } from '../build/index.ts';
import type { ByteCache } from './disk-cache.ts';
import { faultReason } from './faults.ts';
import { imageEnd } from './image-end.ts';

export type PrintableImage = { status: 'ok'; bytes: Uint8Array } | { status: 'unreadable'; reason: string };

/** Larger than any camera's frame; beyond it libvips refuses the image rather than allocating gigabytes. */
export const MAX_IMAGE_PIXELS = 200_000_000;
/** The verdict of a file embedded as it is (its converted bytes are stored otherwise). */
const AS_IS = new Uint8Array([1]);
/** Bumped when the rules below change, so old verdicts are not used. */
const VERSION = 'v1';

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;
const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/** libvips' first line, in an editor's words where it names the common cases. */
function reasonOf(error: unknown, format: string | undefined): string {
  const text = String((error as Error)?.message ?? error).split('\n')[0]!;
  if (/heif|heic/i.test(`${format} ${text}`)) return 'HEIC 格式（手机照片）无法排入，请用看图软件另存为 JPEG';
  if (/unsupported image format/i.test(text)) return '不是能识别的图片格式，请另存为 JPEG 或 PNG';
  if (/pixel limit/i.test(text)) return `像素超过 ${MAX_IMAGE_PIXELS / 1e6} 百万，请缩小后再用`;
  if (/corrupt|premature|truncated|invalid|bad|error/i.test(text)) return `图片数据已损坏（${text.slice(0, 80)}）`;
  return text.slice(0, 120);
}

/** Decodes `data` whole (small: JPEG's shrink-on-load still reads every scan) and makes it printable if it must be. */
async function verify(data: Uint8Array): Promise<PrintableImage> {
  const sharp = loadSharp();
  const open = () => sharp(data, { failOn: 'warning', limitInputPixels: MAX_IMAGE_PIXELS });
  let format: string | undefined;
  try {
    const meta = await open().metadata();
    format = meta.format;
    const upright = (meta.orientation ?? 1) === 1;
    if (upright && (isJpeg(data) || (isPng(data) && meta.depth === 'uchar'))) {
      await open().resize({ width: 32 }).raw().toBuffer();
      return { status: 'ok', bytes: data };
    }
    const turned = open().rotate();
    const bytes = isJpeg(data) ? await turned.jpeg({ quality: 92 }).toBuffer() : await turned.toColourspace('srgb').png().toBuffer();
    return { status: 'ok', bytes: new Uint8Array(bytes) };
  } catch (error) {
    return { status: 'unreadable', reason: reasonOf(error, format) };
  }
}

/** The printable bytes of the image at `path`, from the verdict cache when the same bytes were checked before. */
export async function printableImage(path: string, verdicts?: ByteCache): Promise<PrintableImage> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    return { status: 'unreadable', reason: faultReason(error, path, '读取') };
  }
  // What follows a JPEG's or PNG's end (a Motion Photo's video, a camera's padding) is not the picture: it is not embedded.
  const end = imageEnd(data, isJpeg(data) ? 'jpeg' : isPng(data) ? 'png' : '');
  if (end !== undefined && end < data.length) data = data.subarray(0, end);
  const key = `${VERSION}-${createHash('sha256').update(data).digest('hex')}`;
  const known = await verdicts?.get(key);
  if (known) return { status: 'ok', bytes: known.length === 1 && known[0] === 1 ? data : known };
  const made = await verify(data);
  if (made.status === 'ok') await verdicts?.set(key, made.bytes === data ? AS_IS : made.bytes);
  return made;
}
