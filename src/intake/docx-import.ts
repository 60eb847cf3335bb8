/**
 * One Word submission → manuscript content, photos and notes: mammoth's
 * HTML (docx.ts) read into pieces (pieces.ts) and given the book's
 * structure (structure.ts), with what the raw OOXML shows (docx-scan.ts).
 */
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { docxToHtml, type ExtractedImage } from './docx.ts';
import { scanDocx } from './docx-scan.ts';
import { NoteList, paragraphPlace } from './notes.ts';
import { htmlToPieces } from './pieces.ts';
import { type Placeholder, structure } from './structure.ts';
import type { Submission } from './submission.ts';

/** An image this large is no photo a unit should send as is (bytes, pixels). */
export const HUGE_IMAGE_BYTES = 20 * 1024 * 1024;
export const HUGE_IMAGE_PIXELS = 60_000_000;

function checkImage(image: ExtractedImage, para: number | undefined, notes: NoteList): void {
  let pixels = 0;
  try {
    const size = imageSize(image.bytes);
    pixels = (size.width ?? 0) * (size.height ?? 0);
  } catch { /* an EMF/WMF or an unknown kind: its size is not known */ }
  if (image.bytes.length > HUGE_IMAGE_BYTES || pixels > HUGE_IMAGE_PIXELS) {
    notes.warn('image-huge', paragraphPlace(para), `图片 photos/${image.name} 过大（${(image.bytes.length / 1048576).toFixed(1)} MB${pixels ? `，${(pixels / 1e6).toFixed(0)} 百万像素` : ''}），已原样提取。请确认是否需要这么大的原图；排版会缩小它。`);
  }
  if (/\.(emf|wmf|bin|tif)$/.test(image.name)) {
    notes.warn('image-format', paragraphPlace(para), `图片 photos/${image.name} 的格式（${image.contentType}）不能排入书中。请向供稿单位索取 JPEG 或 PNG 原图，替换后改正图片路径。`);
  }
}

/** A light grey card standing in for a chart or object that could not be imported. */
async function placeholderImage(): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 225, g: 225, b: 225 } } }).png().toBuffer());
}

export async function importDocx(bytes: Uint8Array, source: string, stem: string, underPart: boolean): Promise<Submission> {
  const notes = new NoteList(source);
  const converted = await docxToHtml(bytes, stem, notes);
  const scanned = await scanDocx(converted.zip, notes);
  const photos = converted.images.map((i) => ({ name: i.name, bytes: i.bytes }));
  const placeholders: Placeholder[] = [];
  for (const [i, p] of scanned.placeholders.entries()) {
    const name = `${stem}-占位-${String(i + 1).padStart(2, '0')}.png`;
    photos.push({ name, bytes: await placeholderImage() });
    placeholders.push({ ...p, src: `photos/${name}` });
  }
  const pieces = htmlToPieces(converted.html, notes);
  const paraOf = new Map(pieces.flatMap((p) => (p.kind === 'image' ? [[p.src, p.para] as const] : [])));
  for (const image of converted.images) checkImage(image, paraOf.get(`photos/${image.name}`), notes);
  if (pieces.length === 0 && placeholders.length === 0) {
    notes.error('empty', '', '文档中没有文字、图片或表格，未导入。请确认供稿单位发来的是正确的文件。');
    return { source, partTitle: undefined, content: [], photos: [], notes: notes.notes };
  }
  const result = structure({ pieces, notes, fallbackTitle: stem, underPart, placeholders });
  return { source, partTitle: result.partTitle, content: result.content, photos, notes: notes.notes };
}
