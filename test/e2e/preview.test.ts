/// <reference lib="dom" />
/**
 * `nianjian preview` end to end in a real browser: playwright-core drives
 * Debian's chromium (.ci/run installs it) against the local preview page.
 * The page shows the PDF through pdf.js; an edit to the manuscript rebuilds
 * it, the page reloads by itself and opens at the page that prints the edit;
 * a broken edit keeps the last good PDF on show and says so.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { until } from '../helpers/lines.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As root in a sandbox with no internet: no setuid sandbox, no calls home (see the env notes). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What pdf.js's text layer holds for one page, without spaces. */
const textLayer = (page: Page, n: number) =>
  page.evaluate((n) => document.querySelector(`.page[data-page-number="${n}"] .textLayer`)?.textContent?.replace(/\s/g, '') ?? '', n);

/** The 1-based page of the PDF on disk that prints `text` (pdftotext, page by page). */
function printedOn(pdf: string, text: string): number {
  const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
  for (let p = 1; p <= pages; p++) {
    if (execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '').includes(text)) return p;
  }
  return 0;
}

test('preview shows the PDF in pdf.js, reloads after an edit at the edited page, and keeps the last good PDF on a broken edit', async () => {
  expect(existsSync(CHROMIUM), `the browser test needs chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`).toBe(true);
  const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-preview-')), '书');
  expect(await main(['init', dir], () => {})).toBe(0);
  const part = join(dir, '01-概况.md');
  // Enough text that the book's last page is far from its first.
  appendFileSync(part, `\n【填充条目】 ${'预览用的填充文字，让正文多占几页。'.repeat(400)}\n`);
  const out = join(dir, '..', 'output');
  const lines: string[] = [];
  const stop = new AbortController();
  const previewing = main(['preview', dir, '--out', out, '--port', '0'], (s) => lines.push(s), stop.signal);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const url = (await until(lines, /^预览 preview: http/, 1)).match(/http:\/\/127\.0\.0\.1:\d+\//)![0];
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('body[data-shown="1"]', { state: 'attached', timeout: 60_000 });
    const pdf = join(out, readdirSync(out).find((n) => n.endsWith('.pdf'))!);
    expect(Number((await page.textContent('#sheet'))!.match(/\/ (\d+)/)![1])).toBe(Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]));
    expect(await textLayer(page, 1)).toContain('某某年鉴');

    const sentence = '预览测试：这一句是刚刚加上的。';
    appendFileSync(part, `\n${sentence}\n`);
    await page.waitForSelector('body[data-shown="2"]', { state: 'attached', timeout: 60_000 });
    const at = Number(await page.getAttribute('body', 'data-page'));
    expect(at).toBe(printedOn(pdf, sentence));
    expect(at).toBeGreaterThan(5);
    expect(await textLayer(page, at)).toContain(sentence);
    // The status and the page box give the printed page number (the PDF's page labels).
    const folio = (await page.getAttribute('body', 'data-folio'))!;
    expect(folio).toMatch(/^\d+$/);
    expect(await page.inputValue('#pageNumber')).toBe(folio);
    expect(await page.textContent('#status')).toMatch(new RegExp(`01-概况\\.md:\\d+ → 第 ${folio} 页`));

    appendFileSync(part, '\n#### 跳级的标题\n\n不该出现的话。\n');
    await page.waitForSelector('body[data-status="errors"]', { state: 'attached', timeout: 60_000 });
    expect(await page.textContent('#status')).toContain('显示的是上次生成的 PDF');
    expect(await page.getAttribute('body', 'data-shown')).toBe('2');
    expect(await textLayer(page, at)).toContain(sentence);
    const report = await page.request.get(new URL('report', url).href);
    expect(await report.text()).toContain('heading-level-skipped');
    // The page's own Chinese font, for machines without one: the book's Hei, served whole.
    const font = await page.request.get(new URL('fonts/ui', url).href);
    expect(font.headers()['content-type']).toBe('font/ttf');
    expect((await font.body()).length).toBeGreaterThan(1_000_000);
  } finally {
    await browser.close();
    stop.abort();
  }
  expect(await previewing).toBe(0);
}, 150_000);

test('preview on a port already taken says so and exits 3 (a fault of the system), without building', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = String((taken.address() as AddressInfo).port);
  const lines: string[] = [];
  try {
    expect(await main(['preview', 'manuscript', '--port', port], (s) => lines.push(s), new AbortController().signal)).toBe(3);
  } finally {
    taken.close();
  }
  expect(lines.join('\n')).toContain(`端口 ${port} 已被占用`);
  expect(lines.join('\n')).not.toContain('读取书稿');
});
