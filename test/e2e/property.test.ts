/**
 * Property tests (fast-check): manuscripts made at random from the format's
 * constructs — Chinese text, runs of punctuation, Latin, numbers, figures,
 * tables, index terms — always check and lay out, or fail with diagnostics,
 * within a time bound; composition keeps every input character, and every
 * hanzi typed — indented as Word pastes, fenced, or left unclosed at the end
 * of the file — reaches the composed pages.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkManuscript, layoutForPrint, setParagraphs } from '../../src/build/index.ts';
import { loadTemplate } from '../../src/config/index.ts';
import { createFontProvider, type FontProvider } from '../../src/font/index.ts';
import { imageSizeOf, loadFontSet, readManuscript, readTemplateFile } from '../../src/io/index.ts';
import type { DisplayItem } from '../../src/layout/index.ts';
import { jpeg, writeManuscript } from '../helpers/manuscript.ts';
import { missingHan, printedSource } from '../helpers/outputs.ts';

const HAN = [...'河西区年鉴经济发展城市建设社会事业街道社区服务工作会议推动高质量天津市政府人民代表大会'];
const PUNCT = [...'，。、；：？！“”（）《》'];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 12 }).map((a) => a.join('')) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PUNCT), { minLength: 1, maxLength: 3 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('——', '……', '1154.2', '4.4%', '¥100', '2023-11-30', 'PM2.5', '5G', 'office work', '10,718') },
  { weight: 1, arbitrary: fc.constantFrom(...HAN).map((c) => `:index[${c}${c}]`) },
);
const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
const block = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.array(fc.constantFrom(...HAN), { minLength: 2, maxLength: 8 }), text).map(([t, body]) => `【${t.join('')}】 ${body}`) },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: text.map((t) => `![${t.replace(/[[\]:]/g, '')}](photos/a.jpg "区融媒体中心提供")`) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.oneof(text.map((t) => t.replace(/[|:]/g, '')), fc.constantFrom('123', '45.6%')), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 })
    .map((rows) => `::caption[表]\n\n| 甲 | 乙 | 丙 |\n| - | - | -: |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`) },
);
/** Forms editors paste that CommonMark reads as code (issue 16): indented by a tab or 4 spaces, or fenced. */
const pasted = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('\t', '    ', ' \t'), block).map(([indent, b]) => b.split('\n').map((l) => indent + l).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```text'), text).map(([fence, t]) => `${fence}\n${t}\n${fence.slice(0, 3)}`) },
);
/** What may end a file unclosed: a fence or a name list that runs to the end. */
const unclosed = fc.oneof(
  fc.constant(''),
  text.map((t) => `\n\n\`\`\`\n${t}`),
  fc.array(fc.array(fc.constantFrom(...HAN), { minLength: 2, maxLength: 3 }).map((a) => a.join('')), { minLength: 1, maxLength: 8 }).map((names) => `\n\n:::names\n${names.join(' ')}`),
);
const chapterBlocks = fc.array(fc.oneof({ weight: 5, arbitrary: block }, { weight: 1, arbitrary: pasted }), { minLength: 1, maxLength: 6 });
const manuscript = fc.tuple(fc.array(chapterBlocks, { minLength: 1, maxLength: 3 }), unclosed)
  .map(([chapters, end]) => `# 区情概览\n\n${chapters.map((c, i) => `## 第${i + 1}章\n\n${c.join('\n\n')}`).join('\n\n')}${end}\n`);

/** The text of a page's glyphs, tables turned on their page included. */
const textOf = (items: readonly DisplayItem[]): string =>
  items.map((i) => (i.kind === 'glyphs' ? i.glyphs.toArray().map((g) => g.text).join('') : i.kind === 'group' ? textOf(i.items) : '')).join('\n');

let fonts: FontProvider;
let image: Buffer;
beforeAll(async () => {
  fonts = createFontProvider(await loadFontSet());
  image = await jpeg(300, 200);
});

describe('random manuscripts', () => {
  test('always check and lay out within the time bound, and compose every character once', async () => {
    await fc.assert(fc.asyncProperty(manuscript, async (md) => {
      const dir = writeManuscript({ '01-篇.md': md, 'photos/a.jpg': image });
      const started = performance.now();
      const read = await readManuscript(dir);
      const checked = checkManuscript(read.files, read.all);
      expect(checked.book, read.all.flatMap((f) => f.messages.map((m) => m.reason)).join('\n')).toBeDefined();
      const book = checked.book!;
      const template = loadTemplate(await readTemplateFile(dir, book.settings.template))!;
      const laid = layoutForPrint({ book, template, fonts, imageSize: imageSizeOf(read) });
      expect(laid.paged.pages.length).toBeGreaterThan(0);
      // Nothing typed is dropped: every hanzi of the file is on the pages (indented, fenced and unclosed forms too).
      expect(missingHan(printedSource(md), laid.paged.pages.map((p) => textOf(p.items)).join('\n'))).toEqual([]);
      // Every paragraph as the layout set it: each character once, in order.
      for (const b of setParagraphs(book, laid.paged)) {
        const input = b.input.runs.map((r) => (r.kind === 'text' ? r.text.replace(/[\s\u3000]/g, '') : '')).join('');
        expect(b.lines.flatMap((l) => l.glyphs.toArray().map((g) => g.text)).join('')).toBe(input);
      }
      expect(performance.now() - started).toBeLessThan(10_000);
    }), { numRuns: 40, seed: 20241101 });
  }, 300_000);
});
