import { describe, expect, test } from 'vitest';
import { VFile } from 'vfile';
import { VALID_BOOK_YAML } from '../../test/helpers/manuscript.ts';
import { loadBook } from './load-book.ts';

function load(yaml: string) {
  const file = new VFile({ path: 'book.yaml', value: yaml });
  const book = loadBook(file);
  return { book, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), reasons: file.messages.map((m) => m.reason) };
}

describe('book.yaml', () => {
  test('a complete file gives settings with defaults and no messages', () => {
    const { book, messages } = load(VALID_BOOK_YAML);
    expect(messages).toEqual([]);
    expect(book?.punctuation).toBe('quanjiao');
    expect(book?.format.fold).toBe(16);
  });

  test('a YAML syntax error names the line', () => {
    const { book, messages } = load('title: [测试,\nyear: 2024\n');
    expect(book).toBeUndefined();
    expect(messages[0]).toMatch(/^\d+:\d+ yaml-syntax$/);
  });

  // The yaml package's messages are English, for programmers: “Source contains multiple documents; please use YAML.parseAllDocuments()”.
  test.each([
    ['an unclosed [', 'title: [测试,\nyear: 2024\n', '[ { 没有对应的 ] }'],
    ['an unclosed quote', 'title: "测试\nyear: 2024\n', '引号没有结尾'],
    ['a second document after ---', `${VALID_BOOK_YAML}---\ntitle: 第二份\n`, '第二份内容'],
    ['a tab as indent', 'publisher:\n\tname: 测试\n', '制表符'],
    ['a value with a colon', 'title: 年鉴: 2024\n', '加引号'],
    ['5,000 nested brackets', `${VALID_BOOK_YAML}deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, '嵌套'],
  ])('%s: the reason is in words for editors, not the parser\'s English', (_, yaml, words) => {
    const { messages, reasons } = load(yaml);
    expect(messages[0]).toMatch(/^\d+:\d+ yaml-syntax$/);
    expect(reasons[0]).toContain(words);
    expect(reasons[0]).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
  });

  test('an unknown key is named at its line', () => {
    const { messages, reasons } = load(`${VALID_BOOK_YAML}titel: 错字\n`);
    expect(messages).toEqual([`${VALID_BOOK_YAML.split('\n').length}:1 config-unknown-key`]);
    expect(reasons[0]).toContain('titel');
  });

  test('a wrong type names the key, what was found and what is expected', () => {
    const { messages, reasons } = load(VALID_BOOK_YAML.replace('year: 2024', 'year: 二〇二四'));
    expect(messages).toEqual(['2:1 config-invalid-value']);
    expect(reasons[0]).toContain('year');
    expect(reasons[0]).toContain('二〇二四');
    expect(reasons[0]).toContain('4 位年份');
  });

  test('a missing required key is named with what it should hold', () => {
    const { messages, reasons } = load(VALID_BOOK_YAML.replace(/^printer:.*\n/m, ''));
    expect(messages).toEqual(['1:1 config-missing-key']);
    expect(reasons[0]).toContain('printer');
    expect(reasons[0]).toContain('承印单位');
  });

  test('R-ISBN-1: an invalid ISBN is an error at the isbn line', () => {
    const { book, messages } = load(VALID_BOOK_YAML.replace('1572-9', '1572-3'));
    expect(book).toBeUndefined();
    expect(messages).toEqual(['11:1 isbn-invalid']);
  });

  test('R-CIP-4: a malformed 核字号 is an error', () => {
    const { messages } = load(VALID_BOOK_YAML.replace('2024D0350H', '2024-0350'));
    expect(messages).toEqual(['15:3 cip-record-invalid']);
  });
});
