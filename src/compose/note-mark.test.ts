/**
 * A footnote's mark in the text (issue 17), with the fake monospace font
 * (every hanzi 1 em; size 10 pt): one raised unit at ⅔ size that never
 * begins a line (R-KIN-1) and takes no spread (R-JUS-5), whatever its style.
 */
import { describe, expect, test } from 'vitest';
import { createMonospaceProvider } from '../font/index.ts';
import { NOTE_REF_RISE_EM, NOTE_REF_SCALE } from './build-units.ts';
import { composeParagraph } from './compose-paragraph.ts';
import { BODY } from './from-model.ts';
import type { ComposeOptions, ParagraphInput } from './types.ts';

const EM = 10;
const opts: ComposeOptions = { fontSizePt: EM, measurePt: 10 * EM, punctuation: 'quanjiao', kinsoku: 'standard', fonts: createMonospaceProvider() };
const withMark = (before: string, mark: string, after: string): ParagraphInput => ({
  runs: [{ kind: 'text', text: before, style: BODY }, { kind: 'text', text: mark, style: BODY, anchor: 'note-1', superscript: true }, { kind: 'text', text: after, style: BODY }],
  indentEm: 0, align: 'justify',
});

describe('the note mark in the text', () => {
  test.each(['①', '〔12〕', '**', '3'])('R-KIN-1: %s after a full line goes back with the character before it, never begins a line', (mark) => {
    const { lines } = composeParagraph(withMark('一二三四五六七八九十', mark, '甲乙丙丁戊己庚辛壬癸子丑'), opts);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.text.startsWith(mark[0]!)).toBe(false);
    const holder = lines.find((l) => l.text.includes(mark))!;
    expect(holder.text).toContain(`十${mark}`);
    expect(holder.anchors.map((a) => a.id)).toContain('note-1');
  });

  test('set at ⅔ size on a raised baseline, its advance scaled with it; the text around it at full size', () => {
    const { lines } = composeParagraph(withMark('一二三', '〔1〕', '四五'), { ...opts, measurePt: 40 * EM });
    const glyphs = lines[0]!.glyphs.toArray();
    const mark = glyphs.filter((g) => '〔1〕'.includes(g.text));
    expect(mark).toHaveLength(3);
    for (const g of mark) {
      expect(g.sizePt).toBeCloseTo(EM * NOTE_REF_SCALE, 6);
      expect(g.riseEm).toBeCloseTo(NOTE_REF_RISE_EM, 6);
    }
    expect(NOTE_REF_RISE_EM).toBeGreaterThan(0.25);
    const four = glyphs.find((g) => g.text === '四')!;
    expect(four.sizePt).toBe(EM);
    // 〔 1 〕 take 1 + ½ + 1 em at ⅔, less the brackets' outer blank halves: the mark stays close to its word, no gap spread around it.
    expect(four.xPt / EM).toBeCloseTo(3 + 1.5 * NOTE_REF_SCALE, 6);
    expect(mark[0]!.xPt / EM).toBeCloseTo(3 - 0.5 * NOTE_REF_SCALE, 6);
  });
});
