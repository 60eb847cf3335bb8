import { describe, expect, test } from 'vitest';
import { writeManuscript } from '../../test/helpers/manuscript.ts';
import { main } from './index.ts';

describe('nianjian index', () => {
  test('lists every index heading with its reading and letter, and marks single-character polyphone guesses', async () => {
    const dir = writeManuscript({
      '01-法治.md': '# 法治\n\n## 公安\n\n【河长制】 文字。\n\n【人民调解】 文字。\n\n【乐清商会】 文字:index[分行]。\n',
    });
    const lines: string[] = [];
    const code = await main(['index', dir], (s) => lines.push(...s.split('\n')));
    expect(code).toBe(0);
    const row = (h: string) => lines.find((l) => l.trim().startsWith(`${h}\t`));
    expect(row('河长制')).toMatch(/^ {2}河长制\thé zhǎng zhì\t\S*01-法治\.md:5$/);
    expect(row('乐清商会')).toContain('yuè qīng shāng huì');
    expect(row('分行')).toContain('fēn háng');
    expect(row('人民调解')).toContain('？调 按单字读作 tiáo');
    // Letters head their groups, in order.
    expect(lines.filter((l) => /^[A-Z]$/.test(l))).toEqual(['F', 'G', 'H', 'R', 'Y']);
    expect(lines.some((l) => l.includes('其中 1 条有按单字猜读的多音字'))).toBe(true);
  });
});
