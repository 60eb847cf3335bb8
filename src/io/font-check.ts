/**
 * Whether an opened font can be set (issue 16: a font file named in
 * fonts.yaml that is truncated, damaged or not meant for Chinese text is a
 * message at its line, never a crash in the middle of the layout). Each
 * table the composer and the PDF read is read here once, inside a guard.
 */
import { type Font, layoutTableFault, openFont } from '../font/index.ts';

/** Why a font cannot serve: damaged (the file must be replaced) or unusable (a whole font, but not one the book can set with). */
export interface FontFault {
  kind: 'damaged' | 'unusable';
  reason: string;
}

/** The tables without which fontkit cannot measure or draw a single character. */
const NEEDED_TABLES = ['head', 'hhea', 'hmtx', 'maxp', 'cmap'] as const;

/** 中: a character every Chinese font has; a role font without it cannot set the book. */
const CJK_PROBE = 0x4e2d;

type Directory = { tables: Record<string, { offset: number; length: number } | undefined> };

/** A table of the directory that lies (partly) past the end of the file: a file cut short. */
function cutTable(font: Font, size: number): string | undefined {
  const tables = (font as unknown as { directory?: Directory }).directory?.tables ?? {};
  return Object.entries(tables).find(([, t]) => t !== undefined && t.offset + t.length > size)?.[0];
}

/**
 * Opens `bytes` as a font and reads what a build reads of it: its metrics,
 * its name, its character map, a layout and a subset of one character.
 * `cjk`: the font serves a role (宋、黑、楷), so it must have Chinese characters.
 */
export function openCheckedFont(bytes: Uint8Array, cjk: boolean): { font: Font } | { fault: FontFault } {
  let font: Font;
  try {
    font = openFont(bytes);
  } catch {
    return { fault: { kind: 'damaged', reason: '文件头或表目录读不出' } };
  }
  const fault = faultOf(font, bytes, cjk);
  return fault ? { fault } : { font };
}

/** A GSUB or GPOS that fontkit would decode into all the memory there is (font/layout-tables.ts), named with why. */
function layoutFault(directory: Directory['tables'], bytes: Uint8Array): string | undefined {
  // Only where the directory's offsets are into these bytes: a plain .ttf or .otf (not WOFF's compressed tables, not a collection).
  const signature = Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1');
  if (!['\0\x01\0\0', 'OTTO', 'true'].includes(signature)) return undefined;
  for (const tag of ['GSUB', 'GPOS']) {
    const table = directory[tag];
    const why = table && layoutTableFault(bytes, table.offset, table.length);
    if (why) return `排版特性表 ${tag} ${why}`;
  }
  return undefined;
}

/**
 * What the PDF's font descriptor reads of the font (pdfkit's embed): the
 * post table's isFixedPitch, head's macStyle, the bounding box, the italic
 * angle. A missing or damaged post table made the PDF step die with a
 * TypeError (exit 70) after the whole layout; it is found here instead.
 */
function descriptorFault(font: Font): string | undefined {
  const tables = font as unknown as { post?: { isFixedPitch?: unknown }; head?: { macStyle?: unknown }; bbox: unknown; italicAngle: unknown };
  if (!tables.post) return '没有 PostScript 信息表（post），或读不出';
  if (!tables.head?.macStyle) return '字体头表（head）读不出';
  void tables.post.isFixedPitch;
  void tables.bbox;
  void tables.italicAngle;
  return undefined;
}

/** A glyph of the probe's layout, as fontkit gives it. */
interface ProbeGlyph { id: number; advanceWidth: number; codePoints: number[]; path: { commands: unknown[] } }

/**
 * A probe character the font has whose glyph has no width or no outline: a
 * zeroed hmtx (or hhea's count of metrics 0) sets every character on top of
 * the last, a zeroed glyf or loca prints every character blank; both built
 * without a word. Only where the font has outlines to read (glyf or CFF), not
 * a bitmap font.
 */
function blankGlyphFault(glyphs: ProbeGlyph[], directory: Directory['tables']): string | undefined {
  const has = glyphs.filter((g) => g.id !== 0);
  if (has.some((g) => !(g.advanceWidth > 0))) return '字宽表（hmtx/hhea）中字的宽度为 0，排出的字会叠在一起';
  const outlined = directory.glyf !== undefined || directory['CFF '] !== undefined || directory.CFF2 !== undefined;
  const blank = has.find((g) => g.path.commands.length === 0);
  if (outlined && blank) return `字形数据（glyf/loca 或 CFF）中“${String.fromCodePoint(...blank.codePoints)}”的字形是空的，印出来是空白`;
  return undefined;
}

function faultOf(font: Font, bytes: Uint8Array, cjk: boolean): FontFault | undefined {
  const cut = cutTable(font, bytes.byteLength);
  if (cut) return { kind: 'damaged', reason: `文件不完整，表 ${cut.trim()} 超出了文件末尾（文件可能没有下载或复制完整）` };
  const directory = (font as unknown as { directory?: Directory }).directory?.tables ?? {};
  const layout = layoutFault(directory, bytes);
  if (layout) return { kind: 'damaged', reason: layout };
  const absent = NEEDED_TABLES.filter((t) => !directory[t]);
  if (absent.includes('cmap')) return { kind: 'unusable', reason: '没有字符映射表（cmap），查不到任何字的字形' };
  if (absent.length > 0) return { kind: 'damaged', reason: `缺少必需的表 ${absent.join('、')}` };
  try {
    if (!(font.unitsPerEm > 0)) return { kind: 'unusable', reason: `字身单位（unitsPerEm）为 ${String(font.unitsPerEm)}，应为正数` };
    if (!(font.numGlyphs > 0)) return { kind: 'unusable', reason: '字体中没有字形' };
    if (!font.postscriptName) return { kind: 'unusable', reason: '没有 PostScript 名称（name 表），不能嵌入 PDF' };
    void font.ascent;
    void font.descent;
    const described = descriptorFault(font);
    if (described) return { kind: 'damaged', reason: described };
    if (cjk && !font.hasGlyphForCodePoint(CJK_PROBE)) return { kind: 'unusable', reason: '不含汉字（如“中”），不能排中文正文、标题或图注' };
    const probe = cjk ? '中文年鉴，Ab1' : 'Ab1';
    const laid = font.layout(probe) as { glyphs: ProbeGlyph[] };
    const blank = blankGlyphFault(laid.glyphs, directory);
    if (blank) return { kind: 'damaged', reason: blank };
    const subset = font.createSubset();
    for (const glyph of laid.glyphs) subset.includeGlyph(glyph);
    subset.encode();
  } catch {
    // fontkit's own words are English and name its internals: the editor is told what it means.
    return { kind: 'damaged', reason: '字体的数据表读不出' };
  }
  return undefined;
}
