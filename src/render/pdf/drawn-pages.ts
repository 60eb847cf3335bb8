/**
 * Pages a watch session drew in its last build, kept by the page's identity
 * (layout/page-identity.ts). A page is drawn again only when something about
 * it changed: its identity is new, or the fonts' numbering before it differs
 * (a new character earlier in the book renumbers what follows). Otherwise its
 * deflated content is used as it is, and the glyphs it used first are given
 * their CIDs again in the same order, so the rest of the document is numbered
 * exactly as in a build from scratch. The objects its drawing made (a font's
 * first object, its images, its links' annotations) are made again in the
 * order they were made, so they keep their numbers and their place in the
 * file: a page of photos that brings in a font, a TOC or index page with its
 * links, is kept too (they were 40 of the 70 pages a rebuild drew).
 */
import type { DisplayItem, LinkItem, Page } from '../../layout/index.ts';
import type { DocumentFonts, FirstUse } from './fonts.ts';

/** An object a page's drawing made, in the order made: a font's first object, an image (the next of the page's), a link's annotation. */
export type PageObject = { kind: 'font'; fontKey: string } | { kind: 'image' } | { kind: 'link'; link: LinkItem };

interface DrawnPage {
  before: string;
  after: string;
  firstUses: FirstUse[];
  /** The fonts in the page's resources, in the order they were added. */
  fontKeys: string[];
  /** How many images the page embeds (each an object of its own, numbered as it comes). */
  imageCount: number;
  /** Whether the page's /XObject dictionary came before its /Font dictionary (an image drawn before any text). */
  imagesFirst: boolean;
  objects: PageObject[];
  content: Uint8Array;
}

/** The pdfkit calls that embed an image without drawing it, and that add a link's annotation. */
export interface ImageDoc {
  openImage(src: Buffer): { label: string; obj?: unknown; embed(doc: unknown): void };
  link(x: number, y: number, w: number, h: number, url: string): unknown;
}

/** Links are replayed where the page's coordinates are the document's, so not inside a group (which may transform them). */
function keepable(items: readonly DisplayItem[], inGroup = false): boolean {
  return items.every((i) => (i.kind !== 'link' || !inGroup) && (i.kind !== 'group' || keepable(i.items, true)));
}

/** The bytes of each image the page draws, in drawing order. */
function imagesOf(items: readonly DisplayItem[], bytes: (src: string) => Uint8Array | undefined): Uint8Array[] {
  return items.flatMap((i) => (i.kind === 'image' ? [bytes(i.src)].filter((b): b is Uint8Array => b !== undefined) : i.kind === 'group' ? imagesOf(i.items, bytes) : []));
}

/** What pdfkit keeps of a page until the document ends. */
export interface PageRef {
  xobjects: Record<string, unknown>;
  /** Reading this getter adds an empty /Font dictionary to the page: only for pages that have fonts. */
  fonts: Record<string, unknown>;
  resources: { data: { Font?: Record<string, unknown>; XObject?: Record<string, unknown> } };
  content: { buffer: Uint8Array[]; compress: boolean; data: Record<string, unknown> };
}

export class DrawnPages {
  private readonly pages = new WeakMap<object, DrawnPage>();
  hits = 0;
  misses = 0;

  startBuild(): void {
    this.hits = 0;
    this.misses = 0;
  }

  static canKeep(page: Page, identity: object | undefined): identity is object {
    return identity !== undefined && keepable(page.items);
  }

  /** Puts the kept page in place of drawing it; false when it must be drawn. */
  reuse(page: Page, identity: object | undefined, target: PageRef, fonts: DocumentFonts, doc: ImageDoc, bytes: (src: string) => Uint8Array | undefined): boolean {
    const kept = DrawnPages.canKeep(page, identity) ? this.pages.get(identity) : undefined;
    // The images as they are now: a photo replaced by one of the same size changes no page content, only its object.
    const images = kept ? imagesOf(page.items, bytes) : [];
    if (!kept || kept.before !== fonts.fingerprint() || images.length !== kept.imageCount) {
      this.misses++;
      return false;
    }
    for (const use of kept.firstUses) fonts.cid(fonts.get(use.fontKey), use);
    if (fonts.fingerprint() !== kept.after) throw new Error(`renderPdf: page ${page.number} numbered its glyphs differently`);
    // The objects in the order the drawing made them: their numbers, and the file's order of the objects pdfkit writes at once.
    const opened: Array<{ label: string; obj?: unknown }> = [];
    for (const o of kept.objects) {
      if (o.kind === 'font') fonts.get(o.fontKey).ref();
      else if (o.kind === 'link') doc.link(o.link.x, o.link.y, o.link.width, o.link.height, o.link.pageIndex as unknown as string);
      else {
        const bytes = images[opened.length]!;
        const image = doc.openImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)); // read, not changed: no copy of the photo
        if (!image.obj) image.embed(doc);
        opened.push(image);
      }
    }
    const addFonts = () => {
      for (const key of kept.fontKeys) {
        const font = fonts.get(key);
        target.fonts[font.id] = font.ref();
      }
    };
    const addImages = () => {
      for (const image of opened) target.xobjects[image.label] ??= image.obj;
    };
    // The resource dictionaries in the order the drawing made them: their order is in the file.
    if (kept.imagesFirst) {
      addImages();
      addFonts();
    } else {
      addFonts();
      addImages();
    }
    target.content.buffer = [kept.content];
    target.content.compress = false;
    target.content.data.Filter = 'FlateDecode';
    this.hits++;
    return true;
  }

  /** Keeps a page just drawn (and deflated), with the fonts' fingerprint before it and the objects its drawing made. */
  keep(page: Page, identity: object | undefined, target: PageRef, fonts: DocumentFonts, before: string, firstUses: FirstUse[], objects: PageObject[], bytes: (src: string) => Uint8Array | undefined): void {
    if (!DrawnPages.canKeep(page, identity) || target.content.buffer.length !== 1) return;
    const images = imagesOf(page.items, bytes);
    const ids = Object.keys(target.resources.data.Font ?? {});
    const fontKeys = ids.map((id) => [...fonts.used].find(([, f]) => f.id === id)![0]);
    const order = Object.keys(target.resources.data);
    const imagesFirst = order.includes('XObject') && (!order.includes('Font') || order.indexOf('XObject') < order.indexOf('Font'));
    this.pages.set(identity, { before, after: fonts.fingerprint(), firstUses, fontKeys, imageCount: images.length, imagesFirst, objects, content: target.content.buffer[0]! });
  }
}
