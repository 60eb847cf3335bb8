/**
 * Golden line dumps (code-style §9.2) of hard paragraphs of the sample, as
 * the build set them (the real fonts, the template's measure): quotes and brackets, ——, ·,
 * numbers and percentages, Latin words, run-in heads and 大事记 dates.
 * A change in any glyph position shows in the diff of the .expected.txt.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { dumpLines } from '../../src/compose/index.ts';
import { type SetBook, setBook } from '../helpers/set-book.ts';

/** Fixture name → a snippet that picks one paragraph of the sample. */
const CASES: Record<string, string> = {
  'run-in-quotes-dash': '2023“活力河西·都市消费嘉年华——缤纷夏日购物季”',
  'run-in-long-title': '首届新的社会阶层人士服务团网络人士大会',
  'numbers-percent': '统计快报显示，全年地区生产总值',
  'latin-words': 'Pixellot',
  'chronicle-date': '河西区与东丽区签署教育合作框架协议',
  'brackets-book-titles': '严格落实信息“五公开”制度',
};

let result: SetBook;
beforeAll(async () => {
  result = await setBook(join(import.meta.dirname, '../../manuscript'));
}, 120_000);

describe('golden line dumps of the sample', () => {
  for (const [name, snippet] of Object.entries(CASES)) {
    test(`${name}`, async () => {
      const block = result.paragraphs.find((b) => b.input.runs.some((r) => r.kind === 'text' && r.text.includes(snippet)));
      expect(block, snippet).toBeDefined();
      await expect(dumpLines(block!.lines)).toMatchFileSnapshot(join(import.meta.dirname, `../fixtures/compose/${name}.expected.txt`));
    });
  }
});
