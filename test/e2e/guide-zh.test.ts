/**
 * The Chinese guide for editors (docs/zh, issue 22) stays true: every
 * example book under docs/zh/examples builds with the real pipeline, with no
 * error and no warning; every manuscript snippet shown in the guide (a
 * ```markdown or ```yaml block) names its example file and is a run of that
 * file's lines, so that a guide which drifts from what builds fails here;
 * every link in the guide leads to a file; the README opens with the
 * Chinese section that links to the guide.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Code, Link, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { outputPaths } from '../../src/pipeline/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const GUIDE = join(ROOT, 'docs/zh');
const EXAMPLES = join(GUIDE, 'examples');

const pages = readdirSync(GUIDE).filter((n) => n.endsWith('.md')).sort();
const examples = readdirSync(EXAMPLES).filter((n) => statSync(join(EXAMPLES, n)).isDirectory()).sort();
/** Every node of a type, depth first. */
function visit<T extends Nodes>(node: Nodes, type: T['type'], fn: (n: T) => void): void {
  if (node.type === type) fn(node as T);
  if ('children' in node) for (const c of node.children) visit(c, type, fn);
}
const tree = (page: string): Root => unified().use(remarkParse).parse(readFileSync(join(GUIDE, page), 'utf8'));

describe('the Chinese guide (docs/zh)', () => {
  test('has the six pages the issue asks for, and an example book for the quick start and for the format', () => {
    for (const page of ['快速上手.md', '书稿格式.md', '校对流程.md', '导入.md', '印刷文件.md', '常见问题.md', 'README.md']) expect(pages).toContain(page);
    expect(examples).toEqual(expect.arrayContaining(['quickstart', 'full']));
  });

  test.each(examples)('example book %s builds with the real pipeline: 0 errors, 0 warnings, a PDF and an EPUB', async (name) => {
    const out = mkdtempSync(join(tmpdir(), 'nianjian-guide-'));
    const lines: string[] = [];
    expect(await main(['build', join(EXAMPLES, name), '--out', out], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toMatch(/^0 个错误 errors, 0 个警告 warnings/m);
    const made = readdirSync(out);
    expect(made.filter((n) => n.endsWith('.pdf'))).toHaveLength(1);
    expect(made.filter((n) => n.endsWith('.epub'))).toHaveLength(1);
  }, 120_000);

  test('every manuscript snippet in the guide is a run of lines of the example file it names', () => {
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const page of pages) {
      visit<Code>(tree(page), 'code', (node) => {
        const at = `${page}:${node.position?.start.line}`;
        if (!node.lang) return void wrong.push(`${at}: a code block without a language (markdown, yaml, sh or text)`);
        if (!['markdown', 'yaml'].includes(node.lang)) {
          if (!['sh', 'text'].includes(node.lang)) wrong.push(`${at}: language ${node.lang}`);
          return;
        }
        const file = /(?:^|\s)file=(\S+)/.exec(node.meta ?? '')?.[1];
        if (!file) return void wrong.push(`${at}: a ${node.lang} block that names no example file (file=examples/…)`);
        const path = resolve(GUIDE, file);
        if (!path.startsWith(`${EXAMPLES}/`) || !existsSync(path)) return void wrong.push(`${at}: ${file} is not an example file`);
        const source = `\n${readFileSync(path, 'utf8')}\n`;
        if (!source.includes(`\n${node.value}\n`)) wrong.push(`${at}: not a run of lines of ${file}`);
        else checked.push(at);
      });
    }
    expect(wrong).toEqual([]);
    // The format reference shows most of its syntax from the example book.
    expect(checked.filter((c) => c.startsWith('书稿格式.md')).length).toBeGreaterThanOrEqual(10);
  });

  test('every manifest name the guide writes out is the one a build writes (outputPaths): a proof\'s is <书名>-<年份>-校样-<校次>-manifest.json', () => {
    const book = { settings: { title: '书名', year: 2024 } } as unknown as Parameters<typeof outputPaths>[1];
    const named = (draft: boolean, round?: string) => Object.values(outputPaths('', book, draft, round)).filter((v) => v.includes('.')).map((v) => v.replace(/^\//, '').replace('书名-2024', '<书名>-<年份>'));
    const real = new Set([...named(false), ...named(true), ...['一校', '二校', '三校', '终校'].flatMap((r) => named(true, r))]);
    let checked = 0;
    for (const page of pages) {
      for (const [name] of readFileSync(join(GUIDE, page), 'utf8').matchAll(/<书名>-<年份>[^\s`）)]*-manifest\.json/g)) {
        expect(real.has(name) || real.has(name.replace(/-<[^>]+>-manifest/, '-一校-manifest')), `${page}: ${name}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('every link in the guide leads to a file of the repository', () => {
    const broken: string[] = [];
    for (const page of pages) {
      visit<Link>(tree(page), 'link', (node) => {
        if (/^[a-z]+:/.test(node.url) || node.url.startsWith('#')) return;
        const target = resolve(GUIDE, decodeURIComponent(node.url.replace(/#.*$/, '')));
        if (!existsSync(target)) broken.push(`${page}: ${node.url}`);
      });
    }
    expect(broken).toEqual([]);
  });

  test('the README opens with a short Chinese section that links to the guide', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const opening = readme.slice(0, readme.indexOf('\n## ', readme.indexOf('\n## ') + 1));
    expect(opening).toMatch(/^# nianjian 年鉴\n+## 中文说明/);
    for (const page of ['docs/zh/README.md', 'docs/zh/快速上手.md', 'docs/zh/书稿格式.md']) expect(opening).toContain(`](${page})`);
  });
});
