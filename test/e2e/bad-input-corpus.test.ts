/**
 * The bad-input corpus (test/fixtures/bad-input, issue 16): each case is a
 * small manuscript written to a temporary folder and built by the CLI into a
 * folder that holds the last good build. Each case asserts the exit code,
 * each expected message's rule id and file:line, no stack trace and no hang;
 * a failed build leaves the last good PDF and EPUB byte for byte, and a
 * build that succeeds prints every character of the manuscript in both.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { type Case, CORPUS } from '../fixtures/bad-input/index.ts';
import { VALID_BOOK_YAML, writeManuscript } from '../helpers/manuscript.ts';
import { epubText, missingHan, outputIn, pdfText, printedSource } from '../helpers/outputs.ts';

/** Generous: the biggest case (a 100,000-character paragraph) builds in a few seconds. */
const TIME_LIMIT_MS = 30_000;

let good: string;
beforeAll(async () => {
  good = mkdtempSync(join(tmpdir(), 'nianjian-good-'));
  const dir = writeManuscript({ '01-篇.md': '# 区情概览\n\n## 综述\n\n【概况】 河西区位于天津市区东南部。\n' });
  expect(await main(['build', dir, '--out', good], () => {})).toBe(0);
}, 60_000);

/** The books a build writes. */
const outputs = (dir: string) => readdirSync(dir).filter((n) => /\.(pdf|epub)$/.test(n)).sort();

function writeCase(c: Case): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-case-'));
  const files = c.book === false ? c.files : { 'book.yaml': c.book ?? VALID_BOOK_YAML, ...c.files };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  c.setup?.(dir);
  return dir;
}

/** Sets `vars` in the environment; returns what they were, to set back. */
function setEnv(vars: Record<string, string | undefined>): Record<string, string | undefined> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return saved;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `file:line:col: error|warning|info: … [rule]`, file being relative to the manuscript (or the folder itself for "."). */
function messagePattern(rule: string, place: string): RegExp {
  const [file, line] = [place.slice(0, place.lastIndexOf(':')), place.slice(place.lastIndexOf(':') + 1)];
  const path = file === '.' ? '[^\\s:]*' : `(?:^|[/\\s])${escape(file)}`;
  return new RegExp(`${path}:${line}:\\d+: (error|warning|info): .*\\[${escape(rule)}\\]`, 'm');
}

/** The Markdown a case asks to print, all files together. */
function sourceText(c: Case): string {
  const text = Object.entries(c.files).filter(([n]) => n.endsWith('.md')).map(([, t]) => printedSource(String(t))).join('\n');
  return c.absent ? text.replace(new RegExp(`[${c.absent}]`, 'gu'), '') : text;
}

describe('bad input never crashes and never loses work (issue 16)', () => {
  test('the corpus covers at least 100 cases', () => {
    expect(Object.keys(CORPUS).length).toBeGreaterThanOrEqual(Number(process.env.NIANJIAN_CORPUS_MIN ?? 100));
  });

  for (const [name, c] of Object.entries(CORPUS).sort(([a], [b]) => (a < b ? -1 : 1))) {
    test(`${c.class}: ${name}`, async () => {
      const dir = writeCase(c);
      const out = mkdtempSync(join(tmpdir(), 'nianjian-bad-'));
      cpSync(good, out, { recursive: true });
      const before = outputs(out).map((n) => readFileSync(join(out, n)));
      const lines: string[] = [];
      const started = performance.now();
      const saved = setEnv(c.env ?? {});
      const code = await main(['build', dir, '--out', out, '--verbose', ...(c.args?.(dir) ?? [])], (s) => lines.push(s)).finally(() => setEnv(saved));
      const report = lines.join('\n');
      expect(report).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/); // nothing from the manuscript steers the terminal
      for (const p of c.notCreated ?? []) expect(existsSync(join(out, p)), p).toBe(false);
      expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
      expect(code, report).toBe(c.exit);
      for (const m of c.messages) expect(report, `${m.rule} at ${m.at}`).toMatch(messagePattern(m.rule, m.at));
      expect(report).not.toMatch(/\n\s+at .*\(|Error: |TypeError/); // no stack trace
      if (c.exit !== 0) {
        expect(outputs(out)).toEqual(outputs(good));
        outputs(out).forEach((n, i) => expect(readFileSync(join(out, n)).equals(before[i]!), n).toBe(true));
        return;
      }
      const source = sourceText(c);
      expect(missingHan(source, pdfText(outputIn(out, '.pdf'))), 'PDF').toEqual([]);
      expect(missingHan(source, epubText(outputIn(out, '.epub'))), 'EPUB').toEqual([]);
    }, TIME_LIMIT_MS * 2);
  }

  test('a folder that does not exist', async () => {
    const lines: string[] = [];
    expect(await main(['build', '/nonexistent/manuscript'], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toMatch(/manuscript-missing/);
  });
});
