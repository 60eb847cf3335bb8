/**
 * Shaping for the composer: text of one composition unit → glyphs with
 * advances in em. CJK characters are looked up by cmap (with a cache);
 * Latin and number tokens go through fontkit's layout for kerning and
 * ligatures (cached by text). A character the role's font lacks falls back
 * through the fallback list; superscript digits no font has are made from
 * ordinary digits, smaller and raised; anything else is reported missing and
 * set as the font's .notdef box, never as a silent gap.
 */
import type { Font } from './index.ts';
import { isBlankGlyph, shouldHaveInk } from './blank-glyph.ts';

export type FontRole = 'body' | 'heading' | 'caption';

export interface FontStyle {
  role: FontRole;
  bold: boolean;
  /** Tables (R-MIX-5): every digit on the same advance, so numbers line up digit by digit (issue 18). */
  figures?: 'tabular';
}

/** One glyph of a shaped unit. */
export interface GlyphRef {
  fontKey: string;
  glyphId: number;
  /** Advance in em of the run's size. */
  advanceEm: number;
  /** Horizontal offset in em from the pen position (kerning, marks). */
  offsetEm: number;
  /** Size factor (1 = run size); superscripts use less. */
  scale: number;
  /** Baseline shift in em, up positive. */
  riseEm: number;
  /** The text this glyph stands for. */
  text: string;
}

export interface ShapedUnit {
  glyphs: GlyphRef[];
  advanceEm: number;
  /** Characters no font has (each set as .notdef). */
  missing: string[];
}

export interface FontProvider {
  shape(text: string, style: FontStyle): ShapedUnit;
  /** The advance of a word space in em. */
  spaceEm(style: FontStyle): number;
}

export interface RoleFonts {
  regular: Font;
  bold?: Font;
}

export interface FontSet {
  roles: Record<FontRole, RoleFonts>;
  fallback: Font[];
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Superscripts made from digits: 60 % size, raised 0.35 em (the size of a note marker). */
const SUPERSCRIPT_SCALE = 0.6;
const SUPERSCRIPT_RISE_EM = 0.35;
/** A number token: ASCII digits and the marks that stand within numbers (one UTF-16 unit each). */
const NUMBER = /^[0-9.,:%+\-\/]+$/;
/** ——, ……: one 2-em unit; fontkit's fwid feature gives the joined 2-em dash. */
const FULL_WIDTH_FEATURES = ['fwid'];

interface FontkitLayout {
  glyphs: Array<{ id: number; advanceWidth: number; codePoints: number[] }>;
  positions: Array<{ xAdvance: number; xOffset: number }>;
}

/**
 * A glyph's advance from hmtx. fontkit's glyph.advanceWidth also works out
 * vertical metrics, which for a font without vmtx means decoding the whole
 * outline: a book's five thousand distinct hanzi cost a fifth of a second so.
 */
function advanceUnits(font: Font, glyph: { id: number; advanceWidth: number }): number {
  const metrics = font.hmtx?.metrics;
  if (!metrics || metrics.length === 0) return glyph.advanceWidth;
  return metrics.get(Math.min(glyph.id, metrics.length - 1)).advance;
}

function keyOf(font: Font): string {
  return font.postscriptName;
}

/** The map of `style` in `maps` (of its role and weight only, unless `figures`), made when first asked for. */
function byStyle<V>(maps: Map<string, Map<string, V>>, style: FontStyle, figures = true): Map<string, V> {
  const key = `${style.bold ? `${style.role}-bold` : style.role}${figures && style.figures === 'tabular' ? '-tnum' : ''}`;
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
}

/** An empty glyph for a visible character would print a gap (blank-glyph.ts): the character is taken from the next font, or is glyph-missing. */
function printsNothing(font: Font, id: number, text: string): boolean {
  return shouldHaveInk(text) && (font.isBlank ? font.isBlank(id) : isBlankGlyph(font, id));
}

/** The real provider over fontkit fonts. */
export function createFontProvider(set: FontSet): FontProvider {
  /** Shaped units by style, then by text: no key string is built per lookup. */
  const cache = new Map<string, Map<string, ShapedUnit>>();

  const primary = (style: FontStyle): Font => (style.bold ? set.roles[style.role].bold ?? set.roles[style.role].regular : set.roles[style.role].regular);
  const chain = (style: FontStyle): Font[] => [primary(style), set.roles[style.role].regular, ...set.fallback];

  /**
   * Each font's key and units per em, read once: fontkit reads them from the
   * name and head tables at every ask, a tenth of the time of shaping a new
   * character.
   */
  const facts = new Map<Font, { key: string; unitsPerEm: number }>();
  const factsOf = (font: Font) => {
    let f = facts.get(font);
    if (!f) facts.set(font, (f = { key: keyOf(font), unitsPerEm: font.unitsPerEm }));
    return f;
  };

  function glyphOf(ch: string, style: FontStyle): GlyphRef | null {
    const cp = ch.codePointAt(0)!;
    for (const family of chain(style)) {
      // A family of split subsets answers with the subset that has the character (issue 18).
      const font = family.pieceFor ? family.pieceFor(cp) : family;
      if (!font) continue;
      // Glyph 0 (.notdef) for a character the font does not have: one cmap lookup, not two.
      const g = font.glyphForCodePoint(cp);
      if (g.id === 0 || printsNothing(font, g.id, ch)) continue;
      const { key, unitsPerEm } = factsOf(font);
      return { fontKey: key, glyphId: g.id, advanceEm: advanceUnits(font, g) / unitsPerEm, offsetEm: 0, scale: 1, riseEm: 0, text: ch };
    }
    const sup = SUPERSCRIPTS.indexOf(ch);
    if (sup >= 0) {
      const digit = glyphOf(String(sup), style);
      if (digit) return { ...digit, advanceEm: digit.advanceEm * SUPERSCRIPT_SCALE, scale: SUPERSCRIPT_SCALE, riseEm: SUPERSCRIPT_RISE_EM, text: ch };
    }
    return null;
  }

  function notdef(ch: string, style: FontStyle): GlyphRef {
    return { fontKey: factsOf(primary(style)).key, glyphId: 0, advanceEm: 1, offsetEm: 0, scale: 1, riseEm: 0, text: ch };
  }

  /**
   * Each character's glyph by role and weight, looked up once: fontkit's cmap
   * look-up is a tenth of a millisecond, and the digits of two thousand
   * numbers (and the hanzi of table cells, shaped for tabular figures) would
   * each be looked up again.
   */
  const glyphsByStyle = new Map<string, Map<string, GlyphRef | null>>();
  function characterGlyph(ch: string, style: FontStyle): GlyphRef | null {
    const known = byStyle(glyphsByStyle, style, false);
    let g = known.get(ch);
    if (g === undefined) known.set(ch, (g = glyphOf(ch, style)));
    return g;
  }

  function byCharacter(text: string, style: FontStyle): ShapedUnit {
    const glyphs: GlyphRef[] = [];
    const missing: string[] = [];
    for (const ch of text) {
      const g = characterGlyph(ch, style);
      if (!g) missing.push(ch);
      glyphs.push(g ?? notdef(ch, style));
    }
    return { glyphs, advanceEm: glyphs.reduce((w, g) => w + g.advanceEm, 0), missing };
  }

  /** The font that lays out `text`: the font itself, or the one subset of a split family that has all of it. */
  function pieceOf(font: Font, text: string): Font | undefined {
    if (!font.pieceFor) return font;
    const piece = font.pieceFor(text.codePointAt(0)!);
    for (const ch of text) if (font.pieceFor(ch.codePointAt(0)!) !== piece) return undefined;
    return piece;
  }

  /** Latin and number tokens, and long marks: fontkit layout with kerning, ligatures, fwid. */
  function laidOut(text: string, style: FontStyle, features: string[]): ShapedUnit | null {
    const font = pieceOf(primary(style), text);
    if (!font) return null;
    const run = font.layout(text, features) as unknown as FontkitLayout;
    if (run.glyphs.some((g) => g.id === 0 || printsNothing(font, g.id, String.fromCodePoint(...g.codePoints)))) return null;
    const { key, unitsPerEm: em } = factsOf(font);
    const glyphs = run.glyphs.map((g, i) => ({
      fontKey: key, glyphId: g.id, advanceEm: run.positions[i]!.xAdvance / em, offsetEm: run.positions[i]!.xOffset / em,
      scale: 1, riseEm: 0, text: String.fromCodePoint(...g.codePoints),
    }));
    return { glyphs, advanceEm: glyphs.reduce((w, g) => w + g.advanceEm, 0), missing: [] };
  }

  /** Pairs of number characters that fontkit sets as the two glyphs on their own, by style. */
  const plainPairs = new Map<string, Map<string, boolean>>();

  /** Does fontkit's layout of the pair `ab` give a's glyph then b's, at their own advances (no kerning, ligature or offset)? */
  function isPlainPair(pair: string, style: FontStyle): boolean {
    const known = byStyle(plainPairs, style);
    let plain = known.get(pair);
    if (plain === undefined) {
      const laid = laidOut(pair, style, []);
      const alone = [...pair].map((ch) => shape(ch, style).glyphs[0]!);
      plain = laid !== null && laid.glyphs.length === 2 && laid.glyphs.every((g, i) => {
        const a = alone[i]!;
        return g.fontKey === a.fontKey && g.glyphId === a.glyphId && g.advanceEm === a.advanceEm && g.offsetEm === 0 && g.text === a.text;
      });
      known.set(pair, plain);
    }
    return plain;
  }

  /**
   * A number (digits and the marks within numbers) whose every two neighbours
   * fontkit sets plainly is set glyph by glyph: the same glyphs at the same
   * advances as fontkit's layout of the whole, as pair kerning and ligatures
   * act on neighbours. A yearbook has a few thousand distinct numbers, and a
   * fontkit layout of each took 90 ms; its digits make a hundred pairs.
   */
  function isPlainNumber(text: string, style: FontStyle): boolean {
    if (!NUMBER.test(text)) return false;
    for (let i = 0; i + 1 < text.length; i++) if (!isPlainPair(text.slice(i, i + 2), style)) return false;
    return true;
  }

  /** The widest digit of the style's font: the advance of every digit in tabular figures. */
  const tabularEm = new Map<string, number>();
  function tabularAdvance(style: FontStyle): number {
    const key = `${style.role}-${style.bold ? 1 : 0}`;
    let em = tabularEm.get(key);
    if (em === undefined) tabularEm.set(key, (em = Math.max(...[...'0123456789'].map((d) => byCharacter(d, { role: style.role, bold: style.bold }).advanceEm))));
    return em;
  }

  /**
   * Tabular figures: the font's `tnum` where it has one (Noto Serif SC has
   * none), otherwise each digit centred on the widest digit's advance.
   */
  function tabular(text: string, style: FontStyle): ShapedUnit {
    const tnum = laidOutWith(text, style, ['tnum']);
    if (tnum) return tnum;
    const em = tabularAdvance(style);
    const shaped = byCharacter(text, style);
    const glyphs = shaped.glyphs.map((g) => (/^[0-9]$/.test(g.text) ? { ...g, offsetEm: g.offsetEm + (em - g.advanceEm) / 2, advanceEm: em } : g));
    return { glyphs, advanceEm: glyphs.reduce((w, g) => w + g.advanceEm, 0), missing: shaped.missing };
  }

  /** fontkit's layout with `features` when the font has all of them. */
  function laidOutWith(text: string, style: FontStyle, features: string[]): ShapedUnit | null {
    const font = pieceOf(primary(style), text);
    if (!font || !features.every((f) => font.availableFeatures?.includes(f))) return null;
    return laidOut(text, style, features);
  }

  function shapeUncached(text: string, style: FontStyle): ShapedUnit {
    if (style.figures === 'tabular' && NUMBER.test(text)) return tabular(text, style);
    if ([...text].length === 1) return byCharacter(text, style);
    const isLongMark = /^(——|⸺)$/.test(text);
    if (isLongMark) return laidOut(text, style, FULL_WIDTH_FEATURES) ?? byCharacter(text, style);
    if (/^[…⋯]+$/.test(text)) return byCharacter(text, style);
    if (isPlainNumber(text, style)) return byCharacter(text, style);
    return laidOut(text, style, []) ?? byCharacter(text, style);
  }

  function shape(text: string, style: FontStyle): ShapedUnit {
    // Tabular figures change numbers only: other text in a table is shaped (and kept) as the role's own.
    const figures = style.figures === 'tabular' && NUMBER.test(text);
    const byText = byStyle(cache, style, figures);
    let shaped = byText.get(text);
    if (!shaped) {
      shaped = shapeUncached(text, figures ? style : { role: style.role, bold: style.bold });
      byText.set(text, shaped);
    }
    return shaped;
  }

  return {
    shape,
    spaceEm(style) {
      return shape(' ', style).advanceEm;
    },
  };
}
