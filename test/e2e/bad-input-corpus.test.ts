/**
 * The bad-input corpus (test/fixtures/bad-input, made by
 * scripts/make-bad-input-fixtures.ts): each manuscript is built by the CLI
 * into a folder that holds the last good build. Each gives its own
 * diagnostic with file:line, the expected exit code, no stack trace, no
 * hang, and — when it fails — leaves the last good PDF and EPUB untouched.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { writeManuscript } from '../helpers/manuscript.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/bad-input');
/** Generous: the biggest case (a 100,000-character paragraph) builds in a few seconds. */
const TIME_LIMIT_MS = 30_000;

let good: string;
beforeAll(async () => {
  good = mkdtempSync(join(tmpdir(), 'nianjian-good-'));
  const dir = writeManuscript({ '01-篇.md': '# 区情概览\n\n## 综述\n\n【概况】 河西区位于天津市区东南部。\n' });
  expect(await main(['build', dir, '--out', good], () => {})).toBe(0);
}, 60_000);

/** The books a build writes (the report beside them is rewritten on every build, good or bad). */
const outputs = (dir: string) => readdirSync(dir).filter((n) => /\.(pdf|epub)$/.test(n)).sort();

describe('bad input never crashes and never loses work', () => {
  for (const name of readdirSync(CORPUS).sort()) {
    test(name, async () => {
      const expected = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as { exit: number; rules: string[] };
      const out = mkdtempSync(join(tmpdir(), 'nianjian-bad-'));
      cpSync(good, out, { recursive: true });
      const before = outputs(out).map((n) => readFileSync(join(out, n)));
      const lines: string[] = [];
      const started = performance.now();
      const code = await main(['build', join(CORPUS, name), '--out', out], (s) => lines.push(s));
      const report = lines.join('\n');
      expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
      expect(code, report).toBe(expected.exit);
      for (const rule of expected.rules) expect(report, rule).toMatch(new RegExp(`:\\d+:\\d+: (error|warning): .*\\[${rule}\\]`));
      expect(report).not.toMatch(/\n\s+at .*\(/); // no stack trace
      if (expected.exit === 1) {
        expect(outputs(out)).toEqual(outputs(good));
        outputs(out).forEach((n, i) => expect(readFileSync(join(out, n)).equals(before[i]!), n).toBe(true));
      }
    }, TIME_LIMIT_MS * 2);
  }

  test('a folder that does not exist', async () => {
    const lines: string[] = [];
    expect(await main(['build', '/nonexistent/manuscript'], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toMatch(/manuscript-missing/);
  });
});
