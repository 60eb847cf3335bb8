import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from 'vitest';
import { titleDocument } from './documents.ts';
import { xmlChars } from './xml.ts';

test('a document with ]]> and characters XML forbids in its text still parses as XML (a title with them made title.xhtml unreadable)', () => {
  const settings = { title: '河西]]>年鉴\u0007\uffff', year: 2024, compiler: '编者\ud800', publisher: { name: '出版社' } } as Parameters<typeof titleDocument>[0];
  const doc = titleDocument(settings);
  const errors: string[] = [];
  const parsed = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(doc, 'application/xhtml+xml');
  expect(errors).toEqual([]);
  expect(parsed.getElementsByTagName('h1')[0]!.textContent).toBe('河西]]>年鉴');
  expect(xmlChars('甲\u0000乙\t丙\ud83d\ude00')).toBe('甲乙\t丙\ud83d\ude00');
});
