/**
 * Scale run: builds the sample, and manuscripts made of it 3 and 10 times
 * over, with the installed CLI (PDF and EPUB); prints time, pages per second
 * and peak memory for each. Each build runs in a process of its own, so its
 * peak RSS is its own.
 *
 *   npx tsx scripts/scale.ts [1 3 10]
 */
import { runCliBuild } from './run-cli.ts';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'manuscript');

/** The sample with its parts repeated `times` times (01-特载.md → 01-特载.md, 24-特载.md, …). */
function scaled(times: number): string {
  const dir = mkdtempSync(join(tmpdir(), `nianjian-x${times}-`));
  cpSync(join(SAMPLE, 'book.yaml'), join(dir, 'book.yaml'));
  cpSync(join(SAMPLE, 'front'), join(dir, 'front'), { recursive: true });
  cpSync(join(SAMPLE, 'photos'), join(dir, 'photos'), { recursive: true }); // a symlink out of the folder would be refused
  const parts = readdirSync(SAMPLE).filter((n) => n.endsWith('.md')).sort();
  for (let t = 0; t < times; t++) {
    parts.forEach((name, i) => cpSync(join(SAMPLE, name), join(dir, `${String(t * parts.length + i + 1).padStart(3, '0')}-${name.replace(/^\d+-/, '')}`)));
  }
  return dir;
}

function build(dir: string, out: string): { code: number; pages: number; ms: number; rssMB: number } {
  const child = runCliBuild(dir, out);
  if (child.status !== 0) console.error(child.stdout.split('\n').filter((l) => /error|错误/.test(l)).slice(0, 5).join('\n'));
  return { code: child.status, pages: Number(/— (\d+) 页/.exec(child.stdout)?.[1] ?? 0), ms: child.seconds * 1000, rssMB: child.rssMB };
}

const sizes = process.argv.slice(2).map(Number);
console.log('size  pages   wall     pages/s  peak RSS');
for (const times of sizes.length ? sizes : [1, 3, 10]) {
  const dir = times === 1 ? SAMPLE : scaled(times);
  const out = join(tmpdir(), `nianjian-scale-out-${times}`);
  mkdirSync(out, { recursive: true });
  build(dir, out); // the first build of a folder makes the EPUB's screen images: timed is the next one, as an editor's builds are
  const result = build(dir, out);
  console.log(`${String(times).padStart(3)}×  ${String(result.pages).padStart(5)}  ${(result.ms / 1000).toFixed(1).padStart(6)} s  ${(result.pages / (result.ms / 1000)).toFixed(0).padStart(6)}  ${result.rssMB.toFixed(0).padStart(6)} MB${result.code === 0 ? '' : `  (exit ${result.code})`}`);
  if (times !== 1) rmSync(dir, { recursive: true, force: true });
}
