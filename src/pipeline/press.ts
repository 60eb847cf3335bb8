/**
 * `nianjian build --press`: reads the output profile and makes the printer's
 * files (build/build-press.ts), to be committed with the reading PDF:
 * <书名>-<年份>-印刷.pdf, -彩页.pdf and -封面.pdf. A missing or non-CMYK
 * profile is an error on the template, and nothing is written.
 */
import { isAbsolute, join } from 'node:path';
import { buildPress, type ImageCache, outputIntentOf, reportPress } from '../build/index.ts';
import { placeOfKey, type Template } from '../config/index.ts';
import { report, type VFile } from '../diagnostics/index.ts';
import { ADD_ON_NO_PRICE, priceAddOn } from '../render/index.ts';
import type { Font } from '../font/index.ts';
import { notRegularReason, type Output, readCoverImage, readRegularFile } from '../io/index.ts';
import type { PagedDocument } from '../layout/index.ts';
import type { Book } from '../model/index.ts';
import { bookFileName } from './names.ts';

export interface PressRequest {
  manuscriptDir: string;
  outDir: string;
  book: Book;
  template: Template;
  bookFile: VFile;
  /** The template's file: messages about its press: key go there. */
  templateFile: VFile;
  files: readonly VFile[];
  paged: PagedDocument;
  fontFiles: ReadonlyMap<string, Uint8Array | Font>;
  imageBytes: ReadonlyMap<string, Uint8Array>;
  markFont: Font;
  date: Date;
  cache?: ImageCache;
}

/** Makes the press files; returns them as outputs, and the lines to print (none when the profile is unusable: the error is on book.yaml). */
export async function pressOutputs(r: PressRequest): Promise<{ outputs: Output[]; lines: string[] }> {
  const press = r.template.press;
  const path = isAbsolute(press.icc_profile) ? press.icc_profile : join(r.manuscriptDir, press.icc_profile);
  const read = await readRegularFile(path).catch(() => undefined);
  // Reported at the template's icc_profile line (its press: line, or its first, when the default is taken).
  const at = placeOfKey(r.templateFile, ['press', 'icc_profile']);
  if (read && 'notRegular' in read) {
    report(r.templateFile, at, 'press-profile-damaged', { path, reason: notRegularReason(read.notRegular) });
    return { outputs: [], lines: [] };
  }
  const icc = read?.bytes;
  if (!icc) {
    report(r.templateFile, at, 'press-profile-missing', { path });
    return { outputs: [], lines: [] };
  }
  const intent = outputIntentOf(press, icc);
  if ('damaged' in intent) {
    report(r.templateFile, at, 'press-profile-damaged', { path, reason: intent.damaged });
    return { outputs: [], lines: [] };
  }
  if ('notCmyk' in intent) {
    report(r.templateFile, at, 'press-profile-not-cmyk', { path, space: intent.notCmyk });
    return { outputs: [], lines: [] };
  }
  const coverSrc = r.book.settings.cover_image;
  const cover = coverSrc ? await readCoverImage(r.manuscriptDir, coverSrc) : undefined;
  const coverImage = cover?.status === 'ok' ? cover.bytes : undefined;
  if (coverSrc && cover?.status === 'missing') report(r.bookFile, placeOfKey(r.bookFile, ['cover_image']), 'cover-image-missing', { src: coverSrc });
  if (coverSrc && cover?.status === 'refused') report(r.bookFile, placeOfKey(r.bookFile, ['cover_image']), 'cover-image-unusable', { src: coverSrc, why: cover.why });
  // A price the bar code's five digits cannot hold: the cover's add-on says "no price", and the editor is told why.
  if (priceAddOn(r.book.settings.price) === undefined) report(r.bookFile, placeOfKey(r.bookFile, ['price']), 'price-beyond-barcode', { price: r.book.settings.price, addOn: ADD_ON_NO_PRICE });
  const made = await buildPress({ ...r, profile: { path, bytes: icc }, ...(coverImage ? { coverImage } : {}) }, intent);
  reportPress(made, r.book, r.files, r.bookFile, press.safety_mm);
  const name = bookFileName(r.book);
  const lines: string[] = [];
  const outputs: Output[] = [];
  for (const file of made.files) {
    const target = join(r.outDir, `${name}-${file.suffix}.pdf`);
    outputs.push({ path: target, bytes: file.bytes });
    lines.push(`${press.standard}: ${target} — ${file.pages} 页 pages, ${(file.bytes.length / 1048576).toFixed(1)} MB`);
  }
  lines.push(`封面 cover: 书脊 spine ${made.cover.spineMm} mm (${r.book.settings.binding.type}), 展开 flat ${made.cover.flatWidthMm} mm×${made.cover.flatHeightMm} mm`);
  return { outputs, lines };
}
