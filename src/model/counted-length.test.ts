import { expect, test } from 'vitest';
import { countedLength } from './index.ts';

/** The definition: code points that are not white space, one at a time. */
const byCharacter = (text: string) => [...text].filter((c) => !/\s/.test(c)).length;

test('countedLength counts code points less white space, as one character at a time does (issue 19 page markers, issue 24)', () => {
  const texts = ['', ' ', '河西区人民政府　召开会议', '2024 年 GDP 增长 5.2%', 'a\u00a0b\ufeffc\u2028d\te\n', '𠀀𠀁 字', '\ud800', '\udc00a', 'x\ud800\udc00y\ud800'];
  for (const text of texts) expect(countedLength(text), JSON.stringify(text)).toBe(byCharacter(text));
  expect(countedLength('𠀀𠀁 字')).toBe(3);
});
