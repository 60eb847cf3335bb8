/**
 * The composer, rule by rule (chinese-layout-spec §3–7), with the fake
 * monospace font: every hanzi and full-width mark is 1 em, Latin and digits
 * ½ em, so widths and positions are exact. Size 10 pt: 1 em = 10 pt.
 */
import { describe, expect, test } from 'vitest';
import { createMonospaceProvider } from '../font/index.ts';
import { LineMetrics } from './break-lines.ts';
import { buildUnits } from './build-units.ts';
import { composeParagraph } from './compose-paragraph.ts';
import { paragraphInLines } from './looseness.ts';
import { setLine } from './justify.ts';
import { BODY, RUN_IN_HEAD } from './from-model.ts';
import type { ComposeOptions, Line, ParagraphInput, Run } from './types.ts';

const EM = 10;
const opts = (measureEm: number, over: Partial<ComposeOptions> = {}): ComposeOptions => ({
  fontSizePt: EM, measurePt: measureEm * EM, punctuation: 'quanjiao', kinsoku: 'standard', fonts: createMonospaceProvider(), ...over,
});
const para = (text: string, indentEm = 0, align: ParagraphInput['align'] = 'justify'): ParagraphInput => ({
  runs: [{ kind: 'text', text, style: BODY }], indentEm, align,
});
const compose = (text: string, measureEm: number, over: Partial<ComposeOptions> = {}, indentEm = 0) =>
  composeParagraph(para(text, indentEm), opts(measureEm, over)).lines;
const texts = (lines: Line[]) => lines.map((l) => l.text);

/** Sets all of `text` as one justified, non-final line, whatever the breaker would do. */
function setAsOneLine(text: string, measureEm: number): Line {
  const o = opts(measureEm);
  const input = para(text);
  const list = buildUnits(input, o);
  const { gaps } = list;
  const breakInput = { units: list.units, runOf: list.runOf, gaps, indentEm: 0, measureEm, isJustified: true };
  return setLine({
    units: list.units, runOf: list.runOf, gaps, range: { from: 0, to: list.units.length - 1 }, isLast: false, input, fontSizePt: EM,
    measurePt: measureEm * EM, metrics: new LineMetrics(breakInput),
  });
}
/** x in em of the glyph standing for `ch` on `line` (the n-th one). */
const xOf = (line: Line, ch: string, n = 0) => line.glyphs.toArray().filter((g) => g.text === ch)[n]!.xPt / EM;
const endEm = (line: Line) => line.widthPt / EM;

describe('R-KIN line-break prohibitions', () => {
  test('R-KIN-1: no line starts with a pause mark or a closing mark', () => {
    // Ten hanzi fill the line; the ， and ” after them must not start the next.
    for (const mark of ['，', '。', '、', '；', '：', '？', '！', '”', '）', '》', '】']) {
      const lines = compose(`一二三四五六七八九十${mark}一二三四五`, 10);
      for (const l of lines.slice(1)) expect(l.text[0], `${mark} starts a line`).not.toBe(mark);
    }
  });

  test('R-KIN-1: no line starts with a connector, interpunct or solidus', () => {
    for (const mark of ['～', '·', '／']) {
      const lines = compose(`一二三四五六七八九十${mark}一二三四五`, 10);
      for (const l of lines.slice(1)) expect(l.text[0]).not.toBe(mark);
    }
  });

  test('R-KIN-2: no line ends with an opening mark', () => {
    for (const mark of ['“', '（', '《', '【']) {
      const lines = compose(`一二三四五六七八九${mark}十一二三四五六`, 10);
      for (const l of lines) expect(l.text.at(-1), `${mark} ends a line`).not.toBe(mark);
    }
  });

  test('R-KIN-3: (GB法) no line ends with a solidus', () => {
    const lines = compose('一二三四五六七八九/十一二三四五六', 10);
    for (const l of lines) expect(l.text.at(-1)).not.toBe('/');
  });

  test('R-KIN-4: —— may start a wrapped line at the GB法 level, not when strict', () => {
    const text = '一二三四五六七八九十——一二三四五六七';
    expect(texts(compose(text, 10)).some((t, i) => i > 0 && t.startsWith('——'))).toBe(true);
    expect(texts(compose(text, 10, { kinsoku: 'strict' })).some((t, i) => i > 0 && t.startsWith('——'))).toBe(false);
  });

  test('R-KIN-5: —— and …… are never split', () => {
    for (let shift = 0; shift < 4; shift++) {
      const lines = compose(`${'一'.repeat(7 + shift)}——二……三${'四'.repeat(12)}`, 10);
      const joined = lines.map((l) => l.text).join('|');
      expect(joined).not.toMatch(/—\|—|…\|…/);
    }
  });

  test('R-KIN-6: the doubled ellipsis stands on a line of its own', () => {
    const lines = compose('一二三…………四五六', 10);
    expect(texts(lines)).toEqual(['一二三', '…………', '四五六']);
  });

  test('R-KIN-6: in a paragraph longer than a line, nothing shares the doubled ellipsis\'s line, and the line before it is set flush', () => {
    const lines = compose('一二三四五六七八九十一二三四五六七八九十一二三…………甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸', 10);
    expect(texts(lines)).toEqual(['一二三四五六七八九十', '一二三四五六七八九十', '一二三', '…………', '甲乙丙丁戊己庚辛壬癸', '甲乙丙丁戊己庚辛壬癸']);
    // Spread, 一二三 stood 3½ em apart (R-JUS-7); the ellipsis is not spread either.
    expect(lines[2]!.spreadEm).toBe(0);
    expect(lines[3]!.spreadEm).toBe(0);
    expect(endEm(lines[2]!)).toBe(3);
  });

  test('R-KIN-6 with R-KIN-1/2: the marks that hold on to a doubled ellipsis go to its line, wherever it falls (“…………” was split over three lines)', () => {
    for (let lead = 0; lead < 12; lead++) {
      const text = `${'一'.repeat(lead)}他说：“…………”随后离开。议程（…………）已印发。会议结束…………。他说，…………，然后⋯⋯⋯⋯再议。`;
      const lines = compose(text, 10);
      expect(texts(lines).join('')).toBe(text);
      for (const line of lines) {
        if (/[…⋯]/.test(line.text)) expect(['“…………”', '（…………）', '…………。', '…………，', '⋯⋯⋯⋯']).toContain(line.text);
        expect(line.text).not.toMatch(/^[，。：”）]|[“（]$/);
      }
    }
  });

  test('R-KIN-6: a paragraph set in other line counts (先挤后推) keeps the doubled ellipsis alone', () => {
    const text = '一二三四五六七八九十一二三四五六七八…………甲乙丙丁戊己庚辛壬癸甲乙丙丁';
    const other = paragraphInLines(para(text), opts(10), 8);
    for (const count of [5, 6, 7]) {
      const lines = other(count)?.lines ?? [];
      for (const line of lines) if (line.text.includes('…')) expect(line.text).toBe('…………');
    }
    expect(other(5)).toBeDefined();
  });

  test('R-KIN-12: a web address that fits a line of its own is not set overfull because only a loose line avoids it (the first pass then gives way to the second)', () => {
    const lines = compose('详见区政府网站https://www.example.gov.cn/xwzx/index.html提升城市精细化管理水平。', 23, {}, 2);
    for (const line of lines) expect(line.widthPt).toBeLessThanOrEqual(line.measurePt + 0.05);
    expect(lines.map((l) => l.text).join('')).toBe('详见区政府网站https://www.example.gov.cn/xwzx/index.html提升城市精细化管理水平。');
    // R-JUS-5: the address's line is spread, but not inside it (https :// was letter-spaced where its pieces met).
    const url = lines.find((l) => l.text.includes('https'))!;
    expect(xOf(url, ':') - xOf(url, 'h')).toBe(2.5);
    expect(xOf(url, 'w') - xOf(url, '/', 1)).toBe(0.5);
  });

  test('R-JUS-7: where a long word leaves slack that some lines must take, it is shared, not all put on one line (全区深入推进 stood alone at 3 em a gap)', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconi'; // 41 letters, 20.5 em: 目新建 + it does not fit a line
    const lines = compose(`全区深入推进城市更新行动完成老旧小区改造项目新建${word}提升城市精细化管理水平。`, 23, {}, 2);
    expect(lines.map((l) => l.text).join('')).toBe(`全区深入推进城市更新行动完成老旧小区改造项目新建${word}提升城市精细化管理水平。`);
    expect(Math.max(...lines.map((l) => l.spreadEm))).toBeLessThan(1.5);
  });

  test('R-KIN-1, R-KIN-8: a range typed with ~ (1~3月) and a ratio with ∶ (3∶2) are never parted, wherever they fall in the line', () => {
    for (let lead = 0; lead < 12; lead++) {
      const lines = compose(`${'一'.repeat(lead)}全年1~3月比例3∶2和2.46∶1。`, 10);
      // One unit each, so no gap opens inside them either (R-MIX-1's ¼ em stood around ~ and ∶).
      if (lead === 0) expect(buildUnits(para('1~3月3∶2和2.46∶1'), opts(10)).units.map((u) => u.seg.text)).toEqual(['1~3', '月', '3∶2', '和', '2.46∶1']);
      for (const line of lines) {
        expect(line.text).not.toMatch(/^[~∶]|[~∶]$/);
      }
    }
  });

  test('a line break typed in the text (Markdown hard break) ends the line there, set flush; the EPUB has <br>', () => {
    const input: ParagraphInput = {
      runs: [{ kind: 'text', text: '地址：某某路1号', style: BODY }, { kind: 'break' }, { kind: 'text', text: '电话：12345678，邮编：300000，传真：87654321。', style: BODY }],
      indentEm: 0, align: 'justify',
    };
    const lines = composeParagraph(input, opts(12)).lines;
    expect(texts(lines)[0]).toBe('地址：某某路1号');
    expect(lines[0]!.spreadEm).toBe(0);
    expect(texts(lines).join('')).toBe('地址：某某路1号电话：12345678，邮编：300000，传真：87654321。');
  });

  test('R-KIN-7: a line may break between two 2-em units', () => {
    const lines = compose('一二三四五六七八————九十', 10);
    expect(texts(lines)[0]).toBe('一二三四五六七八——');
  });

  test('R-KIN-12: no hanging punctuation: the ink stays within the measure', () => {
    for (const measure of [8, 9, 10, 11]) {
      for (const l of compose('一二三四五六七八九十，一二三四五六七八九。一二三四五六七八九十、一二三', measure)) {
        expect(l.widthPt).toBeLessThanOrEqual(measure * EM + 0.05);
      }
    }
  });

  test('R-KIN-8: numbers with their prefix and postfix are never split', () => {
    for (const n of ['1154.2', '4.4%', '¥100', '2023-11-30', '10,718']) {
      for (let shift = 0; shift < 6; shift++) {
        const lines = compose(`${'一'.repeat(5 + shift)}${n}${'二'.repeat(14)}`, 10);
        expect(lines.some((l) => l.text.includes(n)), `${n} split at shift ${shift}`).toBe(true);
      }
    }
  });

  test('R-KIN-9: Latin words and letter-digit tokens are never split', () => {
    // 5G+ and C++ with their +: before, “5G / +”设备 split on p. 250 (the + set as a sign between hanzi).
    for (const w of ['PM2.5', '5G', 'G20', 'office', '5G+', 'C++']) {
      for (let shift = 0; shift < 5; shift++) {
        const lines = compose(`${'一'.repeat(6 + shift)}${w}${'二'.repeat(14)}`, 10);
        expect(lines.some((l) => l.text.includes(w))).toBe(true);
      }
    }
  });

  test('R-KIN-9: a number may break from the CJK unit after it', () => {
    const lines = compose('一二三四五六七八1154.2亿元同比增长', 10);
    expect(lines[0]!.text.endsWith('1154.2') || lines[0]!.text.endsWith('八')).toBe(true);
  });

  test('R-KIN-10: 先挤进 — a mark squeezes into the line when compression makes room', () => {
    // 6 hanzi +（七）+ 八 + ， = 10.5 em: ½ em too long, and the brackets can give it back.
    const lines = compose('一二三四五六（七）八，九十一二三四五', 10);
    expect(lines[0]!.text).toBe('一二三四五六（七）八，');
    expect(endEm(lines[0]!)).toBeCloseTo(10, 5);
  });

  test('R-KIN-10: 后推出 — when nothing can shrink, a character goes down with the mark', () => {
    const lines = compose('一二三四五六七八九十，一二三四五', 10);
    expect(lines[0]!.text).toBe('一二三四五六七八九');
    expect(lines[1]!.text.startsWith('十，')).toBe(true);
    expect(endEm(lines[0]!)).toBeCloseTo(10, 5);
  });
});

describe('R-PUN punctuation widths and compression', () => {
  test('R-PUN-1/R-PUN-10: a mark is 1 em inside the line, ½ em at the line end', () => {
    const [l1] = compose('一，二三四五六七八，一二三', 9.5);
    expect(xOf(l1!, '二') - xOf(l1!, '，')).toBeCloseTo(1, 5);
    expect(l1!.text.at(-1)).toBe('，');
    expect(endEm(l1!)).toBeCloseTo(9.5, 5);
  });

  test('R-PUN-2: —— is one 2-em unit, never compressed', () => {
    const [l] = compose('一——二', 10);
    expect(xOf(l!, '二') - xOf(l!, '一')).toBeCloseTo(3, 5);
  });

  test('R-PUN-3: ？？ and ？！ take 1 em together, ？？？ takes 2 em', () => {
    expect(xOf(compose('甲？？乙', 20)[0]!, '乙')).toBeCloseTo(2, 5);
    expect(xOf(compose('甲？！乙', 20)[0]!, '乙')).toBeCloseTo(2, 5);
    expect(xOf(compose('甲？？？乙', 20)[0]!, '乙')).toBeCloseTo(3, 5);
  });

  test('R-PUN-7: the adjustable blank is on the side away from the ink', () => {
    // ， keeps its ink at the box start when squeezed; （ keeps its ink at the box end.
    const l = setAsOneLine('一，（二）三，四五六七', 9.5);
    expect(xOf(l, '，') - xOf(l, '一')).toBeCloseTo(1, 5);
    expect(xOf(l, '二') - (xOf(l, '（') + 1)).toBeCloseTo(0, 5);
  });

  test('R-PUN-11: punctuation is compressed to keep the last character off a line of its own', () => {
    // 8 hanzi, two brackets and 。 = 10.5 em on a 10-em line: squeezed into one line, no lone 八。
    const lines = compose('一（二）三四五六七八。', 10);
    expect(texts(lines)).toEqual(['一（二）三四五六七八。']);
  });

  test('R-PUN-4/5/6: - / · are ½ em and centred', () => {
    for (const mark of ['-', '/', '·']) {
      const [l] = compose(`甲${mark}乙`, 10);
      expect(xOf(l!, '乙') - xOf(l!, '甲'), mark).toBeCloseTo(1.5, 5);
    }
    const [l] = compose('甲·乙', 10);
    expect(xOf(l!, '·') - 1).toBeCloseTo((0.5 - 0.25) / 2, 5); // the ¼-em glyph centred in ½ em
  });

  test('R-PUN-8: two adjacent marks take 1.5 em together', () => {
    for (const pair of ['）。', '”，', '。”', '，“', '（“', '》（']) {
      const [l] = compose(`甲${pair}乙`, 20);
      expect(xOf(l!, '乙') - xOf(l!, '甲'), pair).toBeCloseTo(2.5, 5);
    }
  });

  test('R-PUN-8: opening marks stay tight against the text they open', () => {
    const [l] = compose('甲（“乙', 20);
    // （ keeps its start blank, “ loses it: 乙 follows the ink of “ directly.
    expect(xOf(l!, '乙') - xOf(l!, '甲')).toBeCloseTo(2.5, 5);
    expect(xOf(l!, '“')).toBeCloseTo(1.5, 5); // drawn half an em left of its box
  });

  test('R-PUN-9: an opening mark at a wrapped line start loses its blank; after the indent it keeps it', () => {
    const lines = compose('一二三四五六七八九十《二三》四五', 10);
    const second = lines[1]!;
    expect(second.text.startsWith('《')).toBe(true);
    expect(second.glyphs.toArray()[0]!.xPt / EM).toBeCloseTo(-0.5, 5);
    const [first] = compose('《一二》三', 10, {}, 2);
    expect(first!.glyphs.toArray()[0]!.xPt / EM).toBeCloseTo(2, 5);
  });

  test('R-YB-5: a credit set flush right (align end) has its ） ink on the measure’s edge and its （ trimmed', () => {
    const [line] = composeParagraph(para('（甲乙提供）', 0, 'end'), opts(12)).lines;
    const glyphs = line!.glyphs.toArray();
    expect(line!.widthPt / EM).toBeCloseTo(12, 5);
    expect(glyphs.at(-1)!.xPt / EM + 0.5).toBeCloseTo(12, 5); // ）'s ink is its left half; its blank passes the edge (R-PUN-10)
    expect(glyphs[1]!.xPt / EM - glyphs[0]!.xPt / EM).toBeCloseTo(1, 5); // （ keeps its glyph, its blank is outside the set width
    expect(glyphs[0]!.xPt / EM).toBeCloseTo(12 - 5 - 0.5, 5); // 甲乙提供 and the two marks' ink halves: 5 em
  });

  test('R-PUN-9: a paragraph with no indent (a TOC line, a heading, a cell) starts its opening mark as a wrapped line does', () => {
    // “十四五”规划 in the TOC stood half an em in from the titles above and below it.
    for (const align of ['justify', 'start', 'center'] as const) {
      const [line] = composeParagraph(para('“十四”规划', 0, align), opts(10)).lines;
      const quote = line!.glyphs.toArray()[0]!;
      expect(quote.xPt / EM, align).toBeCloseTo(align === 'center' ? (10 - 5.5) / 2 - 0.5 : -0.5, 5);
      // “ (½ em of ink), 十四, ” (1 em), 规划: centred, its ink stands 2.25 em from either edge.
      expect(line!.widthPt / EM, align).toBeCloseTo(align === 'center' ? 2.25 + 5.5 : 5.5, 5);
    }
  });

  test('开明式: pause marks and brackets are ½ em, 。？！ stay 1 em', () => {
    const [l] = compose('甲，乙。丙（丁）戊', 20, { punctuation: 'kaiming' });
    expect(xOf(l!, '乙') - xOf(l!, '甲')).toBeCloseTo(1.5, 5);
    expect(xOf(l!, '丙') - xOf(l!, '乙')).toBeCloseTo(2, 5);
    expect(xOf(l!, '戊') - xOf(l!, '丙')).toBeCloseTo(3, 5);
  });
});

describe('R-MIX CJK–Latin spacing', () => {
  test('R-MIX-1: ¼ em between a hanzi and Latin or digits', () => {
    const [l] = compose('总值1154.2亿元', 20);
    expect(xOf(l!, '1') - (xOf(l!, '值') + 1)).toBeCloseTo(0.25, 5);
    expect(xOf(l!, '亿') - (xOf(l!, '2') + 0.5)).toBeCloseTo(0.25, 5);
  });

  test('R-MIX-2: no space beside punctuation', () => {
    const [l] = compose('（GDP）增长，5G。', 20);
    expect(xOf(l!, 'G') - (xOf(l!, '（') + 1)).toBeCloseTo(0, 5);
    expect(xOf(l!, '）') - (xOf(l!, 'P') + 0.5)).toBeCloseTo(0, 5);
    expect(xOf(l!, '5') - (xOf(l!, '，') + 1)).toBeCloseTo(0, 5);
  });

  test('R-MIX-2: no space before Latin punctuation that closes or pauses, nor after one that opens (a CIP record as supplied, R-CIP-3)', () => {
    const [l] = compose('年鉴. 2024 出版社, 2024. (年鉴)', 30);
    expect(xOf(l!, '.') - (xOf(l!, '鉴') + 1)).toBeCloseTo(0, 5);
    expect(xOf(l!, ',') - (xOf(l!, '社') + 1)).toBeCloseTo(0, 5);
    expect(xOf(l!, '年', 1) - (xOf(l!, '(') + 0.5)).toBeCloseTo(0, 5);
    // A digit still gets its ¼ em: the rule is about the punctuation only.
    const [d] = compose('年鉴2024', 30);
    expect(xOf(d!, '2') - (xOf(d!, '鉴') + 1)).toBeCloseTo(0.25, 5);
  });

  test('R-MIX-2: no space at the line edges', () => {
    const lines = compose('一二三四五六七八九十PM2.5年均浓度下降', 10);
    const wrapped = lines.find((l) => l.text.startsWith('PM'))!;
    expect(wrapped.glyphs.toArray()[0]!.xPt).toBeCloseTo(0, 5);
  });

  test('R-MIX-3: a typed space between hanzi and digits is not honoured: ¼ em as everywhere', () => {
    const [l] = compose('2023 年 GDP 增长', 20);
    expect(xOf(l!, '年') - (xOf(l!, '3') + 0.5)).toBeCloseTo(0.25, 5);
    expect(xOf(l!, 'G') - (xOf(l!, '年') + 1)).toBeCloseTo(0.25, 5);
  });

  test('R-MIX-4: justification never opens a Latin word or a number', () => {
    const lines = compose('一二三四五office六七八九十一二三四五六七八', 10);
    for (const l of lines) {
      const word = l.glyphs.toArray().filter((g) => /[a-z]/.test(g.text));
      for (let i = 1; i < word.length; i++) expect(word[i]!.xPt - word[i - 1]!.xPt).toBeCloseTo(5, 5);
    }
  });
});

describe('R-JUS justification', () => {
  const long = '河西区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，聚焦“建设经济强区、打造品质之城”目标定位，实现地区生产总值1154.2亿元，同比增长4.4%。';

  test('R-JUS-1: every line but the last is flush on both edges (±0.05 pt)', () => {
    for (const measure of [9, 10, 11, 13, 17, 23]) {
      const lines = compose(long, measure, {}, 2);
      for (const l of lines.slice(0, -1)) expect(Math.abs(l.widthPt - l.measurePt), `${measure}: ${l.text}`).toBeLessThanOrEqual(0.05);
    }
  });

  test('R-JUS-2: the last line is set solid', () => {
    const lines = compose(long, 10, {}, 2);
    const last = lines.at(-1)!;
    expect(last.spreadEm).toBe(0);
    const han = last.glyphs.toArray().filter((g) => /[\u4e00-\u9fff]/.test(g.text));
    for (let i = 1; i < han.length; i++) if (/[\u4e00-\u9fff]/.test(last.text[i - 1] ?? '')) expect(han[i]!.xPt - han[i - 1]!.xPt).toBeGreaterThanOrEqual(EM - 1e-9);
  });

  test('R-JUS-4: a line too long is shrunk class by class: brackets before pause marks', () => {
    // 12 em of text set on 11 em: the brackets (step 4) give their whole ½ em each,
    // the comma (step 5) keeps its width.
    const l = setAsOneLine('一二（三四）五六，七八。”', 11);
    expect(l.widthPt).toBeCloseTo(110, 5);
    expect(xOf(l, '三') - xOf(l, '二')).toBeCloseTo(1.5, 5);
    expect(xOf(l, '五') - xOf(l, '四')).toBeCloseTo(1.5, 5);
    expect(xOf(l, '七') - xOf(l, '，')).toBeCloseTo(1, 5);
    // 10.5 em: the brackets are spent, the comma gives the next ½ em.
    const m = setAsOneLine('一二（三四）五六，七八。”', 10.5);
    expect(xOf(m, '七') - xOf(m, '，')).toBeCloseTo(0.5, 5);
  });

  test('R-JUS-3: squeezing the punctuation of a line is preferred to loosening it', () => {
    const lines = compose('一二（三四）五六，七八。”', 11);
    expect(lines).toHaveLength(1);
    expect(xOf(lines[0]!, '三') - xOf(lines[0]!, '二')).toBeCloseTo(1.5, 5);
  });

  test('R-JUS-5 (issue 18): the slack is spread evenly, a CJK–Latin gap takes it only up to ⅓ em', () => {
    // “八 cannot fit even shrunk, and “ cannot end a line: 8.5 em of text on 9.25 em.
    const lines = compose('一二三四5G五六七“八九”十一二三', 9.25);
    const l = lines[0]!;
    expect(l.text).toBe('一二三四5G五六七');
    // ¾ em over 7 gaps would be 0.107 em each; the two CJK–Latin gaps stop at ⅓ em, the 5 hanzi gaps take the rest.
    const hanziSpread = (0.75 - 2 * (1 / 3 - 0.25)) / 5;
    expect(xOf(l, '5') - (xOf(l, '四') + 1)).toBeCloseTo(1 / 3, 5);
    expect(xOf(l, '二') - xOf(l, '一')).toBeCloseTo(1 + hanziSpread, 5);
    expect(l.spreadEm).toBeCloseTo(hanziSpread, 5);
  });

  test('R-JUS-5 (issue 18): a small slack goes to every gap alike, the CJK–Latin gaps too', () => {
    const lines = compose('一二三四5G五六七“八九”十一二三', 8.9);
    const l = lines[0]!;
    expect(l.text).toBe('一二三四5G五六七');
    const each = (8.9 - 8.5) / 7;
    expect(xOf(l, '5') - (xOf(l, '四') + 1)).toBeCloseTo(0.25 + each, 5);
    expect(xOf(l, '二') - xOf(l, '一')).toBeCloseTo(1 + each, 5);
  });

  test('R-JUS-7: a line spread by more than ⅓ em per gap is reported as loose', () => {
    // A long token that cannot break leaves three hanzi alone on a 10-em line.
    const { problems } = composeParagraph(para('一二三ABCDEFGHIJKLMNOPQR四五六七八九十一二'), opts(10));
    expect(problems.some((p) => p.kind === 'line-loose')).toBe(true);
  });

  test('R-JUS-8: hanzi are set solid: no tracking on a line that fits', () => {
    const [l] = compose('一二三四五六七八九十', 10);
    const glyphs = l!.glyphs.toArray();
    glyphs.slice(1).forEach((g, i) => expect(g.xPt - glyphs[i]!.xPt).toBeCloseTo(EM, 5));
  });

  test('R-JUS-6: a line with slack is spread evenly, not left ragged', () => {
    const lines = compose('一二三四五六七八九十，一二三四五', 10);
    const glyphs = lines[0]!.glyphs.toArray();
    const steps = glyphs.slice(1).map((g, i) => g.xPt - glyphs[i]!.xPt);
    for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 5);
  });
});

describe('R-PAR paragraphs', () => {
  test('R-PAR-1: the first line is indented 2 em', () => {
    const lines = compose('一二三四五六七八九十一二三', 10, {}, 2);
    expect(lines[0]!.glyphs.toArray()[0]!.xPt).toBeCloseTo(20, 5);
    expect(lines[1]!.glyphs.toArray()[0]!.xPt).toBeCloseTo(0, 5);
  });

  test('R-PAR-3: the last line never holds one character alone', () => {
    for (let n = 9; n <= 31; n++) {
      const lines = compose(`${'字'.repeat(n)}。`, 10);
      const last = lines.at(-1)!;
      if (n >= 2) expect([...last.text.replace(/[。，]/g, '')].length, `${n} characters`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('run-in heads and anchors', () => {
  const entry = (title: string, text: string): ParagraphInput => ({
    runs: [
      { kind: 'text', text: `【${title}】`, style: RUN_IN_HEAD, anchor: 'e1' },
      { kind: 'space', widthEm: 1 },
      { kind: 'text', text, style: BODY },
      { kind: 'text', text: '长护险', style: BODY, anchor: 't1' },
      { kind: 'text', text: '试点。', style: BODY },
    ] satisfies Run[],
    indentEm: 2,
    align: 'justify',
  });

  test('R-HEAD-4: the head is in the heading font, then 1 em, then the text on the same line', () => {
    const { lines } = composeParagraph(entry('概况', '河西区推进'), opts(20));
    const l = lines[0]!;
    expect(l.text.startsWith('【概况】 河西区')).toBe(true);
    expect(xOf(l, '河') - (xOf(l, '】') + 0.5)).toBeCloseTo(1, 5);
  });

  test('anchors of entries and index terms land on the line where their text is set', () => {
    const { lines } = composeParagraph(entry('概况', '一二三四五六七八九十一二三四五六七八九十'), opts(10));
    expect(lines[0]!.anchors.map((a) => a.id)).toContain('e1');
    const termLine = lines.find((l) => l.text.includes('长'))!;
    const anchor = termLine.anchors.find((a) => a.id === 't1')!;
    expect(anchor.xPt).toBeCloseTo(termLine.glyphs.toArray().find((g) => g.text === '长')!.xPt, 5);
  });
});

describe('missing characters', () => {
  test('a character no font has is reported and set as a visible .notdef box, never dropped', () => {
    const { lines, problems } = composeParagraph(para('河西𪛖区'), { ...opts(20), fonts: createMonospaceProvider({ missing: '𪛖' }) });
    expect(problems).toEqual([{ kind: 'glyph-missing', char: '𪛖' }]);
    const box = lines[0]!.glyphs.toArray().find((g) => g.text === '𪛖')!;
    expect(box.glyphId).toBe(0);
    expect(lines[0]!.text).toBe('河西𪛖区');
  });

  test('every character of the input is set once, in order', () => {
    const text = '“两个确立”……PM2.5下降——12.3%，¥100元（2023-11-30）。';
    const lines = compose(text, 7);
    expect(lines.flatMap((l) => l.glyphs.toArray().map((g) => g.text)).join('')).toBe(text);
  });
});

describe('issue 18: turnovers, pairs, small marks', () => {
  const heading = (text: string, measureEm: number, turnover: ParagraphInput['turnover'] = 'balanced') =>
    composeParagraph({ runs: [{ kind: 'text', text, style: RUN_IN_HEAD }], indentEm: 0, align: 'center', turnover }, opts(measureEm)).lines;

  test('a heading turns over between words, in lines of similar length, at the ideographic space first', () => {
    expect(texts(heading('中共河西区纪律检查委员会　河西区监察委员会', 16))).toEqual(['中共河西区纪律检查委员会', '河西区监察委员会']);
    const lines = texts(heading('天津市河西区人民代表大会常务委员会工作报告', 16));
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe('天津市河西区人民代表大会常务委员会工作报告');
    for (const l of lines) expect(l.length).toBeGreaterThanOrEqual(8);
    expect(lines.some((l) => l.endsWith('委') || l.startsWith('会'))).toBe(false);
  });

  test('a turnover never leaves a runt of one or two characters, and keeps an idiom whole', () => {
    const lines = texts(heading('凝心聚力真抓实干全力以赴', 11));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((l) => l.includes('全力以赴'))).toBe(true);
  });

  test('a title or TOC line never turns over inside a short quoted name (“天津 / 科普之夜” in the TOC, a proofreader marked it)', () => {
    for (let measure = 10; measure <= 24; measure++) {
      const lines = texts(heading('2023年天津市全国科普日主场活动“天津科普之夜”', measure, 'words'));
      expect(lines.join('')).toBe('2023年天津市全国科普日主场活动“天津科普之夜”');
      for (const l of lines) expect(l.split('“').length).toBe(l.split('”').length);
    }
  });

  test('a title never turns over beside an interpunct, which joins its words into one name (寻美·|中国 in the TOC)', () => {
    for (const measure of [8, 9, 10, 11, 12]) {
      const lines = texts(heading('2023年“寻美·中国”主题活动启动大会', measure, 'words'));
      expect(lines.join('')).toBe('2023年“寻美·中国”主题活动启动大会');
      expect(lines.some((l) => l.endsWith('·') || l.startsWith('中国'))).toBe(false);
    }
  });

  test('an entry’s run-in head longer than a line turns over between words and not beside an interpunct (R-HEAD-4; 聘|任会 before)', () => {
    const head = '【营商环境建设工作推动会暨营商环境监督员聘任会暨活力河西·都市消费季】';
    const lines = composeParagraph({ runs: [{ kind: 'text', text: head, style: RUN_IN_HEAD, wordsWhole: true }, { kind: 'space', widthEm: 1 }, { kind: 'text', text: '全区召开会议，部署工作。'.repeat(3), style: BODY }], indentEm: 2, align: 'justify' }, opts(23)).lines;
    const first = texts(lines)[0]!;
    expect(head.startsWith(first)).toBe(true);
    expect(first.endsWith('聘') || first.endsWith('·')).toBe(false);
  });

  test('a word wider than the measure still breaks, as the rules allow', () => {
    expect(texts(heading('纪律检查委员会', 4)).join('')).toBe('纪律检查委员会');
  });

  test('R-PUN-8: a pair of marks keeps its 1.5 em when the line is squeezed', () => {
    const plain = setAsOneLine('一二三四五六）。七八九十', 11.5);
    const squeezed = setAsOneLine('一二三四五六）。七八九十，一', 13.2);
    expect(xOf(plain, '七') - xOf(plain, '）')).toBeCloseTo(1.5, 5);
    expect(xOf(squeezed, '七') - xOf(squeezed, '）')).toBeCloseTo(1.5, 5);
  });

  test('R-PUN-9: an opening bracket after the paragraph indent keeps its blank, even in a squeezed line', () => {
    const lines = composeParagraph(para('【标题】一二三四五六七八，九十、一二，三四五六七八九十', 2), opts(14)).lines;
    expect(xOf(lines[0]!, '【')).toBeCloseTo(2, 5);
  });

  test('+ and × between hanzi are set solid; a range dash keeps its numbers on one line', () => {
    const l = setAsOneLine('文旅+商贸三×四', 9);
    // The gap after + is the gap between two hanzi (the even spread), not ¼ em more.
    const plus = l.glyphs.toArray().find((g) => g.text === '+')!;
    expect(xOf(l, '商') - xOf(l, '+') - plus.advanceEm).toBeCloseTo(xOf(l, '旅') - xOf(l, '文') - 1, 5);
    for (const measure of [6, 7, 8, 9]) {
      const lines = texts(compose('规划（2023—2027年）实施', measure));
      expect(lines.some((t) => t.endsWith('—') || t.endsWith('2023')), lines.join('|')).toBe(false);
    }
  });

  test('R-KIN-8: a date named by its numbers (“5·12”, 12·4) is never broken at its dot (before: “5·|12” on p. 164)', () => {
    for (const measure of [6, 7, 8, 9, 10]) {
      const lines = texts(compose('开展“5·12”防灾减灾宣传日和12·4宪法宣传日', measure));
      expect(lines.some((t) => t.endsWith('·')), lines.join('|')).toBe(false);
    }
  });

  test('an ASCII comma or parenthesis left in the text never starts a line', () => {
    for (const measure of [5, 6, 7]) {
      for (const l of compose('一二三四五,六七八九十)一二三', measure).slice(1)) expect(',)').not.toContain(l.text[0]);
    }
  });
});

describe('a table cell turns over between words where that takes no more lines (words-preferred)', () => {
  const cell = (text: string, measureEm: number, turnover?: 'words-preferred' | 'address') => texts(composeParagraph({ ...para(text, 0, 'start'), ...(turnover ? { turnover } : {}) }, opts(measureEm)).lines);

  test('新华圣功学校|（小学部）, not （小|学部）', () => {
    expect(cell('新华圣功学校（小学部）', 8)).toEqual(['新华圣功学校（小', '学部）']);
    expect(cell('新华圣功学校（小学部）', 8, 'words-preferred')).toEqual(['新华圣功学校', '（小学部）']);
  });

  test('a word that fits no line still breaks, and no cell takes a line more for a word', () => {
    expect(cell('中华人民共和国', 4, 'words-preferred')).toHaveLength(2);
    expect(cell('河西区利民道景福里28号增1号', 9, 'words-preferred')).toHaveLength(cell('河西区利民道景福里28号增1号', 9).length);
  });

  test('an address turns between its parts: 琼州道|19号, not 琼州|道; 2号 kept whole; still no line more', () => {
    const text = '天津市河西区下瓦房街琼州道19号增1号';
    const lines = cell(text, 12, 'address');
    expect(lines).toHaveLength(cell(text, 12).length);
    expect(lines[0]).toMatch(/(街|道)$/);
    expect(cell('台儿庄路海华里4号楼底商1号、2号、3号', 9, 'address').every((l) => !/^号|^华里|^楼/.test(l))).toBe(true);
  });
});
