/**
 * The nianjian command line: argument parsing, calls into io and build,
 * the report on the terminal, and exit codes (1 on errors).
 */
import { checkManuscript } from '../build/index.ts';
import { countMessages, formatMessages } from '../diagnostics/index.ts';
import { readManuscript } from '../io/index.ts';
import type { BookStats } from '../parse/index.ts';

const USAGE = `用法 usage:
  nianjian check [书稿目录]            检查书稿（默认 manuscript/）
  nianjian build [书稿目录] [--out 目录]  生成（目前执行检查；PDF、EPUB 随后加入）
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

async function check(args: Args, out: (s: string) => void): Promise<number> {
  const read = await readManuscript(args.dir);
  const result = checkManuscript(read.files, read.all);
  const report = formatMessages(result.files, { includeInfo: args.verbose });
  if (report) out(report);
  const c = countMessages(result.files);
  out(summary(result.stats));
  out(`${c.fatal + c.error} 个错误 errors, ${c.warning} 个警告 warnings, ${c.info} 条提示 info`);
  if (c.fatal + c.error > 0) return 1;
  return args.frail && c.warning > 0 ? 1 : 0;
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
      out('PDF 与 EPUB 输出尚在开发中，本次仅检查书稿。 (PDF/EPUB output is not built yet; running check.)');
      return check(args, out);
    case 'help': case '--help': case '-h':
      out(USAGE);
      return 0;
    default:
      out(`未知命令 unknown command: ${args.command}\n${USAGE}`);
      return 2;
  }
}
