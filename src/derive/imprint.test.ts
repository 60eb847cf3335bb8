import { describe, expect, test } from 'vitest';
import { VFile } from 'vfile';
import { VALID_BOOK_YAML } from '../../test/helpers/manuscript.ts';
import { loadBook } from '../config/index.ts';
import { createHash } from 'node:crypto';
import { ebookIdentifier, ebookImprintOf, imprintOf, isWordCountOff, pagesInSheets, printedSheets, spacedName, wordCountThousands } from './imprint.ts';

const settings = loadBook(new VFile({ path: 'book.yaml', value: VALID_BOOK_YAML }))!;

describe('印张 and 字数', () => {
  test('R-CIP-10: 印张 = pages ÷ 开数, written as the sample writes it', () => {
    expect(printedSheets(388, 16)).toBe('24.25');
    expect(printedSheets(256, 16)).toBe('16');
    expect(printedSheets(600, 16)).toBe('37.5');
    expect(printedSheets(640, 32)).toBe('20');
  });

  test('R-CIP-10: the book block is filled to whole sheets of 4 pages', () => {
    expect(pagesInSheets(354)).toBe(356);
    expect(pagesInSheets(388)).toBe(388);
  });

  test('R-CIP-11: 字数 is the layout capacity, title page at half, blank pages not counted', () => {
    const body = { kind: 'body', chars: 2116 };
    expect(wordCountThousands([{ kind: 'title', chars: 2116 }, { kind: 'copyright', chars: 2116 }, ...Array(100).fill(body), { kind: 'blank', chars: 2116 }]))
      .toBe(Math.round((2116 * 0.5 + 2116 + 2116 * 100) / 1000));
  });

  test('R-CIP-11: a stated 字数 more than 5 % off the computed one is flagged', () => {
    expect(isWordCountOff('800 千字', 790)).toBe(false);
    expect(isWordCountOff('800 千字', 740)).toBe(true);
    expect(isWordCountOff(undefined, 740)).toBe(false);
  });
});

describe('names in lists', () => {
  test('R-PAR-5: a two-character name takes the width of three, with its note after it too (李　奇（女）, p. 327)', () => {
    expect(spacedName('姜腾')).toBe('姜\u3000腾');
    expect(spacedName('李奇（女）')).toBe('李\u3000奇（女）');
    expect(spacedName('王伟（女，民进）')).toBe('王\u3000伟（女，民进）');
    expect(spacedName('曹明（女）（回族）')).toBe('曹\u3000明（女）（回族）');
    expect(spacedName('李奇女')).toBe('李奇女');
    expect(spacedName('欧阳左宁（女）')).toBe('欧阳左宁（女）');
    expect(spacedName('Li Qi')).toBe('Li Qi');
  });
});

describe('the copyright page text', () => {
  test('R-CIP-3/8/9: CIP as issued, labels letter-spaced, 印张 from the page count', () => {
    const imprint = imprintOf({ ...settings, word_count: undefined }, 388, 812);
    expect(imprint.cip.record).toBe('中国国家版本馆CIP数据核字第2024D0350H号');
    expect(imprint.cip.description).toContain('ISBN 978-7-5738-1572-9');
    expect(imprint.record).toContain('开\u3000本\u3000889 mm×1194 mm\u30001/16');
    expect(imprint.record).toContain('印\u3000张\u300024.25\u3000\u3000字\u3000数\u3000812 千字');
    expect(imprint.record).toContain('版\u3000次\u30002024年11月第1版');
    expect(imprint.record).toContain('定\u3000价\u3000268.00元');
    expect(imprint.record[0]).toBe('责任编辑\u3000甲\u3000\u3000责任校对\u3000乙');
  });
});

describe('the ebook’s copyright page (issue 22)', () => {
  const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

  test('without an ebook ISBN: a name-based UUID of the print ISBN and edition, stable, never the print ISBN', () => {
    const id = ebookIdentifier(settings, sha1);
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ebookIdentifier(settings, sha1)).toBe(id);
    expect(ebookIdentifier({ ...settings, edition: { ...settings.edition, number: 2 } }, sha1)).not.toBe(id);
    const imprint = ebookImprintOf(settings, 812, id);
    expect(imprint.cip.description).toContain('ISBN 978-7-5738-1572-9');
    expect(imprint.record).toContain(`电子书标识\u3000${id}`);
    expect(imprint.record).toContain('版\u3000次\u30002024年11月第1版');
    const all = imprint.record.join('\n');
    for (const print of ['开\u3000本', '印\u3000张', '印\u3000次', '定\u3000价', '承印单位']) expect(all).not.toContain(print);
    expect(imprint.notice).toBe('');
  });

  test('with epub.isbn and epub.price: the ebook’s ISBN and its own price', () => {
    const s = { ...settings, epub: { ...settings.epub, isbn: '978-7-5738-1573-6', price: '68.00元' } };
    const id = ebookIdentifier(s, sha1);
    expect(id).toBe('urn:isbn:9787573815736');
    const record = ebookImprintOf(s, 812, id).record;
    expect(record).toContain('ISBN\u3000978-7-5738-1573-6（电子书）');
    expect(record).toContain('定\u3000价\u300068.00元（电子书）');
  });

  test('an invalid epub.isbn is an error at its line', () => {
    const file = new VFile({ path: 'book.yaml', value: `${VALID_BOOK_YAML}\nepub:\n  isbn: 978-7-5738-1573-0\n` });
    expect(loadBook(file)).toBeUndefined();
    expect(file.messages.map((m) => m.ruleId)).toContain('isbn-invalid');
  });
});
