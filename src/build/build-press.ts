/**
 * `build --press`: the files a printer takes, from the book as laid out for
 * the reading PDF (the same pages, the same numbers). The press PDF of the
 * whole book block, the 彩页 on their own (printed on another press), and the
 * cover with its spine. Pure: the profile, fonts and photos come in as values.
 */
import { checkFormat, placeOfKey, type PressProfile, type Template } from '../config/index.ts';
import { report, type VFile } from '../diagnostics/index.ts';
import type { Font } from '../font/index.ts';
import type { PagedDocument } from '../layout/index.ts';
import { type Book, type Source, walkBook } from '../model/index.ts';
import { type CoverFacts, iccColourSpace, iccDescription, iccFault, type OutputIntent, renderCover, renderPressPdf, type SafetyFinding, type SheetSpec } from '../render/index.ts';
import type { ImageCache } from './build-epub.ts';
import { MIN_PRESS_DPI, pressColours, pressImage, type PressImageFacts, pressImages, profileKeyOf } from './press-images.ts';

export interface PressBuildInput {
  book: Book;
  template: Template;
  paged: PagedDocument;
  fontFiles: ReadonlyMap<string, Uint8Array | Font>;
  imageBytes: ReadonlyMap<string, Uint8Array>;
  /** The heading font: slug lines and the cover are set in its outlines. */
  markFont: Font;
  date: Date;
  /** The CMYK output profile (the template's press.icc_profile) as read from disk. */
  profile: { path: string; bytes: Uint8Array };
  /** book.yaml's cover_image, as read (undefined when none is named or it could not be read). */
  coverImage?: Uint8Array;
  cache?: ImageCache;
}

export interface PressFile {
  /** The file name's suffix: 天津市河西年鉴-2024-印刷.pdf. */
  suffix: '印刷' | '彩页' | '封面';
  bytes: Uint8Array;
  pages: number;
}

export interface PressBuild {
  files: PressFile[];
  images: PressImageFacts;
  safety: SafetyFinding[];
  cover: CoverFacts & { imageDpi?: number };
}

export const sheetOf = (p: PressProfile): SheetSpec => ({
  bleedMm: p.bleed_mm, markOffsetMm: p.mark_offset_mm, markLengthMm: p.mark_length_mm, slugMm: p.slug_mm, safetyMm: p.safety_mm, bleedPages: p.bleed_pages,
});

/** The output intent from the profile, or why it cannot be one. */
export function outputIntentOf(p: PressProfile, icc: Uint8Array): OutputIntent | { notCmyk: string } | { damaged: string } {
  const damaged = iccFault(icc);
  if (damaged) return { damaged };
  const space = iccColourSpace(icc);
  if (space !== 'CMYK') return { notCmyk: space.trim() || '?' };
  return { icc, condition: p.output_condition, info: iccDescription(icc) || p.output_condition };
}

export async function buildPress(input: PressBuildInput, intent: OutputIntent): Promise<PressBuild> {
  const { book, paged, template } = input;
  const press = template.press;
  const s = book.settings;
  const colourPage = (kind: string) => press.body_colour === 'cmyk' || kind === 'gallery';
  const colours = pressColours(paged, colourPage);
  const images = await pressImages(paged, input.imageBytes, colours, input.profile.path, input.profile.bytes, input.cache);
  const metadata = { title: `${s.title}（${s.year}）`, author: s.compiler, subject: `${s.title} ${s.year} 印刷文件`, language: s.language, date: input.date };
  const day = input.date.toISOString().slice(0, 10);
  const common = {
    document: paged, fontFiles: input.fontFiles, imageBytes: (src: string) => images.bytes.get(src), metadata, standard: press.standard, intent,
    sheet: sheetOf(press), markFont: input.markFont,
  };
  const block = await renderPressPdf({ ...common, slug: (page) => `${s.title}（${s.year}）　第 ${page.number} 页　${day}　${press.standard}` });
  const galleryPages = paged.pages.filter((p) => p.kind === 'gallery').map((p) => p.index);
  const plates = galleryPages.length > 0
    ? await renderPressPdf({ ...common, pages: galleryPages, slug: (page) => `${s.title}（${s.year}）彩页　第 ${page.number} 页　${day}　${press.standard}` })
    : undefined;
  const picture = input.coverImage ? await pressImage(input.coverImage, 'cmyk', input.profile.path, profileKeyOf(input.profile.bytes), input.cache) : undefined;
  const cover = await renderCover({
    ...(picture ? { image: picture.bytes } : {}),
    settings: s, trimWidthPt: paged.widthPt, trimHeightPt: paged.heightPt, pageCount: paged.pages.length, font: input.markFont,
    sheet: sheetOf(press), standard: press.standard, intent, metadata: { ...metadata, subject: `${s.title} ${s.year} 封面` },
  });
  const files: PressFile[] = [
    { suffix: '印刷', bytes: block.bytes, pages: paged.pages.length },
    ...(plates ? [{ suffix: '彩页' as const, bytes: plates.bytes, pages: galleryPages.length }] : []),
    { suffix: '封面', bytes: cover.bytes, pages: 1 },
  ];
  const imageDpi = picture ? Math.round(picture.probe.widthPx / (cover.facts.imageWidthPt / 72)) : undefined;
  return { files, images: images.facts, safety: block.findings, cover: { ...cover.facts, ...(imageDpi !== undefined ? { imageDpi } : {}) } };
}

/** The 开本 of book.yaml against the template's trim (R-PAGE-8): an error naming both, at book.yaml's format key. */
export function checkFormatAgainstTemplate(bookFile: VFile, book: Book, template: Template, templateName: string): void {
  const f = book.settings.format;
  const finding = checkFormat(f.paper, f.fold, template.page.width_mm, template.page.height_mm);
  if (!finding) return;
  const params = {
    format: `${f.paper} 1/${f.fold}`, fraction: `${finding.fraction.widthMm} mm×${finding.fraction.heightMm} mm`,
    template: templateName, trim: `${template.page.width_mm} mm×${template.page.height_mm} mm`,
    loss: `${Math.round(Math.max(finding.fraction.widthMm - template.page.width_mm, finding.fraction.heightMm - template.page.height_mm))} mm`,
  };
  report(bookFile, placeOfKey(bookFile, ['format']), finding.kind === 'too-small' ? 'format-trim-mismatch' : 'format-trim-loose', params);
}

/** The press findings as messages: low resolution at the figure's line, sRGB once, safety margins by page. */
export function reportPress(result: PressBuild, book: Book, files: readonly VFile[], bookFile: VFile, safetyMm: number): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const figures = new Map<string, Source>();
  walkBook(book, (n) => n.type === 'figure' && figures.set(n.src, n.source));
  const seen = new Set<string>();
  for (const low of result.images.lowResolution) {
    if (seen.has(low.src)) continue;
    seen.add(low.src);
    const source = figures.get(low.src);
    report(byPath.get(source?.path ?? '') ?? bookFile, source?.position, 'press-image-low-resolution', { src: low.src, dpi: low.dpi, printedAt: `第 ${low.number} 页` });
  }
  const cover = result.cover;
  if (cover.imageDpi !== undefined && cover.imageDpi < MIN_PRESS_DPI) report(bookFile, placeOfKey(bookFile, ['cover_image']), 'cover-image-low-resolution', { src: book.settings.cover_image ?? '', dpi: cover.imageDpi });
  const srgb = result.images.assumedSrgb;
  if (srgb.length > 0) report(bookFile, undefined, 'press-image-assumed-srgb', { count: srgb.length, examples: srgb.slice(0, 3).join('、') });
  const pages = new Set<number>();
  for (const f of result.safety) {
    if (pages.has(f.pageIndex)) continue;
    pages.add(f.pageIndex);
    report(bookFile, undefined, 'press-safety-margin', { page: f.number, what: { text: '文字', image: '图片', rule: '线条' }[f.what], distance: f.distanceMm, safety: safetyMm });
  }
}
