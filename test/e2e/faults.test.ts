/**
 * Faults of the disk and the system, and caches that went bad (issue 16):
 * a full disk and a read-only disk (real tmpfs mounts, as CI runs as
 * root), a build killed mid-way by Ctrl-C or SIGTERM, damaged cache
 * entries, photos turned by EXIF and photos of the same name, and the
 * same bytes under another time zone and locale. After every failure the
 * last good outputs are there byte for byte, and no temporary file is left.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { runBuild } from '../../src/pipeline/index.ts';
import { jpeg, writeManuscript } from '../helpers/manuscript.ts';
import { outputIn } from '../helpers/outputs.ts';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/nianjian.js');
const PART = '# 区情概览\n\n## 综述\n\n【概况】 河西区位于天津市区东南部。\n';

const books = (dir: string) => readdirSync(dir).filter((n) => /\.(pdf|epub)$/.test(n)).sort();
const snapshot = (dir: string) => new Map(books(dir).map((n) => [n, readFileSync(join(dir, n))]));
const temporaries = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((n) => /\.tmp-\d+/.test(n));

function expectUntouched(dir: string, before: Map<string, Buffer>): void {
  expect(books(dir)).toEqual([...before.keys()]);
  for (const [n, bytes] of before) expect(readFileSync(join(dir, n)).equals(bytes), n).toBe(true);
  expect(temporaries(dir)).toEqual([]);
}

async function build(dir: string, out: string): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await main(['build', dir, '--out', out], (s) => lines.push(s));
  return { code, text: lines.join('\n') };
}

/** A tmpfs of `size` at a new folder, or undefined where this machine may not mount (not root). */
function tmpfs(size: string, options = ''): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-tmpfs-'));
  const done = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? `,${options}` : ''}`, 'tmpfs', dir]);
  return done.status === 0 ? dir : undefined;
}
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted) spawnSync('umount', [m]);
});

let small: string;
let goodOut: string;
beforeAll(async () => {
  const photo = await jpeg(1600, 1200);
  small = writeManuscript({ '01-篇.md': `${PART}\n![河西区全景](photos/a.jpg "区融媒体中心提供")\n`, 'photos/a.jpg': photo });
  goodOut = mkdtempSync(join(tmpdir(), 'nianjian-good-'));
  expect((await build(writeManuscript({ '01-篇.md': PART }), goodOut)).code).toBe(0);
}, 120_000);

const canMount = tmpfs('1m') !== undefined;

describe('the disk fails: the last good outputs stay (issue 16)', () => {
  test.skipIf(!canMount)('a full disk fails with one line naming ENOSPC, exit 3; nothing replaced, no temporary file left', async () => {
    const sharp = (await import('sharp')).default;
    const noise = await sharp(Buffer.from(Array.from({ length: 800 * 600 * 3 }, (_, i) => (i * 2654435761) >>> 24)), { raw: { width: 800, height: 600, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    const big = writeManuscript({ '01-篇.md': `${PART}\n![噪点照片](photos/n.jpg "某某摄")\n`, 'photos/n.jpg': noise });
    const held = readdirSync(goodOut).filter((n) => !n.startsWith('.')).reduce((sum, n) => sum + statSync(join(goodOut, n)).size, 0);
    // Room for the last good outputs and a little more: the new PDF (with its photo) cannot fit.
    const out = tmpfs(`${Math.ceil((held + noise.length / 2) / 4096) * 4}k`)!;
    mounted.push(out);
    for (const n of readdirSync(goodOut).filter((n) => !n.startsWith('.'))) cpSync(join(goodOut, n), join(out, n));
    const before = snapshot(out);
    const { code, text } = await build(big, out);
    expect(code, text).toBe(3);
    expect(text).toMatch(/:1:1: error: .*ENOSPC.*磁盘已满.*上次生成的文件保持不变。 \[system-fault\]/);
    expect(text).not.toMatch(/\n\s+at /);
    expectUntouched(out, before);
  }, 60_000);

  test.skipIf(!canMount)('a read-only disk fails with one line naming EROFS, exit 3', async () => {
    const out = tmpfs('4m')!;
    mounted.push(out);
    cpSync(goodOut, out, { recursive: true });
    spawnSync('mount', ['-o', 'remount,ro', out]);
    const before = snapshot(out);
    const { code, text } = await build(small, out);
    expect(code, text).toBe(3);
    expect(text).toMatch(/error: .*(EROFS|EACCES).*\[system-fault\]/);
    expectUntouched(out, before);
  }, 60_000);

  test('a failed build writes a report that says it failed and why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianjian-failed-'));
    cpSync(goodOut, out, { recursive: true });
    const bad = writeManuscript({ '01-篇.md': `${PART}\n![缺图](photos/none.jpg "某某提供")\n` });
    expect((await build(bad, out)).code).toBe(1);
    const report = readFileSync(outputIn(out, '-report.html'), 'utf8');
    expect(report).toMatch(/本次生成失败：书稿有错误.*上次生成的 PDF 与 EPUB 保持不变/);
    expect(report).toMatch(/figure-file-missing/);
  });

  test('a book.yaml that cannot be read (no title to name the files by) still replaces the last report with one that says why', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianjian-failed-'));
    cpSync(goodOut, out, { recursive: true });
    const before = snapshot(out);
    const bad = writeManuscript({ 'book.yaml': 'title: [unclosed\nyear: 2024\n', '01-篇.md': PART }, false);
    expect((await build(bad, out)).code).toBe(1);
    const reports = readdirSync(out).filter((n) => n.endsWith('-report.html'));
    expect(reports).toHaveLength(1);
    const report = readFileSync(join(out, reports[0]!), 'utf8');
    expect(report).toMatch(/本次生成失败：书稿有错误.*上次生成的 PDF 与 EPUB 保持不变/);
    expect(report).toMatch(/yaml-syntax/);
    expectUntouched(out, before);
  });
});

describe('an error inside nianjian', () => {
  // It was status 'fault', so `build` exited 3 (a fault of the disk: 磁盘已满…) where the README promises 70.
  test('is not a fault of the disk: status internal (exit 70), one message naming the step, the last good outputs kept', async () => {
    const dir = writeManuscript({ '01-篇.md': PART });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-internal-'));
    expect((await build(dir, out)).code).toBe(0);
    const before = snapshot(out);
    const outcome = await runBuild({ dir, out, draft: false, epub: true, log: () => {}, fonts: () => Promise.reject(new TypeError('Cannot read properties of undefined')) });
    expect(outcome.status).toBe('internal');
    expect(outcome.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual(['internal-error']);
    expectUntouched(out, before);
  });
});

describe('an interrupted build (issue 16)', () => {
  for (const [signal, after] of [['SIGINT', /排版 laying out/], ['SIGTERM', /^PDF: /m]] as const) {
    test(`${signal} during the build: exit 130, one line, temporary files removed, last good outputs kept`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'nianjian-kill-'));
      cpSync(goodOut, out, { recursive: true });
      const before = snapshot(out);
      const child = spawn(process.execPath, [CLI, 'build', join(ROOT, 'manuscript'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let sent = false;
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d;
        if (!sent && after.test(text)) sent = child.kill(signal);
      });
      child.stderr.on('data', (d: Buffer) => (text += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code, text).toBe(130);
      expect(text).toMatch(new RegExp(`生成被中断（${signal}）.*\\[build-interrupted\\]`));
      expect(text).not.toMatch(/\n\s+at /);
      expectUntouched(out, before);
    }, 120_000);
  }
});

describe('a Ctrl-C before the build begins (session 38)', () => {
  // Sends the process SIGINT from inside, at the moment the launcher reads the bundle: Node's own handler ends a process that does not listen yet, without a word.
  const PRELOAD = `const fs = require('node:fs'); const read = fs.readFileSync; let sent = false;
fs.readFileSync = function (path, ...rest) {
  if (!sent && String(path).endsWith('cli.cjs')) { sent = true; process.stderr.write('[interrupt sent while loading]\\n'); process.kill(process.pid, 'SIGINT'); }
  return read.call(this, path, ...rest);
};
require('node:module').syncBuiltinESMExports();`;

  test('SIGINT while the launcher loads the bundle: exit 130 and the one line, not a silent end by Node’s default', async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-early-'));
    cpSync(goodOut, out, { recursive: true });
    const before = snapshot(out);
    const preload = join(out, '..', `${out.split('/').pop()}-preload.cjs`);
    writeFileSync(preload, PRELOAD);
    const run = spawnSync(process.execPath, ['--require', preload, CLI, 'build', join(ROOT, 'manuscript'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
    const text = run.stdout + run.stderr;
    expect(text).toContain('[interrupt sent while loading]');
    expect(run.signal, text).toBeNull();
    expect(run.status, text).toBe(130);
    expect(text).toMatch(/生成被中断（SIGINT）.*\[build-interrupted\]/);
    expectUntouched(out, before);
  }, 120_000);
});

describe('caches cannot poison a build (issue 16)', () => {
  test('emptied and damaged cache entries are made again: the EPUB has every photo, the same bytes as before', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianjian-cache-'));
    expect((await build(small, out)).code).toBe(0);
    const first = snapshot(out);
    const entries = readdirSync(join(out, '.cache'), { recursive: true }).map(String).filter((n) => statSync(join(out, '.cache', n)).isFile());
    expect(entries.length).toBeGreaterThanOrEqual(3); // screen photo, cover, verdict
    entries.forEach((n, i) => {
      const path = join(out, '.cache', n);
      if (i % 2 === 0) writeFileSync(path, '');
      else writeFileSync(path, readFileSync(path).fill(0x41, 0, 64));
    });
    expect((await build(small, out)).code).toBe(0);
    for (const [n, bytes] of first) expect(readFileSync(join(out, n)).equals(bytes), n).toBe(true);
    const epub = unzipSync(new Uint8Array(readFileSync(outputIn(out, '.epub'))));
    for (const [name, bytes] of Object.entries(epub)) if (name.endsWith('.jpg')) expect(bytes.length, name).toBeGreaterThan(1000);
  }, 120_000);
});

describe('photos (issue 16)', () => {
  test('a phone photo with EXIF orientation 6 prints upright, portrait, in the PDF and the EPUB', async () => {
    const sharp = (await import('sharp')).default;
    const turned = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#8a7' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const dir = writeManuscript({ '01-篇.md': `${PART}\n![竖拍照片](photos/p.jpg "某某摄")\n`, 'photos/p.jpg': turned });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-exif-'));
    expect((await build(dir, out)).code).toBe(0);
    const list = execFileSync('pdfimages', ['-list', outputIn(out, '.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(list.map((l) => l.trim().split(/\s+/).slice(3, 5).join('×'))).toContain('400×600');
    const epub = unzipSync(new Uint8Array(readFileSync(outputIn(out, '.epub'))));
    const photo = Object.entries(epub).find(([n]) => /images\/p-[0-9a-f]{8}\.jpg$/.test(n))!;
    const meta = await sharp(Buffer.from(photo[1])).metadata();
    expect([meta.width! < meta.height!, meta.orientation ?? 1]).toEqual([true, 1]);
  }, 60_000);

  test('photos of one name in two folders, and one named cover.jpg, stay apart in the EPUB', async () => {
    const [a, b] = [await jpeg(300, 200), await jpeg(200, 300)];
    const dir = writeManuscript({
      '01-篇.md': `${PART}\n![甲](photos/a/x.jpg "甲提供")\n\n![乙](photos/b/x.jpg "乙提供")\n\n![封面照](photos/cover.jpg "丙提供")\n`,
      'photos/a/x.jpg': a, 'photos/b/x.jpg': b, 'photos/cover.jpg': await jpeg(250, 250),
    });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-names-'));
    expect((await build(dir, out)).code).toBe(0);
    const epub = unzipSync(new Uint8Array(readFileSync(outputIn(out, '.epub'))));
    const images = Object.keys(epub).filter((n) => n.startsWith('OEBPS/images/'));
    expect(images).toHaveLength(4); // three photos and the generated cover
    const opf = strFromU8(epub['OEBPS/package.opf'] ?? epub[Object.keys(epub).find((n) => n.endsWith('.opf'))!]!);
    for (const img of images) expect(opf).toContain(img.replace('OEBPS/', ''));
  }, 60_000);
});

describe('determinism (issue 16)', () => {
  test('the same manuscript gives the same PDF and EPUB bytes under another time zone and locale', () => {
    const outs = [['UTC', 'C'], ['Pacific/Kiritimati', 'zh_CN.UTF-8'], ['America/Los_Angeles', 'de_DE.UTF-8']].map(([tz, lang]) => {
      const out = mkdtempSync(join(tmpdir(), 'nianjian-tz-'));
      execFileSync(process.execPath, [CLI, 'build', small, '--out', out], { cwd: ROOT, env: { ...process.env, TZ: tz, LANG: lang, LC_ALL: lang }, stdio: 'ignore' });
      return snapshot(out);
    });
    for (const other of outs.slice(1)) {
      for (const [n, bytes] of outs[0]!) expect(other.get(n)?.equals(bytes), n).toBe(true);
    }
  }, 180_000);
});

test('--out inside a file, or a folder that cannot be made, is one line and exit 3', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'nianjian-f-')), 'plain.txt');
  writeFileSync(file, 'x');
  const { code, text } = await build(small, join(file, 'out'));
  expect(code).toBe(3);
  expect(text.split('\n').filter((l) => l.includes('[system-fault]'))).toHaveLength(1);
  expect(existsSync(join(file, 'out'))).toBe(false);
  rmSync(file);
  mkdirSync(file);
});
