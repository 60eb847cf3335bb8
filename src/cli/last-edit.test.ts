import { expect, test } from 'vitest';
import { EditTracker, firstChangedLine } from './last-edit.ts';

test('the first changed line of a text: a change, an insertion, a paragraph added after a blank line, none, a deletion', () => {
  expect(firstChangedLine('a\nb\nc\n', 'a\nB\nc\n')).toBe(2);
  expect(firstChangedLine('a\nb\nc\n', 'a\nb\nx\nc\n')).toBe(3);
  expect(firstChangedLine('a\nb\n', 'a\nb\n\nnew\n')).toBe(4);
  expect(firstChangedLine('a\n\nc\n', 'a\n\nb\n\nc\n')).toBe(3);
  expect(firstChangedLine('a\nb\n', 'a\nb\n')).toBeUndefined();
  expect(firstChangedLine('a\nb\n', 'a\n')).toBe(2);
  expect(firstChangedLine('a\nb\nc\n', 'a\nc\n')).toBe(2);
});

test('the tracker reports nothing for the first build, then the changed file and line', () => {
  const t = new EditTracker();
  expect(t.update([{ path: 'm/01.md', value: '# 篇\n\n正文\n' }, { path: 'm/02.md', value: '# 二\n' }])).toBeUndefined();
  expect(t.update([{ path: 'm/01.md', value: '# 篇\n\n正文\n' }, { path: 'm/02.md', value: '# 二\n\n新段\n' }])).toEqual({ path: 'm/02.md', line: 3 });
  expect(t.update([{ path: 'm/01.md', value: '# 篇\n\n正文\n' }, { path: 'm/02.md', value: '# 二\n\n新段\n' }])).toBeUndefined();
});
