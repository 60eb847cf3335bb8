/**
 * The nianjian command line: argument parsing, calls into io and build,
 * the report on the terminal, and exit codes (1 on errors).
 */
import { existsSync } from 'node:fs';
import { checkManuscript, pageOfSource } from '../build/index.ts';
import { countMessages, escapeTerminal, formatMessages, type VFile } from '../diagnostics/index.ts';
import { createManuscript, loadFonts, readManuscript, ScratchFiles } from '../io/index.ts';
import type { Book } from '../model/index.ts';
import type { BookStats } from '../parse/index.ts';
import { type BuildOutcome, internalErrorFile, roundName, runBuild } from '../pipeline/index.ts';
import { listIndexHeadings } from './index-list.ts';
import { IMPORT_USAGE, importCommand } from './import.ts';
import { preview } from './preview.ts';
import { listQueries } from './queries.ts';
import { terminalProgress } from './progress.ts';
import { newCaches, remember, reuseLine, type Session } from './session.ts';
import { watchManuscript } from './watch.ts';

const USAGE = `用法 usage:
  nianjian check [书稿目录]            检查书稿（默认 manuscript/）
  nianjian build [书稿目录] [--out 目录]  生成印刷 PDF 与 EPUB 到 output/
  nianjian watch [书稿目录]            生成一次，之后每次修改书稿自动重新生成
  nianjian preview [书稿目录] [--port 端口]  同 watch，并在浏览器中预览 PDF 与检查报告（默认端口 8420）
  nianjian init <目录>                 新建一部年鉴书稿（可立即生成）
  nianjian index [书稿目录]            列出索引的全部标题及其读音、字母（？为按单字猜读的多音字）
  nianjian queries [书稿目录]          按单位列出未答的存疑，便于发函
${IMPORT_USAGE}
选项: --verbose  同时列出规范化提示（info）   --frail  有警告也以 1 退出
      --press    另生成印刷文件：<书名>-<年份>-印刷.pdf（PDF/X，出血与裁切线）、-彩页.pdf、-封面.pdf
      --draft    校样：每页印日期与书稿版本，条目旁注书稿行号（文件名另加“-校样”）
      --round 二校   校次：印在每页与文件名中（含 --draft）   --since 清单或 git 版本  标出自上次校样以来的改动
      --allow-queries  有未答存疑也生成付印稿（阅读本），报告中列出`;

interface Args {
  command: string;
  dir: string;
  out: string;
  verbose: boolean;
  frail: boolean;
  draft: boolean;
  /** build --press: the printer's PDF/X files too (pipeline/press.ts). */
  press: boolean;
  port: number;
  /** Issue 23: a final build with open queries; a proof's round; the earlier proof to compare with. */
  allowQueries: boolean;
  round?: string;
  since?: string;
}

function parseArgs(argv: string[]): Args | string {
  const [command = 'help', ...rest] = argv;
  const args: Args = { command, dir: 'manuscript', out: 'output', verbose: false, frail: false, draft: false, press: false, port: 8420, allowQueries: false };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--out') args.out = rest[++i] ?? args.out;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--frail') args.frail = true;
    else if (a === '--draft') args.draft = true;
    else if (a === '--press') args.press = true;
    else if (a === '--allow-queries') args.allowQueries = true;
    else if (a === '--since') args.since = rest[++i] ?? '';
    else if (a === '--round') {
      const round = roundName(rest[++i] ?? '');
      if (!round) return `校次应为一校、二校、三校……或终校 --round needs a proof round: ${rest[i] ?? ''}`;
      [args.round, args.draft] = [round, true];
    }
    else if (a === '--port') {
      const port = Number(rest[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `端口应为 0–65535 的整数 --port needs a number: ${rest[i] ?? ''}`;
      args.port = port;
    }
    else if (a.startsWith('-')) return `未知选项 unknown option: ${a}`;
    else positional.push(a);
  }
  if (positional[0]) args.dir = positional[0];
  return args;
}

function summary(stats: BookStats): string {
  return [
    `篇 parts ${stats.parts}`, `章 chapters ${stats.chapters}`, `分目 sections ${stats.sections}`,
    `条目 entries ${stats.entries}`, `图片 figures ${stats.figures}`, `图片组 galleries ${stats.galleries}`,
    `表格 tables ${stats.tables}`, `索引词 index terms ${stats.indexTerms}`, `字符 characters ${stats.characters}`,
  ].join(' · ');
}

function finish(args: Args, files: VFile[], out: (s: string) => void): number {
  const report = formatMessages(files, { includeInfo: args.verbose });
  if (report) out(report);
  const c = countMessages(files);
  out(`${c.fatal + c.error} 个错误 errors, ${c.warning} 个警告 warnings, ${c.info} 条提示 info`);
  if (c.fatal + c.error > 0) return 1;
  return args.frail && c.warning > 0 ? 1 : 0;
}

async function check(args: Args, out: (s: string) => void): Promise<number> {
  const read = await readManuscript(args.dir);
  const result = checkManuscript(read.files, read.all);
  out(summary(result.stats));
  return finish(args, result.files, out);
}

function argvDir(argv: string[]): string | undefined {
  return argv.slice(1).find((a) => !a.startsWith('-'));
}

/** nianjian init <dir>: a new yearbook from templates/new-book, with the default page template; it builds at once. */
async function init(_args: Args, dir: string | undefined, out: (s: string) => void): Promise<number> {
  if (!dir) {
    out(`请给出新书稿的目录：nianjian init 目录名\n${USAGE}`);
    return 2;
  }
  const made = await createManuscript(dir);
  if (made !== 'ok') {
    out(`${dir}：${made}`);
    return 1;
  }
  out(`已在 ${dir} 建立新书稿：book.yaml、front/、01-概况.md、photos/、templates/。下一步：npx nianjian build ${dir}`);
  return 0;
}

/** A book's title as the preview shows it: 天津市河西年鉴（2024）. */
const titleOf = (book: Book) => `${book.settings.title}（${book.settings.year}）`;

/** Exit codes: 0 built, 1 errors in the manuscript, 2 a wrong command line, 3 a fault of the disk or system, 70 a fault of nianjian, 130 interrupted. */
export const EXIT = { ok: 0, errors: 1, usage: 2, fault: 3, internal: 70, interrupted: 130 } as const;

/** Runs one build through the pipeline, prints what it found, and keeps what the preview needs. */
async function build(args: Args, out: (s: string) => void, session: Session = {}, scratch?: ScratchFiles): Promise<number> {
  const bar = terminalProgress();
  const outcome = await runBuild({
    dir: args.dir, out: args.out, draft: args.draft, epub: !args.draft && args.command === 'build', press: args.press && !args.draft && args.command === 'build', log: out,
    ...(session.caches ? { caches: session.caches, reuse: reuseLine } : {}), ...(session.edits || session.caches ? { fonts: () => (session.fonts ??= loadFonts()) } : {}),
    ...(scratch ? { scratch } : {}), ...(bar ? { progress: bar } : {}),
    allowQueries: args.allowQueries, ...(args.round ? { round: args.round } : {}), ...(args.since ? { since: args.since } : {}),
  });
  if (outcome.stats) out(summary(outcome.stats));
  if (outcome.status !== 'built') out('未生成新的 PDF 与 EPUB；上次生成的文件保持不变。 Nothing was replaced.');
  rememberOutcome(session, outcome);
  const code = finish(args, outcome.files, out);
  return outcome.status === 'fault' ? EXIT.fault : code;
}

/** What the preview shows after a build: the new PDF and the page of the edit, or the last good PDF. */
function rememberOutcome(session: Session, outcome: BuildOutcome): void {
  const edit = outcome.read ? session.edits?.update(outcome.read.all) : undefined;
  const { book, paged } = outcome;
  if (!book) return remember(session, outcome.files, { title: '', wrotePdf: false, ...(edit ? { edit } : {}) });
  const built = outcome.status === 'built';
  const editPage = built && edit && paged ? pageOfSource(book, paged, edit) : undefined;
  const pdf = built || (outcome.pdf && existsSync(outcome.pdf)) ? outcome.pdf : undefined;
  remember(session, outcome.files, {
    title: titleOf(book), wrotePdf: built, ...(pdf ? { pdf } : {}), ...(outcome.report ? { report: outcome.report } : {}), ...(paged && built ? { pages: paged.pages.length } : {}),
    ...(edit ? { edit } : {}), ...(editPage !== undefined && paged ? { editPage, editFolio: paged.pages[editPage]!.number } : {}),
  });
}

/** Ctrl-C or SIGTERM ends a watch cleanly: the build under way finishes first, so no file is left half-written; a second one ends it at once. */
function stopOnInterrupt(): AbortSignal {
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => (stop.signal.aborted ? process.exit(signal === 'SIGINT' ? 130 : 143) : stop.abort());
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return stop.signal;
}

/**
 * A build that a signal may stop (the terminal's Ctrl-C or SIGTERM, wired to
 * `signal` by bin/nianjian.js): the build's temporary files are removed, one
 * line says so, and the exit code is 130. Nothing under --out was replaced,
 * since outputs are committed only at the end; the caller exits at once.
 */
async function interruptibleBuild(args: Args, out: (s: string) => void, signal: AbortSignal): Promise<number> {
  const scratch = new ScratchFiles();
  const interrupted = new Promise<number>((resolve) => {
    signal.addEventListener('abort', () => {
      void scratch.removeAll().finally(() => {
        out(`${args.dir}:1:1: error: 生成被中断（${String(signal.reason ?? 'SIGINT')}）。临时文件已删除，上次生成的文件保持不变。 [build-interrupted]`);
        resolve(EXIT.interrupted);
      });
    }, { once: true });
  });
  return Promise.race([build(args, out, {}, scratch), interrupted]);
}

function run(args: Args, argv: string[], out: (s: string) => void, signal: AbortSignal | undefined): Promise<number> {
  switch (args.command) {
    case 'check':
      return check(args, out);
    case 'build':
      return signal ? interruptibleBuild(args, out, signal) : build(args, out);
    case 'watch': {
      const session: Session = { caches: newCaches() };
      return watchManuscript({ dir: args.dir, outDir: args.out, out, signal: signal ?? stopOnInterrupt(), rebuild: () => build(args, out, session) });
    }
    case 'preview':
      return preview({ dir: args.dir, outDir: args.out, port: args.port, out, signal: signal ?? stopOnInterrupt(), build: (session) => build(args, out, session) });
    case 'init':
      return init(args, argvDir(argv), out);
    case 'index':
      return listIndexHeadings(args.dir, out).then((files) => finish(args, files, out));
    case 'queries':
      return listQueries(args.dir, out).then((files) => finish(args, files, out));
    case 'help': case '--help': case '-h':
      out(USAGE);
      return Promise.resolve(EXIT.ok);
    default:
      out(`未知命令 unknown command: ${args.command}\n${USAGE}`);
      return Promise.resolve(EXIT.usage);
  }
}

/** An error nianjian did not expect: one line naming the step, exit 70. */
function lastResort(dir: string, command: string, error: unknown, print: (s: string) => void): number {
  print(formatMessages([internalErrorFile(dir, command, error)]));
  return EXIT.internal;
}

/**
 * Runs the CLI; returns the exit code. Never throws: bad input is a message
 * with file:line, a fault of the disk a message naming the path, and an
 * error nianjian did not expect one line naming the step (exit 70), never a
 * stack trace. Everything printed has its control characters escaped, so a
 * manuscript cannot steer the terminal. `signal` (bin/nianjian.js wires
 * Ctrl-C and SIGTERM to it; a test passes its own) stops a build or ends a
 * watch; without it a watch listens for Ctrl-C itself.
 */
export async function main(argv: string[], out: (s: string) => void = console.log, signal?: AbortSignal): Promise<number> {
  const print = (s: string) => out(escapeTerminal(s));
  if (argv[0] === 'import') return importCommand(argv.slice(1), print).catch((error: unknown) => lastResort('import', 'import', error, print)); // its own options: src/cli/import.ts
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    print(`${args}\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await run(args, argv, print, signal);
  } catch (error) {
    return lastResort(args.dir, args.command, error, print);
  }
}
