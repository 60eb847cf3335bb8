import { describe, expect, it } from 'vitest';
import { type HeadingReading, IndexKeyMemo } from './index-keys-memo.ts';

/** A stand-in reader that records what it was asked to read (the real one is pinyin-pro, tested in index-entries.test.ts). */
function reader() {
  const asked: string[] = [];
  const read = (items: ReadonlyArray<{ heading: string; reading?: string }>): HeadingReading[] => {
    asked.push(...items.map((i) => i.heading));
    return items.map((i) => ({ key: { heading: i.heading } as unknown as HeadingReading['key'], guesses: [] }));
  };
  return { asked, read };
}

describe('a watch session reads each index heading once', () => {
  it('reads only the headings it has not read, in their order, and gives every heading its own reading', () => {
    const memo = new IndexKeyMemo();
    const r = reader();
    const words = { words: {} };
    memo.read([{ heading: '概况' }, { heading: '重要会议' }], words, r.read);
    const found = memo.read([{ heading: '新条目' }, { heading: '概况' }, { heading: '重要会议', reading: 'zhong4 yao4 hui4 yi4' }], words, r.read);
    expect(r.asked).toEqual(['概况', '重要会议', '新条目', '重要会议']);
    expect(found.map((f) => (f.key as unknown as { heading: string }).heading)).toEqual(['新条目', '概况', '重要会议']);
  });

  it('reads everything again when the book\'s readings change', () => {
    const memo = new IndexKeyMemo();
    const r = reader();
    memo.read([{ heading: '长江' }], { words: {} }, r.read);
    memo.read([{ heading: '长江' }], { words: { 长江: 'chang2 jiang1' } }, r.read);
    expect(r.asked).toEqual(['长江', '长江']);
  });
});
