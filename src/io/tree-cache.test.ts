/**
 * The Markdown trees kept between builds give back exactly the tree the
 * parser gave, only for the same text and syntax, never a damaged one, and
 * only to the bundle that made them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { VFile } from '../diagnostics/index.ts';
import { parseManuscript } from '../parse/index.ts';
import { treeCache } from './tree-cache.ts';

const sample = join(import.meta.dirname, '../../manuscript');
const textFile = (name: string) => new VFile({ path: `manuscript/${name}`, value: readFileSync(join(sample, name), 'utf8') });
const PART = '04-区情概览.md';

test('run from the sources (as here), no trees are kept: an edit of the parser would change no name', () => {
  expect(treeCache(mkdtempSync(join(tmpdir(), 'nianjian-trees-')))).toBeUndefined();
});

test('a kept tree is given back equal to the parsed one, only for the same text and syntax', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianjian-trees-'));
  const trees = treeCache(out, 'trees-1-2')!;
  const tree = { type: 'root', children: [{ type: 'text', value: '年鉴', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 } } }] } as const;
  trees.set('a.md', '年鉴', 'plain', tree as never);
  expect(trees.get('a.md', '年鉴', 'plain')).toEqual(tree);
  expect(trees.get('a.md', '年鉴', 'tables')).toBeUndefined();
  expect(trees.get('a.md', '年鉴。', 'plain')).toBeUndefined();
  expect(trees.get('b.md', '年鉴', 'plain')).toBeUndefined();
});

test('a damaged entry is not used, and another bundle\'s trees are removed when this one keeps its first', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianjian-trees-'));
  mkdirSync(join(out, '.cache', 'trees-0-0'), { recursive: true });
  const trees = treeCache(out, 'trees-1-2')!;
  trees.set('a.md', '年鉴', 'plain', { type: 'root', children: [] });
  expect(readdirSync(join(out, '.cache'))).toEqual(['trees-1-2']);
  const [entry] = readdirSync(join(out, '.cache', 'trees-1-2'));
  const path = join(out, '.cache', 'trees-1-2', entry!);
  const bytes = readFileSync(path);
  const at = bytes.length - 40;
  bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
  writeFileSync(path, bytes);
  expect(trees.get('a.md', '年鉴', 'plain')).toBeUndefined();
});

test('the sample\'s part parsed from a kept tree is the part parsed afresh, with the same messages', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianjian-trees-'));
  const parse = (withTrees: boolean) => {
    const trees = withTrees ? treeCache(out, 'trees-1-2') : undefined;
    const files = { book: textFile('book.yaml'), front: [], parts: [textFile(PART)], assets: () => ({ status: 'missing' as const }), ...(trees ? { trees } : {}) };
    const { book, stats } = parseManuscript(files);
    return { parts: book?.parts, stats, messages: files.parts[0]!.messages.map(String) };
  };
  const fresh = parse(false);
  expect(fresh.parts).toHaveLength(1);
  parse(true); // keeps the tree
  expect(readdirSync(join(out, '.cache', 'trees-1-2'))).toHaveLength(1);
  expect(parse(true)).toEqual(fresh);
});

test('an --out that is a file keeps no tree and throws nothing: the build goes on to say ENOTDIR in Chinese, exit 3 (the cleanup threw, exit 70 in English)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'nianjian-trees-')), 'a-file');
  writeFileSync(file, 'x');
  const trees = treeCache(file, 'trees-1-2')!;
  expect(() => trees.set('a.md', '年鉴', 'plain', { type: 'root', children: [] })).not.toThrow();
  expect(trees.get('a.md', '年鉴', 'plain')).toBeUndefined();
});
