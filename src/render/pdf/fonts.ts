/**
 * The fonts of one PDF: each registered with pdfkit when a glyph first asks
 * for it, and each glyph given its CID (its number in the font subset) the
 * first time it is drawn. Resource names, subset tags and CIDs therefore
 * follow the order of first use and depend on the document alone. A running
 * fingerprint of that order lets a watch session tell when a page drawn in
 * the last build would be drawn with the same CIDs now.
 */
import type { PositionedGlyph } from '../../compose/index.ts';
import type { Font } from '../../font/index.ts';
import type { PageObject } from './drawn-pages.ts';
import { quickenSubset } from './ttf-subset.ts';

/** What pdfkit's EmbeddedFont offers that we use. */
export interface EmbeddedFont {
  id: string;
  /** Its PostScript name, by which pdfkit also keeps it. */
  name: string;
  /** The font as fontkit opened it. */
  font: { numGlyphs: number };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  /** Set by the first ref(): the font's object exists from then on. */
  dictionary?: unknown;
  ref(): unknown;
}

/** The part of pdfkit's document the fonts need. */
export interface FontDoc {
  registerFont(name: string, src: unknown): unknown;
  font(name: string): unknown;
  _font: EmbeddedFont;
  /** pdfkit's fonts by name, which it searches by PostScript name too (DocumentFonts.fontOfItsOwn). */
  _fontFamilies: Record<string, unknown>;
}

/** A glyph's first use in the document: enough to give it the same CID again without drawing its page. */
export interface FirstUse {
  fontKey: string;
  glyphId: number;
  advanceEm: number;
  text: string;
}

/** A font's glyphs numbered so far, by glyph id: the CID as written in a literal string, and the advance a reader gives it (its /W width, in em). */
export interface Numbered {
  code: string[];
  widthEm: number[];
}

/** A byte of a literal string as PDF reads it back (7.3.4.2): ( ) \\ escaped, and CR, which a reader would take for a line end. */
const literalByte = (b: number) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? '\\r' : String.fromCharCode(b));

/**
 * A 2-byte CID as the bytes of a literal string: half the length of its hex,
 * the sample's PDF 1.5 % smaller and its text operators made in 0.85 of the time.
 */
export const literalCid = (gid: number) => literalByte(gid >> 8) + literalByte(gid & 0xff);

export class DocumentFonts {
  readonly used = new Map<string, EmbeddedFont>();
  /** The CIDs given out, by font and glyph id: 450,000 glyphs, a few thousand distinct. */
  private readonly numberedBy = new Map<EmbeddedFont, Numbered>();
  private uses = 0;
  private hashA = 0x811c9dc5;
  private hashB = 0;
  /** First uses while a page is drawn, for the session's page cache. */
  recording: FirstUse[] | undefined;
  /** The objects a page's drawing makes, in order, for the session's page cache (drawn-pages.ts). */
  pageObjects: PageObject[] | undefined;

  constructor(private readonly doc: FontDoc, private readonly files: ReadonlyMap<string, Uint8Array | Font>) {}

  get(key: string): EmbeddedFont {
    let font = this.used.get(key);
    if (font) return font;
    const file = this.files.get(key);
    if (!file) throw new Error(`renderPdf: no font for ${key}`);
    // An opened font is not parsed again, and keeps the glyphs it decoded for the last subset (watch).
    this.doc.registerFont(key, file instanceof Uint8Array ? Buffer.from(file) : file);
    this.doc.font(key);
    font = [...this.used.values()].includes(this.doc._font) ? this.fontOfItsOwn(key, this.doc._font) : this.doc._font;
    quickenSubset(font.subset);
    this.used.set(key, font);
    this.mix(key, -1);
    return font;
  }

  /**
   * pdfkit took a font it has already for this key's: it matches fonts by
   * PostScript name and name records, which two files share when one is a
   * subset of the other, its glyphs numbered anew, and one would be drawn
   * with the other's outlines. The match is hidden from pdfkit while this
   * key's file is opened as a font of its own.
   */
  private fontOfItsOwn(key: string, taken: EmbeddedFont): EmbeddedFont {
    const families = this.doc._fontFamilies;
    delete families[taken.name];
    this.doc.font(key);
    // Put back, unless this key is that name: pdfkit embeds the fonts it keeps, and keeps the other by its own key.
    if (taken.name !== key) families[taken.name] = taken;
    return this.doc._font;
  }

  /** The CID of a glyph in the subset (literalCid), registering its width and text the first time. */
  cid(font: EmbeddedFont, g: Pick<PositionedGlyph, 'fontKey' | 'glyphId' | 'advanceEm' | 'text'>): string {
    const known = this.numbered(font);
    const code = known.code[g.glyphId];
    if (code !== undefined) return code;
    const gid = font.subset.includeGlyph(g.glyphId);
    font.widths[gid] ??= g.advanceEm * 1000;
    font.unicode[gid] ??= [...g.text].map((c) => c.codePointAt(0)!);
    this.mix(g.fontKey, g.glyphId);
    this.recording?.push({ fontKey: g.fontKey, glyphId: g.glyphId, advanceEm: g.advanceEm, text: g.text });
    known.widthEm[g.glyphId] = font.widths[gid]! / 1000;
    return (known.code[g.glyphId] = literalCid(gid));
  }

  /** The font's glyphs numbered so far (cid() numbers a new one), for a run of glyphs to read without a lookup each. */
  numbered(font: EmbeddedFont): Numbered {
    let known = this.numberedBy.get(font);
    // Sized to the font: an array written first at a high glyph id would be a hash table, a lookup for each of the 450,000 glyphs.
    if (!known) this.numberedBy.set(font, (known = { code: new Array<string>(font.font.numGlyphs), widthEm: new Array<number>(font.font.numGlyphs) }));
    return known;
  }

  /** Everything registered and numbered so far, as one string: equal fingerprints, equal state. */
  fingerprint(): string {
    return `${this.uses}:${this.hashA}:${this.hashB}`;
  }

  /** Two 32-bit hashes and a count over the order of first uses (a collision of both is 1 in 2⁶⁴). */
  private mix(key: string, glyphId: number): void {
    this.uses++;
    for (const c of `${key}#${glyphId};`) {
      const code = c.charCodeAt(0);
      this.hashA = Math.imul(this.hashA ^ code, 0x01000193) >>> 0;
      this.hashB = (Math.imul(this.hashB, 31) + code + 0x9e3779b9) >>> 0;
    }
  }
}
