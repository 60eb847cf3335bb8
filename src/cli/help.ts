/**
 * `nianjian help`, `nianjian <command> --help` and `nianjian --version`,
 * written from the tables of options.ts: what a command does, its options
 * and examples, in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, EXIT_HELP, OPTIONS, type OptionName, type OptionSpec } from './options.ts';

/** The installed package's version (package.json is two folders up from src/cli and from the bundle's dist/cli alike). */
export function version(): string {
  try {
    return (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - displayWidth(text)));

/** Columns on a terminal: a hanzi or a full-width mark takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function optionLine(name: OptionName): [string, string] {
  const { short, value, help } = OPTIONS[name] as OptionSpec;
  return [`${short ? `-${short}, ` : '    '}--${name}${value ? ` <${value}>` : ''}`, help];
}

function table(rows: ReadonlyArray<readonly [string, string]>, indent = '  '): string {
  const width = Math.max(...rows.map(([left]) => displayWidth(left))) + 2;
  return rows.map(([left, right]) => `${indent}${pad(left, width)}${right}`).join('\n');
}

const WHERE = '不给书稿目录时：当前目录有 book.yaml 就用当前目录，否则用其中的 manuscript/。';

/** The overview: every command, the common options, the exit codes. */
export function generalHelp(): string {
  return [
    `nianjian ${version()} — 年鉴排版：Markdown 书稿 → 印刷 PDF 与 EPUB 3`,
    '',
    '用法：nianjian <命令> [书稿目录] [选项]',
    '',
    '命令：',
    table(Object.entries(COMMANDS).map(([name, spec]) => [name, spec.summary])),
    '',
    WHERE,
    '',
    '通用选项：',
    table([['-h, --help', '显示帮助（nianjian <命令> --help 显示该命令的选项与示例）'], ['-v, --version', '显示版本'], optionLine('quiet')]),
    '',
    `退出码：\n${table(EXIT_HELP.map(([code, meaning]) => [String(code), meaning]))}`,
    '',
    '示例：',
    table([
      ['nianjian init 河西年鉴2025', '新建书稿'],
      ['cd 河西年鉴2025 && nianjian build', '生成 output/ 中的 PDF 与 EPUB'],
      ['nianjian check --format json', '以 JSON 列出问题'],
    ]),
  ].join('\n');
}

/** One command's help: usage, what it does, its options and examples. */
export function commandHelp(command: string): string {
  const spec = COMMANDS[command]!;
  return [
    `用法：nianjian ${command} ${spec.args}${spec.options.length ? ' [选项]' : ''}`,
    '',
    spec.summary + (spec.details ? `\n${spec.details}` : ''),
    ...(spec.args === '[书稿目录]' ? ['', WHERE] : []),
    ...(spec.options.length ? ['', '选项：', table(spec.options.map(optionLine))] : []),
    '',
    '示例：',
    table(spec.examples),
  ].join('\n');
}
