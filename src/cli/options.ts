/**
 * The command line as data: every option once (its type, the value it
 * takes and its Chinese help), every command with the options it accepts
 * and its examples. Parsing is node:util's parseArgs on these tables, the
 * help text is written from them, so a new option is one entry in OPTIONS
 * and its name in the commands that take it.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { suggestKey } from '../config/index.ts';
import { roundName } from '../pipeline/index.ts';

export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** What the value is, for the help: `--out <目录>`. */
  value?: string;
  help: string;
  /** A Chinese message when the text cannot be this option's value. */
  invalid?: (text: string) => string | undefined;
}

const isPort = (text: string) => /^\d{1,5}$/.test(text) && Number(text) <= 65535;

export const OPTIONS = {
  out: { type: 'string', value: '目录', help: '输出目录（默认为当前目录下的 output/）' },
  draft: { type: 'boolean', help: '校样：每页印日期与书稿版本，条目旁注书稿行号（文件名另加“-校样”），不生成 EPUB' },
  press: { type: 'boolean', help: '另生成印刷文件：<书名>-<年份>-印刷.pdf（PDF/X，出血与裁切线）、-彩页.pdf、-封面.pdf' },
  port: { type: 'string', value: '端口', help: '预览服务的端口（默认 8420；0 为由系统指定）', invalid: (t) => (isPort(t) ? undefined : `端口应为 0–65535 的整数 --port needs a number: ${t}`) },
  format: { type: 'string', value: 'text|json', help: '报告格式：text（默认，每条一行 文件:行:列: error|warning: …）或 json（每条一个对象）', invalid: (t) => (t === 'text' || t === 'json' ? undefined : `--format 只能是 text 或 json，现为 ${t}`) },
  round: { type: 'string', value: '校次', help: '校次（一校、二校……终校，或 1、2……）：印在每页与文件名中，并含 --draft', invalid: (t) => (roundName(t) ? undefined : `校次应为一校、二校、三校……或终校 --round needs a proof round: ${t}`) },
  since: { type: 'string', value: '清单或 git 版本', help: '标出自上次校样以来的改动：上次生成的 -manifest.json，或书稿的 git 版本（如 HEAD~1）' },
  'allow-queries': { type: 'boolean', help: '有未答存疑也生成付印稿（阅读本）；报告中列出存疑' },
  verbose: { type: 'boolean', help: '同时列出规范化提示（info）' },
  frail: { type: 'boolean', help: '有警告也以退出码 1 结束（用于 CI）' },
  quiet: { type: 'boolean', short: 'q', help: '只列出错误与警告，不显示进度与统计' },
  into: { type: 'string', value: '书稿目录', help: '导入到哪一部书稿（必填）' },
  part: { type: 'string', value: '篇文件或篇名', help: '并入已有的一篇，而不是新建篇文件' },
  force: { type: 'boolean', help: '覆盖此前导入的同名文件' },
  help: { type: 'boolean', short: 'h', help: '显示帮助' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

export interface CommandSpec {
  /** The positional arguments, as the help shows them. */
  args: string;
  summary: string;
  /** More lines for `nianjian <command> --help`. */
  details?: string;
  options: readonly OptionName[];
  /** Positional arguments the command takes at most (and at least). */
  positionals: { min: number; max: number };
  examples: ReadonlyArray<readonly [command: string, says: string]>;
}

const BOOK = { args: '[书稿目录]', positionals: { min: 0, max: 1 } } as const;
const COMMON: readonly OptionName[] = ['quiet', 'help'];

export const COMMANDS: Record<string, CommandSpec> = {
  check: {
    ...BOOK, summary: '检查书稿，列出错误与警告（不生成文件）', options: ['format', 'verbose', 'frail', ...COMMON],
    examples: [['nianjian check', '检查当前目录的书稿'], ['nianjian check --format json > 问题.json', '供 CI 与编辑器读取的 JSON']],
  },
  build: {
    ...BOOK, summary: '生成印刷 PDF、EPUB 与检查报告（默认写入 ./output/）', options: ['out', 'draft', 'round', 'since', 'allow-queries', 'press', 'format', 'verbose', 'frail', ...COMMON],
    details: '已生成的文件只在整次生成成功后才被替换：书稿有错误时，上次生成的 PDF 与 EPUB 保持不变。',
    examples: [['nianjian build', '生成当前目录的书稿，写入 ./output/'], ['nianjian build --draft', '校样 PDF'], ['nianjian build --round 二校 --since output/天津市河西年鉴-2024-一校-manifest.json', '二校校样，标出一校以来改动的行'], ['nianjian build --press', '另生成交印刷厂的 PDF/X 文件'], ['nianjian build 书稿 --out 成品', '指定书稿目录与输出目录']],
  },
  watch: {
    ...BOOK, summary: '生成一次，之后每次保存书稿自动重新生成 PDF', options: ['out', 'draft', 'verbose', ...COMMON],
    examples: [['nianjian watch', '监视当前目录的书稿（Ctrl-C 退出）']],
  },
  preview: {
    ...BOOK, summary: '同 watch，并在浏览器中预览 PDF 与检查报告', options: ['out', 'draft', 'port', 'verbose', ...COMMON],
    examples: [['nianjian preview', '在 http://127.0.0.1:8420/ 预览'], ['nianjian preview --port 0', '由系统指定空闲端口']],
  },
  init: {
    args: '[目录]', positionals: { min: 0, max: 1 }, summary: '新建一部可立即生成的年鉴书稿（含可填写的 fonts.yaml）', options: COMMON,
    details: '目录须不存在或为空；不给目录时用当前目录。',
    examples: [['nianjian init 河西年鉴2025', '在新目录中建立书稿'], ['mkdir 书稿 && cd 书稿 && nianjian init', '在当前（空）目录中建立']],
  },
  index: {
    ...BOOK, summary: '列出索引的全部标题及其读音、字母（？为按单字猜读的多音字）', options: ['verbose', ...COMMON],
    examples: [['nianjian index | less', '逐页查看索引标题']],
  },
  queries: {
    ...BOOK, summary: '按单位列出未答的存疑（:q[…]、:::query、〔？〕），便于发函', options: COMMON,
    details: '付印稿（不加 --draft 的 build）在有未答存疑时不生成，除非加 --allow-queries 或在 book.yaml 中写 allow_queries: true。',
    examples: [['nianjian queries', '列出当前书稿的存疑'], ['nianjian queries > 存疑清单.txt', '存为文件发给各单位']],
  },
  import: {
    args: '<文件或目录>…', positionals: { min: 1, max: Infinity }, summary: '导入 Word 供稿与统计表（.docx .xlsx .csv；装有 LibreOffice 时另可 .doc .wps .xls）',
    options: ['into', 'part', 'force', 'help'],
    examples: [['nianjian import 供稿/ --into .', '把“供稿”目录中的文件导入当前书稿'], ['nianjian import 统计.xlsx --into 书稿 --part 统计资料', '并入已有的一篇']],
  },
  help: { args: '[命令]', positionals: { min: 0, max: 1 }, summary: '显示帮助；nianjian help <命令> 显示某个命令的帮助', options: [], examples: [['nianjian help build', 'build 的选项与示例']] },
};

/** Exit codes: 0 built, 1 errors in the manuscript, 2 a wrong command line, 3 a fault of the disk or system, 70 a fault of nianjian, 130 interrupted. */
export const EXIT = { ok: 0, errors: 1, usage: 2, fault: 3, internal: 70, interrupted: 130 } as const;

export const EXIT_HELP: ReadonlyArray<readonly [number, string]> = [
  [EXIT.ok, '成功（生成了文件，或书稿没有错误）'],
  [EXIT.errors, '书稿有错误（加 --frail 时有警告也算）'],
  [EXIT.usage, '命令行有误（未知的命令或选项、缺少参数）'],
  [EXIT.fault, '读写文件或系统出错（磁盘已满、没有权限……）'],
  [EXIT.internal, 'nianjian 内部错误（请把信息与书稿发给维护者）'],
  [EXIT.interrupted, '被 Ctrl-C 或 SIGTERM 中断'],
];

export interface ParsedCommand {
  command: string;
  positionals: string[];
  values: Partial<Record<OptionName, string | boolean>>;
}

const valueMissing = (option: string) => `选项 ${option} 后面要写一个值，如 ${option} ${(OPTIONS[option.replace(/^-+/, '') as OptionName] as OptionSpec | undefined)?.value ?? '值'}。`;

/** The Chinese for parseArgs' own errors: an unknown option (with the one probably meant), a value missing or not wanted. */
function parseError(error: unknown, spec: CommandSpec, command: string): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = spec.options.map((o) => `--${o}`);
    const meant = suggestKey(option, known);
    return `${command} 没有选项 ${option}${meant ? `。是否应为 ${meant}？` : '。'}未知选项 unknown option: ${option}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take/.test(message) ? `选项 ${option} 不带值。` : valueMissing(option);
  }
  return message;
}

/** Parses `nianjian <command> …` against the tables; a Chinese message when the line is wrong. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand | string {
  const [first = 'help', ...rest] = argv;
  const command = first === '--help' || first === '-h' ? 'help' : first;
  const spec = COMMANDS[command];
  if (!spec) {
    const meant = suggestKey(command, Object.keys(COMMANDS));
    return `未知命令 unknown command: ${command}${meant ? `。是否应为 nianjian ${meant}？` : ''}`;
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    const options = Object.fromEntries(spec.options.map((name) => {
      const { type, short } = OPTIONS[name] as OptionSpec;
      return [name, short ? { type, short } : { type }];
    }));
    parsed = parseNodeArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    return parseError(error, spec, command);
  }
  const values = parsed.values as ParsedCommand['values'];
  if (values.help) return { command, positionals: parsed.positionals, values };
  for (const name of spec.options) {
    const value = values[name];
    // An empty value (--out "" from a script's unset variable) is no value: it became an internal error (`path` cannot be empty, exit 70).
    if (typeof value === 'string' && value.trim() === '') return valueMissing(`--${name}`);
    const invalid = typeof value === 'string' ? (OPTIONS[name] as OptionSpec).invalid?.(value) : undefined;
    if (invalid) return invalid;
  }
  if (parsed.positionals.some((p) => p.trim() === '')) return `${command} 的参数不能是空的（""）。用法：nianjian ${command} ${spec.args}`;
  const { min, max } = spec.positionals;
  if (parsed.positionals.length > max) return `${command} 多了参数：${parsed.positionals.slice(max).join(' ')}。`;
  if (parsed.positionals.length < min) return `${command} 缺少参数：nianjian ${command} ${spec.args}`;
  return { command, positionals: parsed.positionals, values };
}
