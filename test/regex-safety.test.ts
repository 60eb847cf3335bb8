/**
 * No pattern can hang on user input (issue 16). Every regular expression in
 * the code that reads manuscript or YAML text (src/config, parse, cjk,
 * derive) is found with the TypeScript parser and checked by recheck, a
 * ReDoS checker, for super-linear backtracking; each is also run on long
 * adversarial strings, and the validators of book.yaml on values made to
 * make a backtracking pattern hang.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { BookSchema } from '../src/config/book-schema.ts';
import { validateIsbn } from '../src/config/index.ts';
import { normalizeText } from '../src/cjk/index.ts';

const ROOT = join(import.meta.dirname, '..');
const FOLDERS = ['src/config', 'src/parse', 'src/cjk', 'src/derive'];

interface Found {
  where: string;
  pattern: RegExp;
}

/** Regular expression literals (and `new RegExp('literal')`) in the folder's non-test sources. */
function regexesIn(folder: string): Found[] {
  const found: Found[] = [];
  for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    const path = join(folder, name);
    const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const where = `${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        found.push({ where, pattern: new RegExp(text.slice(1, end), text.slice(end + 1)) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0] && ts.isStringLiteral(node.arguments[0])) {
        found.push({ where, pattern: new RegExp(node.arguments[0].text) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const ALL = FOLDERS.flatMap(regexesIn);

/** Strings that make backtracking patterns work hardest: long runs of one kind of character, then one that fails. */
const N = 20_000;
const ADVERSARIAL = [
  'a'.repeat(N), `${'a'.repeat(N)}!`, `${'gong'.repeat(N / 4)}!`, `${'gong1'.repeat(N / 5)}1!`, `${' '.repeat(N)}!`, `${'\t \n'.repeat(N / 3)}x`,
  `${'1'.repeat(N)}x`, `${'1-'.repeat(N / 2)}x`, `${'河'.repeat(N)}!`, `${'【'.repeat(N)}`, `【${'x'.repeat(N)}`, `${'（'.repeat(N)}`,
  `<!--${'-'.repeat(N)}`, `<!--${'-->x'.repeat(N / 4)}`, `${'.'.repeat(N)}`, `${'"'.repeat(N)}`, `${'—'.repeat(N)}`, `${'1日—'.repeat(N / 3)}`,
  `${'mm '.repeat(N / 3)}`, `${'1 mm×'.repeat(N / 5)}`, `${'ü'.repeat(N)}9`, `${'a1 '.repeat(N / 3)}11`,
];

describe('regular expressions applied to manuscript and YAML text', () => {
  test('are found in every audited folder', () => {
    for (const folder of FOLDERS) expect(ALL.some((f) => f.where.startsWith(folder)), folder).toBe(true);
    expect(ALL.length).toBeGreaterThan(20);
  });

  test('recheck finds no super-linear backtracking in any of them', () => {
    const vulnerable = ALL.map((f) => ({ ...f, result: checkSync(f.pattern.source, f.pattern.flags, { timeout: 10_000 }) }))
      .filter((f) => f.result.status !== 'safe')
      .map((f) => `${f.where} /${f.pattern.source}/ ${f.result.status}${f.result.status === 'vulnerable' ? ` ${f.result.complexity.type}` : ''}`);
    expect(vulnerable).toEqual([]);
  }, 120_000);

  test('each runs on 20,000-character adversarial strings in well under a second', () => {
    const slow: string[] = [];
    for (const { where, pattern } of ALL) {
      const started = performance.now();
      for (const s of ADVERSARIAL) {
        pattern.lastIndex = 0;
        if (pattern.global || pattern.sticky) s.replace(pattern, '');
        else pattern.test(s);
      }
      const ms = performance.now() - started;
      if (ms > 1000) slow.push(`${where} /${pattern.source}/ ${ms.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });

  test('book.yaml validators and text normalisation finish on adversarial values', () => {
    const started = performance.now();
    for (const s of ADVERSARIAL) {
      BookSchema.safeParse({
        index_readings: { 词: s }, price: s, paper: s, word_count: s, build_date: s, format: { paper: s, fold: 16 },
        edition: { number: 1, date: s }, publisher: { postcode: s },
      });
      validateIsbn(s);
      normalizeText(s.slice(0, 5000));
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
