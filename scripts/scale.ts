/**
 * Scale run: builds the sample, and manuscripts made of it 3 and 10 times
 * over, to the PDF; prints time, pages per second and peak memory for each.
 * Each size runs in a child process so its peak RSS is its own.
 *
 *   npx tsx scripts/scale.ts [1 3 10]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

const child = `
import { main } from ${JSON.stringify(join(ROOT, 'src/cli/index.ts'))};
const started = performance.now();
let pages = 0;
const lines: string[] = [];
const code = await main(['build', process.argv[2], '--out', process.argv[3]], (s) => { lines.push(s); const m = /— (\\d+) 页/.exec(s); if (m) pages = Number(m[1]); });
if (code !== 0) console.error(lines.filter((l) => /error/.test(l)).slice(0, 5).join('\\n'));
console.log(JSON.stringify({ code, pages, ms: performance.now() - started, rssMB: process.resourceUsage().maxRSS / 1024 }));
`;

const sizes = process.argv.slice(2).map(Number);
const script = join(mkdtempSync(join(tmpdir(), 'nianjian-scale-')), 'child.mts');
writeFileSync(script, child);
console.log('size  pages   wall     pages/s  peak RSS');
for (const times of sizes.length ? sizes : [1, 3, 10]) {
  const dir = times === 1 ? SAMPLE : scaled(times);
  const out = join(tmpdir(), `nianjian-scale-out-${times}`);
  mkdirSync(out, { recursive: true });
  const result = JSON.parse(execFileSync('npx', ['tsx', script, dir, out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').at(-1)!);
  console.log(`${String(times).padStart(3)}×  ${String(result.pages).padStart(5)}  ${(result.ms / 1000).toFixed(1).padStart(6)} s  ${(result.pages / (result.ms / 1000)).toFixed(0).padStart(6)}  ${result.rssMB.toFixed(0).padStart(6)} MB${result.code === 0 ? '' : `  (exit ${result.code})`}`);
  if (times !== 1) rmSync(dir, { recursive: true, force: true });
}
