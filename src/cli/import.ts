/**
 * nianjian import <file.docx | file.xlsx | file.csv | folder>… --into <manuscript> [--part <file or title>] [--force]
 * (the command line is parsed by options.ts)
 *
 * Reads the submissions, has src/intake turn them into manuscript Markdown,
 * and writes new part files (or appends under the part --part names) and
 * their photos. Nothing existing is overwritten without --force, and nothing
 * is written at all when a file is in the way. The import report is printed
 * and written beside the output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { IntakeNote, Submission } from '../intake/index.ts';
import { CATALOGUE } from '../diagnostics/index.ts';
import { byName, commitOutputs, isMarkdownName, kindOf, notRegularReason, ScratchFiles } from '../io/index.ts';
import { EXIT, type ParsedCommand } from './options.ts';

export interface ImportArgs { inputs: string[]; into: string; part: string | undefined; force: boolean }

/** The import's own arguments from the parsed command line (options.ts). */
export function importArgs({ positionals, values }: ParsedCommand): ImportArgs {
  return { inputs: positionals, into: typeof values.into === 'string' ? values.into : '', part: typeof values.part === 'string' ? values.part : undefined, force: Boolean(values.force) };
}

/** src/intake with its readers (mammoth, exceljs), loaded only when importing: other commands start without them. */
type Intake = typeof import('../intake/index.ts');

/** Larger than any unit's Word file with its photos (the sample's largest is a few MB); a file over it is refused before it is read. */
const MAX_SUBMISSION_BYTES = 512 * 1024 * 1024;

/** A file of a folder to import: not hidden, not Word's lock file, not a .txt (in a folder as likely a note or a report as Excel's tab-separated text: only a .txt named on the command line is read). */
const wanted = ({ READABLE, CONVERTIBLE }: Intake, name: string) => !name.startsWith('.') && !name.startsWith('~$') && extname(name).toLowerCase() !== '.txt' && [...READABLE, ...Object.keys(CONVERTIBLE)].includes(extname(name).toLowerCase());

/** The files named, and those in the folders named and their subfolders (hidden ones left out), each folder's in path order. */
function expand(intake: Intake, inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) missing.push(input);
    else if (statSync(input).isDirectory()) files.push(...folderFiles(intake, input));
    else files.push(input);
  }
  return { files, missing };
}

/** The importable files under `folder`, at any depth, sorted by their path (code point order, the same on every machine). */
function folderFiles(intake: Intake, folder: string): string[] {
  const paths = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((rel) => !rel.split(sep).slice(0, -1).some((dir) => dir.startsWith('.')) && wanted(intake, basename(rel)))
    .filter((rel) => statSync(join(folder, rel)).isFile());
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((rel) => join(folder, rel));
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** An old .doc/.wps/.xls converted by LibreOffice; the bytes of the new file, or the reason it could not be. */
function convert(file: string, to: string): { bytes: Uint8Array } | { reason: string } {
  if (!hasSoffice()) return { reason: `这是旧版文件（${extname(file)}），不能直接导入。请用 Word/WPS/Excel“另存为”.${to} 后再导入；或安装 LibreOffice（soffice），导入时会自动转换。` };
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-import-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', dir, file], { stdio: 'ignore', timeout: 180_000 });
    const out = join(dir, `${basename(file, extname(file))}.${to}`);
    return existsSync(out) ? { bytes: readFileSync(out) } : { reason: `LibreOffice 未能把它转换为 .${to}（文件可能已损坏或设有密码）。请用 Word/WPS“另存为”.${to} 后再导入。` };
  } catch (error) {
    return { reason: `LibreOffice 转换失败（${error instanceof Error ? error.message : String(error)}）。请用 Word/WPS“另存为”.${to} 后再导入。` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const errorOnly = (source: string, kind: string, message: string): Submission => ({
  source, partTitle: undefined, content: [], photos: [], notes: [{ source, place: '', severity: 'error', kind, message }],
});

const stemOf = (file: string) => basename(file, extname(file)).replace(/[\s/\\]+/g, '');

/**
 * Each file's stem, which names its photos (stem-01.jpg) and its tables:
 * the file name without extension, or, where two files of one import share
 * it (甲/报告.docx and 乙/报告.docx), their folder's name before it, and a
 * number after it if that is still not enough. Without this the second
 * file's photos would overwrite the first's and the first part would show
 * the wrong pictures.
 */
function stemsOf(files: string[]): string[] {
  const count = (stems: string[], stem: string) => stems.filter((s) => s === stem).length;
  const plain = files.map(stemOf);
  const qualified = files.map((f, i) => (count(plain, plain[i]!) > 1 ? `${basename(dirname(resolve(f))).replace(/[\s/\\]+/g, '')}-${plain[i]}` : plain[i]!));
  const seen = new Map<string, number>();
  return qualified.map((stem) => {
    if (count(qualified, stem) === 1) return stem;
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    return n === 1 ? stem : `${stem}-${n}`;
  });
}

async function readSubmission({ CONVERTIBLE, READABLE, importFile }: Intake, file: string, stem: string, underPart: boolean): Promise<Submission> {
  const source = relative(process.cwd(), file) || file;
  const ext = extname(file).toLowerCase();
  const info = statSync(file);
  // A FIFO named .docx blocked readFileSync, and the import with it, past every signal; /dev/zero linked as .csv never ended.
  if (!info.isFile()) return errorOnly(source, 'not-a-file', `${notRegularReason(kindOf(info))}，未导入。请给出 Word 或 Excel 文件本身。`);
  if (info.size > MAX_SUBMISSION_BYTES) return errorOnly(source, 'too-large', `文件有 ${(info.size / 1048576).toFixed(0)} MB，超过上限 ${MAX_SUBMISSION_BYTES / 1048576} MB，未导入。请把图片压缩后另存，或分成几个文件。`);
  const to = CONVERTIBLE[ext];
  if (to) {
    const converted = convert(file, to);
    if ('reason' in converted) return errorOnly(source, 'old-format', converted.reason);
    const done = await importFile(`${source}.${to}`, converted.bytes, { stem, underPart });
    const note: IntakeNote = { source, place: '', severity: 'warning', kind: 'converted', message: `旧版文件（${ext}）已用 LibreOffice 转换为 .${to} 后导入。请对照原件核对格式。` };
    // A file refused after converting was not imported: "converted and imported" would contradict its error.
    return { ...done, source, notes: [...(done.content.length > 0 ? [note] : []), ...done.notes.map((n) => ({ ...n, source }))] };
  }
  if (!READABLE.includes(ext)) return errorOnly(source, 'unknown-kind', `不认识的文件类型 ${ext || '（无扩展名）'}。可导入 .docx、.xlsx、.csv（及经 LibreOffice 转换的 .doc、.wps、.xls）。`);
  return importFile(source, readFileSync(file), { stem, underPart });
}

/** The parts already in the manuscript: file name → its # title. */
function partFiles(into: string): Map<string, string> {
  const parts = new Map<string, string>();
  if (!existsSync(into)) return parts;
  // The part files as build reads them (io): any case of .md, in the order of their numbers.
  for (const name of readdirSync(into).filter(isMarkdownName).sort(byName)) {
    const title = /^#\s+(.+)$/m.exec(readFileSync(join(into, name), 'utf8'))?.[1]?.trim() ?? '';
    parts.set(name, title);
  }
  return parts;
}

interface Plan { writes: Map<string, Uint8Array | string>; conflicts: string[] }

/**
 * Why --part cannot name a new part file, or undefined. A name with a path
 * separator would make a file in a subfolder, which build never reads; a
 * path is fine only when it names a part file that is there already.
 */
function newPartProblem(part: string, into: string): string | undefined {
  if (!/[/\\]/.test(part)) return undefined;
  if ([...partFiles(into).keys()].some((n) => join(into, n) === part || n === basename(part))) return undefined; // as planMarkdown finds it
  return `--part “${part}”含有“/”或“\\”：篇文件只能直接放在书稿目录中，子目录里的文件生成时不会读。请写成一个篇名，如 --part ${part.replace(/[/\\]+/g, '')}（或写已有篇文件的文件名）。`;
}

/**
 * Heads what an import wrote: a later import of the same file finds it by
 * this. `label` is the file's name, with its folder's where another file of
 * the import has the same name (importLabel).
 */
const markerLine = (label: string) => `<!-- 导入自 ${label.replace(/--/g, '－－')} -->`;

/** The file's name, or folder/name when its stem had to be qualified (stemsOf). */
const importLabel = (file: string, stem: string) => (stem === stemOf(file) ? basename(file) : `${basename(dirname(resolve(file)))}/${basename(file)}`);

function nextNumber(parts: Map<string, string>, planned: number): string {
  const used = [...parts.keys()].map((n) => Number(/^(\d+)-/.exec(n)?.[1] ?? 0));
  return String(Math.max(0, ...used) + 1 + planned).padStart(2, '0');
}

function planPhotos(args: ImportArgs, subs: Submission[], plan: Plan): void {
  for (const s of subs) {
    for (const photo of s.photos) {
      const path = join(args.into, 'photos', photo.name);
      if (existsSync(path) && !args.force && !Buffer.from(readFileSync(path)).equals(Buffer.from(photo.bytes))) plan.conflicts.push(path);
      plan.writes.set(path, photo.bytes);
    }
  }
}

/** Where each submission's Markdown goes: one new file each, or all appended under --part. */
function planMarkdown({ toManuscript }: Intake, args: ImportArgs, subs: Submission[], labels: Map<Submission, string>, plan: Plan): void {
  const parts = partFiles(args.into);
  const markerOf = (s: Submission) => markerLine(labels.get(s) ?? basename(s.source));
  const body = (s: Submission) => `${markerOf(s)}\n\n${toManuscript(s.content)}`;
  if (args.part !== undefined) {
    const byFile = [...parts.keys()].find((n) => n === args.part || n === basename(args.part!) || join(args.into, n) === args.part);
    const byTitle = [...parts.entries()].find(([, t]) => t === args.part)?.[0];
    const existing = byFile ?? byTitle;
    if (existing) {
      const path = join(args.into, existing);
      const old = readFileSync(path, 'utf8');
      for (const s of subs) if (old.includes(markerOf(s)) && !args.force) plan.conflicts.push(`${path}（已导入过 ${s.source}）`);
      plan.writes.set(path, `${old.replace(/\n*$/, '\n\n')}${subs.map(body).join('\n')}`);
      return;
    }
    const title = args.part.replace(/\.md$/, '').replace(/^\d+-/, '');
    const name = args.part.endsWith('.md') ? basename(args.part) : `${nextNumber(parts, 0)}-${title}.md`;
    plan.writes.set(join(args.into, name), `${toManuscript([], title)}\n${subs.map(body).join('\n')}`);
    return;
  }
  let added = 0;
  for (const s of subs) {
    const title = s.partTitle ?? basename(s.source).replace(/\.[^.]+$/, '').replace(/\.[^.]+$/, '');
    const safe = title.replace(/[\s/\\:*?"<>|]+/g, '');
    // A part imported before from the same file, or of the same name, is the one this import would replace.
    // Never one this import already writes: two files of the same title are two parts.
    const before = [...parts.keys()].find((n) => !plan.writes.has(join(args.into, n)) && (readFileSync(join(args.into, n), 'utf8').includes(markerOf(s)) || n.replace(/^\d+-/, '') === `${safe}.md`));
    const path = join(args.into, before ?? `${nextNumber(parts, added++)}-${safe}.md`);
    if (before && !args.force) plan.conflicts.push(path);
    plan.writes.set(path, `${toManuscript([], title)}\n${body(s)}`);
  }
}

function reportPath(into: string, force: boolean): string {
  for (let i = 1; ; i++) {
    const path = join(into, `导入报告${i === 1 ? '' : `-${i}`}.txt`);
    if (force || !existsSync(path)) return path;
  }
}

/** The one line an interrupted import prints (as build prints build-interrupted), and its exit code. */
function interrupted(args: ImportArgs, signal: AbortSignal, out: (s: string) => void): number {
  out(`${args.into}:1:1: error: ${CATALOGUE['import-interrupted'].reason({ signal: String(signal.reason ?? 'SIGINT') })} [import-interrupted]`);
  return EXIT.interrupted;
}

/** Runs an import; `signal` (Ctrl-C, SIGTERM) stops it between files with nothing written, exit 130. */
export async function importCommand(args: ImportArgs, out: (s: string) => void, signal?: AbortSignal): Promise<number> {
  if (!args.into) {
    out('请用 --into 给出书稿目录，如 --into manuscript。\n用法：nianjian import <文件或目录>… --into <书稿目录> [--part <篇文件或篇名>] [--force]');
    return 2;
  }
  if (!existsSync(args.into) || !statSync(args.into).isDirectory()) {
    out(`找不到书稿目录：${args.into}。请检查 --into，或先用 nianjian init ${args.into} 新建书稿。`);
    return 1;
  }
  const partProblem = args.part === undefined ? undefined : newPartProblem(args.part, args.into);
  if (partProblem) {
    out(partProblem);
    return EXIT.usage;
  }
  const intake = await import('../intake/index.ts');
  const { files, missing } = expand(intake, args.inputs);
  for (const m of missing) out(`找不到文件或目录：${m}`);
  if (files.length === 0) {
    out('没有可导入的文件（.docx .xlsx .csv，或 .doc .wps .xls）。');
    return 1;
  }
  const subs: Submission[] = [];
  const labels = new Map<Submission, string>();
  const stems = stemsOf(files);
  for (const [i, file] of files.entries()) {
    // Ctrl-C or SIGTERM stops between files: nothing has been written yet, so there is nothing to roll back.
    if (signal?.aborted) return interrupted(args, signal, out);
    const sub = await readSubmission(intake, file, stems[i]!, args.part !== undefined);
    labels.set(sub, importLabel(file, stems[i]!));
    subs.push(sub);
  }
  const notes = subs.flatMap((s) => s.notes);
  const good = subs.filter((s) => s.content.length > 0);
  const plan: Plan = { writes: new Map(), conflicts: [] };
  if (good.length > 0) {
    planPhotos(args, good, plan);
    planMarkdown(intake, args, good, labels, plan);
  }
  if (plan.conflicts.length > 0) {
    for (const n of notes) out(intake.formatNote(n));
    out(`以下文件已存在，未写入任何文件（确需覆盖请加 --force）：\n${plan.conflicts.map((c) => `  ${c}`).join('\n')}`);
    return 1;
  }
  const parts = [...plan.writes.keys()].filter((p) => p.endsWith('.md'));
  const written = [...parts, `photos/ 中 ${plan.writes.size - parts.length} 幅图片`];
  const report = reportPath(args.into, args.force);
  if (signal?.aborted) return interrupted(args, signal, out);
  // Every file of the import and its report together, or none (io/commit.ts); a signal while writing removes what was written.
  const scratch = new ScratchFiles();
  const stopping = () => void scratch.removeAll();
  signal?.addEventListener('abort', stopping, { once: true });
  const fault = await commitOutputs([...[...plan.writes].map(([path, bytes]) => ({ path, bytes })), { path: report, bytes: intake.formatReport(notes, written) }], scratch);
  signal?.removeEventListener('abort', stopping);
  if (signal?.aborted && fault) return interrupted(args, signal, out);
  if (fault) {
    out(`${fault.path}:1:1: error: ${fault.message}未写入任何文件。 [system-fault]`);
    return 3;
  }
  for (const n of notes) out(intake.formatNote(n));
  const errors = notes.filter((n) => n.severity === 'error').length;
  out(`导入 ${good.length}/${subs.length} 个文件：${errors} 个错误，${notes.filter((n) => n.severity === 'warning').length} 处请核对。报告 report: ${report}`);
  if (good.length > 0) out(`下一步：npx nianjian check ${args.into}`);
  return errors > 0 ? 1 : 0;
}
