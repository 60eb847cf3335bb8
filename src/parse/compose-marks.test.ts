/**
 * A letter typed with combining marks (e and U+0301, as text copied from
 * macOS or a PDF arrives) is composed where Unicode has the letter: the
 * fonts draw é, and a combining mark beside its letter (e´). A CJK
 * compatibility ideograph is never swapped for its unified twin.
 */
import { expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';

test('e + U+0301 is é, a + U+0304 is ā, か + U+3099 is が; 豈 (U+F900) and a mark no letter has stay as typed', async () => {
  const r = await checkFiles({ '01-篇.md': '# 区情概览\n\n## 综述\n\n【概况】 Cafe\u0301，a\u0304，か\u3099，\uf900\u0301，q\u0308。\n' });
  const text = JSON.stringify(r.book);
  expect(text).toContain('Caf\u00e9，\u0101，\u304c，\uf900\u0301，q\u0308。');
});
