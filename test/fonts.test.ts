/**
 * The default fonts arrive with npm install, cover GB 2312 and every
 * character of the sample manuscript, and subset cleanly with fontkit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { FONT_ROLES, type FontConfig } from '../src/config/index.ts';
import { createFontProvider, type Font, missingCharacters, openFont } from '../src/font/index.ts';
import { DEFAULT_FONTS_DIR, loadFontFile, loadFonts, loadFontSet, readFontConfig } from '../src/io/index.ts';

/** The 6,763 hanzi of GB 2312 (rows 16–87), enumerated by decoding the code table. */
function gb2312Hanzi(): string {
  const decoder = new TextDecoder('gb18030');
  let out = '';
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) continue; // row 55 ends at 0xD7F9
      out += decoder.decode(new Uint8Array([row, cell]));
    }
  }
  return out;
}

function manuscriptText(): string {
  const dir = join(import.meta.dirname, '../manuscript');
  const files = [...readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => join(dir, n)), ...readdirSync(join(dir, 'front')).map((n) => join(dir, 'front', n))];
  return files.map((f) => readFileSync(f, 'utf8')).join('');
}

let config: FontConfig;
const fonts = new Map<string, Font>();
beforeAll(async () => {
  const read = await readFontConfig();
  expect(read.file.messages).toEqual([]);
  config = read.config!;
  for (const role of ['body', 'heading'] as const) fonts.set(role, await loadFontFile(DEFAULT_FONTS_DIR, config.roles[role].regular));
});

describe('default fonts', () => {
  test('every role names a regular and a bold file that opens', async () => {
    for (const role of FONT_ROLES) {
      expect(config.roles[role].bold, role).toBeDefined();
      if (config.roles[role].bold!.endsWith('.css')) continue; // split subsets: the next test
      const bold = await loadFontFile(DEFAULT_FONTS_DIR, config.roles[role].bold!);
      expect(bold.numGlyphs).toBeGreaterThan(20_000);
    }
  });

  test('caption (Kai): LXGW WenKai from its split subsets, regular and bold, covers the 6,763 hanzi of GB 2312 (issue 18)', async () => {
    expect(config.roles.caption.family).toBe('LXGW WenKai');
    const { caption } = (await loadFontSet()).roles;
    const hanzi = gb2312Hanzi();
    for (const face of [caption.regular, caption.bold!]) {
      expect(face.pieceFor, 'a family of subsets').toBeDefined();
      expect(missingCharacters(hanzi, [face])).toEqual([]);
      // Each character comes from a subset font that has it, under a key of its own.
      const piece = face.pieceFor!('楷'.codePointAt(0)!)!;
      expect(piece.glyphForCodePoint('楷'.codePointAt(0)!).id).toBeGreaterThan(0);
      expect(piece.postscriptName).toMatch(/^LXGWWenKai-(Regular|Medium)-result-\d+$/);
    }
  }, 120_000);

  test('body (Song) and heading (Hei) cover the 6,763 hanzi of GB 2312', () => {
    const hanzi = gb2312Hanzi();
    expect([...hanzi]).toHaveLength(6763);
    for (const role of ['body', 'heading']) expect(missingCharacters(hanzi, [fonts.get(role)!]), role).toEqual([]);
  });

  test('body font and its fallback have every character of the sample but the superscript digits', async () => {
    const chain = [fonts.get('body')!, ...(await Promise.all(config.fallback.map((p) => loadFontFile(DEFAULT_FONTS_DIR, p))))];
    // Note markers ⁵…⁹ ⁰ of the 政府工作报告 (¹ ² ³ ⁴ are in the fonts): no open CJK font
    // has them, so the composer must set them as raised small digits.
    expect(missingCharacters(manuscriptText(), chain).sort()).toEqual([...'⁰⁵⁶⁷⁸⁹'].sort());
  });

  test('a subset encodes and opens again with the glyphs it was given', () => {
    const font = fonts.get('body')!;
    const subset = font.createSubset();
    for (const ch of '天津市河西年鉴，。“”') subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!));
    const reopened = openFont(subset.encode());
    expect(reopened.numGlyphs).toBe(12); // .notdef + 11
  });
});

test('fonts open when first needed: the role faces at once, a bold face when a text first asks for it', async () => {
  const loaded = await loadFonts();
  // A family of split subsets (the Kai) opens a subset only when a character of it is set.
  const regulars = FONT_ROLES.map((r) => loaded.set.roles[r].regular).filter((f) => !f.pieceFor).map((f) => f.postscriptName);
  expect([...loaded.opened.keys()].sort()).toEqual([...new Set(regulars)].sort());
  const bold = loaded.set.roles.body.bold!;
  expect(loaded.opened.size).toBe(new Set(regulars).size);
  createFontProvider(loaded.set).shape('年鉴', { role: 'body', bold: true });
  expect(loaded.opened.has(bold.postscriptName)).toBe(true);
  expect(loaded.bytes.get(bold.postscriptName)!.length).toBeGreaterThan(1_000_000);
});

test('R-MIX: a number set glyph by glyph has the glyphs, advances and offsets of fontkit\'s layout of the whole', async () => {
  const loaded = await loadFonts();
  const provider = createFontProvider(loaded.set);
  const numbers = [...new Set(manuscriptText().match(/[0-9][0-9.,:%+\-/]*[0-9%]/g) ?? [])];
  expect(numbers.length).toBeGreaterThan(1500);
  for (const style of [{ role: 'body', bold: false }, { role: 'body', bold: true }, { role: 'heading', bold: false }] as const) {
    const font = style.bold ? loaded.set.roles[style.role].bold! : loaded.set.roles[style.role].regular;
    let layouts = 0;
    const layout = font.layout.bind(font);
    font.layout = ((...args: Parameters<typeof layout>) => {
      layouts++;
      return layout(...args);
    }) as typeof font.layout;
    try {
      for (const n of numbers) {
        const whole = layout(n) as { glyphs: Array<{ id: number }>; positions: Array<{ xAdvance: number }> };
        const set = provider.shape(n, style).glyphs;
        expect(set.map((g) => g.glyphId), n).toEqual(whole.glyphs.map((g) => g.id));
        expect(set.map((g) => g.advanceEm * font.unitsPerEm), n).toEqual(whole.positions.map((p) => p.xAdvance));
        expect(set.every((g) => g.offsetEm === 0)).toBe(true);
      }
    } finally {
      font.layout = layout;
    }
    // One fontkit layout per pair of neighbours met, not one per number.
    expect(layouts).toBeLessThan(numbers.length / 5);
  }
});

describe('a fonts.yaml that names fonts it may not use (issues 16, 22)', () => {
  test('a file that is no font (an absolute path or one out of the folder) and a missing file are errors at their lines of fonts.yaml, never a crash', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { FontConfigError, loadFontSet } = await import('../src/io/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'nianjian-fonts-'));
    const yaml = readFileSync(join(DEFAULT_FONTS_DIR, 'fonts.yaml'), 'utf8')
      .replace('npm:@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', '../../../../etc/passwd')
      .replace('npm:@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf', 'missing.ttf')
      .replace('npm:@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', '/etc')
      .replace('npm:@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf', 'npm:no-such-font-package/a.ttf');
    writeFileSync(join(dir, 'fonts.yaml'), yaml);
    const error = await loadFontSet(dir).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FontConfigError);
    const lineOf = (needle: string) => yaml.slice(0, yaml.indexOf(needle)).split('\n').length;
    const found = (error as InstanceType<typeof FontConfigError>).file.messages.map((m) => `${m.line} ${m.ruleId}`);
    expect(found).toEqual([
      `${lineOf('../../../../etc/passwd')} font-file-invalid`, `${lineOf('npm:no-such-font-package')} font-package-missing`,
      `${lineOf('missing.ttf')} font-file-missing`, `${lineOf('/etc\n')} font-file-invalid`,
    ]);
    // The column is the path's own, as an editor jumps there: `    regular: missing.ttf` → 14.
    const columnOf = (needle: string) => yaml.slice(yaml.lastIndexOf('\n', yaml.indexOf(needle)) + 1).indexOf(needle) + 1;
    const missing = (error as InstanceType<typeof FontConfigError>).file.messages.find((m) => m.ruleId === 'font-file-missing')!;
    expect(missing.column).toBe(columnOf('missing.ttf'));
    expect(missing.column).toBeGreaterThan(1);
  });

  test('check reads a book\'s fonts.yaml as a build does: problems at their line and column, none for a file all commented out', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { checkBookFonts } = await import('../src/io/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'nianjian-book-fonts-'));
    expect(await checkBookFonts(dir)).toBeUndefined();
    writeFileSync(join(dir, 'fonts.yaml'), '# roles:\n#   body:\n#     regular: fonts/book.ttf\n');
    expect((await checkBookFonts(dir))!.messages).toEqual([]);
    writeFileSync(join(dir, 'fonts.yaml'), 'roles:\n  caption:\n    family: 楷\n    regular: "fonts/kai.ttf"\nfallback:\n  - /etc\n');
    const found = (await checkBookFonts(dir))!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(found).toEqual(['4:15 font-file-missing', '6:5 font-file-invalid']);
  });
});

describe('the decoded Kai subsets kept in node_modules/.cache (issue 16: caches cannot poison a build)', () => {
  test('a damaged or emptied subset is decoded again, to the same bytes', async () => {
    const { readdirSync: list, writeFileSync: write } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { trueTypeOf, woff2Ready } = await import('../src/io/split-font.ts');
    await woff2Ready();
    const pkg = join(createRequire(import.meta.url).resolve('@chinese-fonts/lxgwwenkai/package.json'), '..');
    const woff2 = list(pkg, { recursive: true }).map(String).filter((n) => n.endsWith('.woff2')).slice(0, 2).map((n) => join(pkg, n));
    const fresh = woff2.map((f) => trueTypeOf(f));
    const cacheDir = join(pkg, '..', '..', '.cache', 'nianjian-fonts');
    const kept = list(cacheDir).filter((n) => woff2.some((f) => n.startsWith(f.replace(/^.*\//, '').replace('.woff2', ''))));
    expect(kept.length).toBe(2);
    write(join(cacheDir, kept[0]!), '');
    const damaged = readFileSync(join(cacheDir, kept[1]!));
    write(join(cacheDir, kept[1]!), damaged.fill(0x41, 100, 400));
    woff2.forEach((f, i) => expect(trueTypeOf(f).equals(fresh[i]!), f).toBe(true));
  });
});

describe('R-PUN-1: an opening quote stands at the end of its 1-em cell in every role\'s font', () => {
  test('LXGW WenKai\'s proportional “ (0.35 em) is set against the word it opens, as Noto\'s full-width one is, never against the word before or into the margin', async () => {
    const { composeParagraph, BODY, EMPHASIS } = await import('../src/compose/index.ts');
    const fonts = createFontProvider(await loadFontSet());
    const size = 10;
    for (const style of [BODY, EMPHASIS]) {
      let quotes = 0;
      const options = { fontSizePt: size, measurePt: 12 * size, punctuation: 'quanjiao' as const, kinsoku: 'standard' as const, fonts };
      // The second line begins with the quote: 十二个字把第一行排满……
      const text = '举办“永远跟党走”活动，一二三四五“六七”八九十。';
      // Set ragged, so that no justification space stands between the cells.
      const lines = composeParagraph({ runs: [{ kind: 'text', text, style }], indentEm: 0, align: 'start' }, options).lines;
      for (const line of lines) {
        const glyphs = line.glyphs.toArray();
        glyphs.forEach((g, i) => {
          if (g.text !== '“') return;
          quotes++;
          const right = g.xPt + g.advanceEm * g.sizePt * g.scale;
          const next = glyphs[i + 1]!;
          // The quote's cell ends where the next character begins: its glyph ends there too.
          expect(next.xPt - right, `${style.role}: “ before ${next.text}`).toBeCloseTo(0, 1);
          // Its blank is before it, inside the line: at a line start nothing stands out into the margin.
          expect(g.xPt).toBeGreaterThanOrEqual(-0.01);
        });
      }
      expect(quotes, `${style.role}: the text's two “ were found`).toBe(2);
    }
  });
});
