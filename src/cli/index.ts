/**
 * The nianjian command line: the commands of options.ts run through io and
 * build, the report on the terminal (or as JSON), and the exit codes of
 * options.ts (EXIT).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkManuscript, pageOfSource } from '../build/index.ts';
import { countMessages, escapeTerminal, formatMessages, type VFile } from '../diagnostics/index.ts';
import { checkBookFonts, createManuscript, loadFonts, readManuscript, ScratchFiles, systemFault } from '../io/index.ts';
import type { Book } from '../model/index.ts';
import type { BookStats } from '../parse/index.ts';
import { type BuildOutcome, internalErrorFile, roundName, runBuild } from '../pipeline/index.ts';
import { listIndexHeadings } from './index-list.ts';
import { commandHelp, generalHelp, version } from './help.ts';
import { importArgs, importCommand } from './import.ts';
import { COMMANDS, EXIT, type ParsedCommand, parseCommandLine } from './options.ts';
import { preview } from './preview.ts';
import { listQueries } from './queries.ts';
import { terminalProgress } from './progress.ts';
import { colourLines, formatJson, jsonDiagnostics, wantsColour } from './report.ts';
import { newCaches, refreshFonts, remember, reuseLine, type Session } from './session.ts';
import { watchManuscript } from './watch.ts';

export { EXIT };

/** What the command line asked for, with each option's default. */
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
  /** Only the report lines: no stages, counts or summary. */
  quiet: boolean;
  format: 'text' | 'json';
  /** Issue 23: a final build with open queries; a proof's round (which makes it a draft); the earlier proof to compare with. */
  allowQueries: boolean;
  round?: string;
  since?: string;
}

/**
 * The book folder when none is named: the current folder when it holds a
 * book.yaml (an editor in their book), else its manuscript/ when there is
 * one (this repository's sample), else the current folder, which then says
 * what is missing.
 */
export function defaultBookDir(cwd = process.cwd()): string {
  if (existsSync(join(cwd, 'book.yaml'))) return '.';
  return existsSync(join(cwd, 'manuscript', 'book.yaml')) ? 'manuscript' : '.';
}

function toArgs({ command, positionals, values }: ParsedCommand): Args {
  return {
    command, dir: positionals[0] ?? defaultBookDir(), out: (values.out as string | undefined) ?? 'output', verbose: Boolean(values.verbose), frail: Boolean(values.frail),
    draft: Boolean(values.draft), press: Boolean(values.press), port: values.port === undefined ? 8420 : Number(values.port), quiet: Boolean(values.quiet),
    format: values.format === 'json' ? 'json' : 'text', allowQueries: Boolean(values['allow-queries']),
    ...(values.round ? { round: roundName(String(values.round))!, draft: true } : {}), ...(values.since !== undefined ? { since: String(values.since) } : {}),
  };
}

function summary(stats: BookStats): string {
  return [
    `篇 parts ${stats.parts}`, `章 chapters ${stats.chapters}`, `分目 sections ${stats.sections}`,
    `条目 entries ${stats.entries}`, `图片 figures ${stats.figures}`, `图片组 galleries ${stats.galleries}`,
    `表格 tables ${stats.tables}`, `索引词 index terms ${stats.indexTerms}`, `字符 characters ${stats.characters}`,
  ].join(' · ');
}

/** Prints the report (lines or JSON) and the counts; the exit code: 1 on errors, or on warnings with --frail. */
function finish(args: Args, files: VFile[], io: Io): number {
  if (args.format === 'json') io.raw(formatJson(jsonDiagnostics(files, args.verbose)));
  else {
    const report = formatMessages(files, { includeInfo: args.verbose });
    if (report) io.report(report);
  }
  const c = countMessages(files);
  io.say(`${c.fatal + c.error} 个错误 errors, ${c.warning} 个警告 warnings, ${c.info} 条提示 info`);
  if (c.fatal + c.error > 0) return EXIT.errors;
  return args.frail && c.warning > 0 ? EXIT.errors : EXIT.ok;
}

async function check(args: Args, io: Io): Promise<number> {
  const read = await readManuscript(args.dir);
  const result = checkManuscript(read.files, read.all);
  io.say(summary(result.stats));
  return finish(args, [...result.files, ...(await bookFontProblems(args.dir))], io);
}

/** A book's own fonts.yaml, checked as a build reads it, its fonts opened: its problems at their places (nothing when it has none). */
async function bookFontProblems(dir: string): Promise<VFile[]> {
  const file = await checkBookFonts(dir);
  return file && file.messages.length > 0 ? [file] : [];
}

/** nianjian init [dir]: a new yearbook from templates/new-book (the current folder when none is named); it builds at once. */
async function init(dir: string | undefined, io: Io): Promise<number> {
  const made = await createManuscript(dir ?? '.');
  if (made.status !== 'ok') {
    io.report(`${dir ?? '当前目录'}：${made.message}`);
    // A path that names a file or a folder in use is the command line's mistake; a disk that refuses, a fault.
    return made.status === 'usage' ? EXIT.usage : EXIT.fault;
  }
  const next = dir ? `cd ${/[\s'"]/.test(dir) ? JSON.stringify(dir) : dir} && nianjian build` : 'nianjian build';
  io.say(`已在 ${dir ?? '当前目录'} 建立新书稿：book.yaml、fonts.yaml、front/、01-概况.md、photos/、templates/。下一步：${next}`);
  return EXIT.ok;
}

/** A book's title as the preview shows it: 天津市河西年鉴（2024）. */
const titleOf = (book: Book) => `${book.settings.title}（${book.settings.year}）`;

/** Runs one build through the pipeline, prints what it found, and keeps what the preview needs. */
async function build(args: Args, io: Io, session: Session = {}, scratch?: ScratchFiles): Promise<number> {
  const bar = args.quiet || args.format === 'json' ? undefined : terminalProgress();
  await refreshFonts(session);
  const outcome = await runBuild({
    dir: args.dir, out: args.out, draft: args.draft, epub: !args.draft && args.command === 'build', press: args.press && !args.draft && args.command === 'build', log: io.say,
    ...(session.caches ? { caches: session.caches, reuse: reuseLine } : {}), ...(session.edits || session.caches ? { fonts: () => (session.fonts ??= loadFonts({ bookDir: args.dir })) } : {}),
    ...(scratch ? { scratch } : {}), ...(bar ? { progress: bar } : {}),
    allowQueries: args.allowQueries, ...(args.round ? { round: args.round } : {}), ...(args.since ? { since: args.since } : {}),
  });
  if (outcome.stats) io.say(summary(outcome.stats));
  if (outcome.status !== 'built') io.say('未生成新的 PDF 与 EPUB；上次生成的文件保持不变。 Nothing was replaced.');
  rememberOutcome(session, outcome);
  const code = finish(args, outcome.files, io);
  // An error inside nianjian is not a fault of the disk: a script that retries on a full disk must not retry on it.
  if (outcome.status === 'usage' && code === EXIT.errors) return EXIT.usage;
  return outcome.status === 'fault' ? EXIT.fault : outcome.status === 'internal' ? EXIT.internal : code;
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
async function interruptibleBuild(args: Args, io: Io, signal: AbortSignal): Promise<number> {
  const scratch = new ScratchFiles();
  const interrupted = new Promise<number>((resolve) => {
    signal.addEventListener('abort', () => {
      void scratch.removeAll().finally(() => {
        io.report(`${args.dir}:1:1: error: 生成被中断（${String(signal.reason ?? 'SIGINT')}）。临时文件已删除，上次生成的文件保持不变。 [build-interrupted]`);
        resolve(EXIT.interrupted);
      });
    }, { once: true });
  });
  return Promise.race([build(args, io, {}, scratch), interrupted]);
}

function run(args: Args, positionals: string[], io: Io, signal: AbortSignal | undefined): Promise<number> {
  // watch and preview print their own lines (the address, each rebuild) even with --quiet; only the builds' stages are left out.
  const say = io.report;
  switch (args.command) {
    case 'check':
      return check(args, io);
    case 'build':
      return signal ? interruptibleBuild(args, io, signal) : build(args, io);
    case 'watch': {
      const session: Session = { caches: newCaches() };
      return watchManuscript({ dir: args.dir, outDir: args.out, out: say, signal: signal ?? stopOnInterrupt(), rebuild: () => build(args, io, session) });
    }
    case 'preview':
      return preview({ dir: args.dir, outDir: args.out, port: args.port, out: say, signal: signal ?? stopOnInterrupt(), build: (session) => build(args, io, session) });
    case 'init':
      return init(positionals[0], io);
    case 'queries':
      return listQueries(args.dir, say).then((files) => finish(args, files, io));
    default: // index
      return listIndexHeadings(args.dir, say).then((files) => finish(args, files, io));
  }
}

/**
 * Where the CLI writes. `say`: stages, counts and summaries (silent with
 * --quiet and with --format json); `report`: the report lines and what a
 * command must say, with control characters escaped and, on a terminal, the
 * severities in colour; `raw`: JSON, printed as it is (it escapes itself).
 */
interface Io {
  say: (s: string) => void;
  report: (s: string) => void;
  raw: (s: string) => void;
}

function makeIo(out: (s: string) => void, colour: boolean, values: ParsedCommand['values']): Io {
  const report = (s: string) => out(colour ? colourLines(escapeTerminal(s)) : escapeTerminal(s));
  return { report, raw: out, say: values.quiet || values.format === 'json' ? () => {} : report };
}

/** An error nianjian did not expect: one line naming the step, exit 70. */
function lastResort(args: Args, error: unknown, io: Io): number {
  const file = internalErrorFile(args.dir, args.command, error);
  if (args.format === 'json') io.raw(formatJson(jsonDiagnostics([file], true)));
  else io.report(formatMessages([file]));
  return EXIT.internal;
}

/** help, --help, --version: answered from the tables, before any command runs. */
function helpOrVersion(argv: string[], parsed: ParsedCommand | string, print: (s: string) => void): number | undefined {
  if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V') {
    print(`nianjian ${version()} (node ${process.version})`);
    return EXIT.ok;
  }
  if (typeof parsed === 'string') return undefined;
  if (parsed.command === 'help') {
    const topic = parsed.positionals[0];
    print(topic && COMMANDS[topic] ? commandHelp(topic) : generalHelp());
    return topic && !COMMANDS[topic] ? EXIT.usage : EXIT.ok;
  }
  if (parsed.values.help) {
    print(commandHelp(parsed.command));
    return EXIT.ok;
  }
  return undefined;
}

/**
 * Runs the CLI; returns the exit code. Never throws: bad input is a message
 * with file:line, a fault of the disk a message naming the path, and an
 * error nianjian did not expect one line naming the step (exit 70), never a
 * stack trace. Everything printed has its control characters escaped, so a
 * manuscript cannot steer the terminal. `signal` (bin/nianjian.js wires
 * Ctrl-C and SIGTERM to it; a test passes its own) stops a build or ends a
 * watch; without it a watch listens for Ctrl-C itself. Colour only when
 * printing to an interactive terminal (no `out` given and stdout a TTY).
 */
export async function main(argv: string[], out?: (s: string) => void, signal?: AbortSignal): Promise<number> {
  if (out) return runCli(argv, out, false, signal);
  const stdout = stdoutLines();
  try {
    const code = await runCli(argv, stdout.write, wantsColour(process.stdout, process.env), signal);
    const failed = await stdout.failure();
    if (!failed) return code;
    // The listing (index, queries, a JSON report) did not reach its file: a fault, said where it can still be read.
    process.stderr.write(`nianjian：${systemFault(failed, '标准输出', '写入标准输出').message}输出不完整。\n`);
    return EXIT.fault;
  } finally {
    stdout.close();
  }
}

/**
 * Standard output a line at a time. A write that fails (stdout sent to a
 * full disk, `> /dev/full`) is kept, for exit 3 and a line on stderr;
 * console.log would drop it and the listing would be lost with exit 0. A
 * reader that stopped reading (EPIPE: `| head`) is no fault.
 */
function stdoutLines(): { write: (s: string) => void; failure: () => Promise<NodeJS.ErrnoException | undefined>; close: () => void } {
  let failed: NodeJS.ErrnoException | undefined;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') failed ??= error;
  };
  process.stdout.on('error', onError);
  return {
    write: (s) => {
      if (!failed && !process.stdout.destroyed) process.stdout.write(`${s}\n`);
    },
    // A failed write is told on the next turn of the event loop.
    failure: () => new Promise((resolve) => setImmediate(() => resolve(failed))),
    close: () => void process.stdout.off('error', onError),
  };
}

async function runCli(argv: string[], out: (s: string) => void, colour: boolean, signal: AbortSignal | undefined): Promise<number> {
  const print = (s: string) => out(escapeTerminal(s));
  const parsed = parseCommandLine(argv);
  const answered = helpOrVersion(argv, parsed, print);
  if (answered !== undefined) return answered;
  if (typeof parsed === 'string') {
    print(`${parsed}\n用法：nianjian <命令> [书稿目录] [选项]；nianjian help 列出全部命令，nianjian <命令> --help 列出其选项。`);
    return EXIT.usage;
  }
  const io = makeIo(out, colour, parsed.values);
  if (parsed.command === 'import') return importCommand(importArgs(parsed), io.report, signal).catch((error: unknown) => lastResort({ ...toArgs(parsed), dir: 'import' }, error, io));
  const args = toArgs(parsed);
  try {
    return await run(args, parsed.positionals, io, signal);
  } catch (error) {
    return lastResort(args, error, io);
  }
}
