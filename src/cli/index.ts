/**
 * The nianjian command line: argument parsing, calls into io and build,
 * the report on the terminal, and exit codes (1 on errors).
 */
import { buildBook, checkManuscript } from '../build/index.ts';
import { countMessages, formatMessages, type VFile } from '../diagnostics/index.ts';
import { createFontProvider } from '../font/index.ts';
import { loadFontSet, readManuscript } from '../io/index.ts';
import type { BookStats } from '../parse/index.ts';

const USAGE = `用法 usage:
  nianjian check [书稿目录]            检查书稿（默认 manuscript/）
  nianjian build [书稿目录] [--out 目录]  生成（目前：检查并排出全书各行；PDF、EPUB 随后加入）
选项: --verbose  同时列出规范化提示（info）   --frail  有警告也以 1 退出`;

interface Args {
  command: string;
  dir: string;
  out: string;
  verbose: boolean;
  frail: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const [command = 'help', ...rest] = argv;
  const args: Args = { command, dir: 'manuscript', out: 'output', verbose: false, frail: false };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--out') args.out = rest[++i] ?? args.out;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--frail') args.frail = true;
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

async function build(args: Args, out: (s: string) => void): Promise<number> {
  const started = performance.now();
  const read = await readManuscript(args.dir);
  const fonts = createFontProvider(await loadFontSet());
  const result = buildBook(read.files, read.all, fonts);
  const lines = result.composed.reduce((n, b) => n + b.composed.lines.length, 0);
  out(summary(result.stats));
  out(`排版 composed: ${result.composed.length} 段 paragraphs, ${lines} 行 lines, ${(performance.now() - started).toFixed(0)} ms`);
  out('PDF 与 EPUB 输出尚在开发中（页面版式未完成）。 PDF/EPUB output is not built yet.');
  return finish(args, result.files, out);
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    out(`${args}\n${USAGE}`);
    return 2;
  }
  switch (args.command) {
    case 'check':
      return check(args, out);
    case 'build':
      return build(args, out);
    case 'help': case '--help': case '-h':
      out(USAGE);
      return 0;
    default:
      out(`未知命令 unknown command: ${args.command}\n${USAGE}`);
      return 2;
  }
}
