import { expect, test } from 'vitest';
import { VFile } from '../diagnostics/index.ts';
import type { AssetStatus } from './state.ts';
import { ParseCache, parseManuscript } from './index.ts';
import { VALID_BOOK_YAML } from '../../test/helpers/manuscript.ts';

const part = '# 篇\n\n## 章\n\n【条目】 正文,有ASCII逗号。\n\n![图注](photos/a.jpg "某提供")\n';

function files(text: string, image: AssetStatus) {
  return { book: undefined, front: [], parts: [new VFile({ path: 'm/01-篇.md', value: text })], assets: () => image };
}

test('a watch session parses an unchanged part once, gives its messages again, and parses again when its text or an image changes', () => {
  const cache = new ParseCache();
  const ok: AssetStatus = { status: 'ok', widthPx: 3000, heightPx: 2000, format: 'jpeg' };
  const first = files(part, ok);
  const a = parseManuscript(first, cache);
  const messages = first.parts[0]!.messages.map((m) => `${m.line}:${m.ruleId}`);
  expect(messages.length).toBeGreaterThan(0);
  const again = files(part, ok);
  const b = parseManuscript(again, cache);
  expect(cache.files.hits).toBe(1);
  expect(b.stats).toEqual(a.stats);
  expect(again.parts[0]!.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(messages);
  // The image went missing: the part is parsed again and says so.
  const missing = files(part, { status: 'missing' });
  parseManuscript(missing, cache);
  expect(cache.files.misses).toBe(1);
  expect(missing.parts[0]!.messages.map((m) => m.ruleId)).toContain('figure-file-missing');
  // Edited text: parsed again.
  parseManuscript(files(part.replace('正文', '新的正文'), ok), cache);
  expect([cache.files.hits, cache.files.misses]).toEqual([0, 1]);
});

test('a watch session reads an unchanged book.yaml once (the same settings, its messages given again) and reads it again when edited; the counts are those of the files as parsed now', () => {
  const cache = new ParseCache();
  const withBook = (yaml: string, text = part) => ({ ...files(text, { status: 'missing' }), book: new VFile({ path: 'm/book.yaml', value: yaml }) });
  const bad = withBook(`${VALID_BOOK_YAML}titel: 错键\n`);
  expect(parseManuscript(bad, cache).book).toBeUndefined();
  const said = bad.book.messages.map((m) => `${m.line}:${m.ruleId}`);
  expect(said).toEqual([`${VALID_BOOK_YAML.split('\n').length}:config-unknown-key`]);
  const badAgain = withBook(`${VALID_BOOK_YAML}titel: 错键\n`);
  parseManuscript(badAgain, cache);
  expect(badAgain.book.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(said);
  // Mended: read again, and kept as the same settings while it reads the same.
  const first = parseManuscript(withBook(VALID_BOOK_YAML), cache).book!.settings;
  expect(first.title).toBe('测试年鉴');
  const second = parseManuscript(withBook(VALID_BOOK_YAML, part.replace('正文', '正文，又添一句')), cache);
  expect(second.book!.settings).toBe(first);
  expect(parseManuscript(withBook(VALID_BOOK_YAML.replace('测试年鉴', '另一年鉴')), cache).book!.settings.title).toBe('另一年鉴');
  // The counts after an edit are those of a parse without a session.
  expect(second.stats).toEqual(parseManuscript(withBook(VALID_BOOK_YAML, part.replace('正文', '正文，又添一句'))).stats);
  expect(second.stats.characters).toBe(parseManuscript(withBook(VALID_BOOK_YAML)).stats.characters + '，又添一句'.length);
});
