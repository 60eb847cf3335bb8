/**
 * The command line's tables (issue 22): every command and option parsed by
 * node:util parseArgs, the Chinese help written from them, the exit codes,
 * and the JSON report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { VFile, report } from '../diagnostics/index.ts';
import { commandHelp, generalHelp } from './help.ts';
import { main } from './index.ts';
import { COMMANDS, EXIT, OPTIONS, parseCommandLine } from './options.ts';
import { colourLines, formatJson, jsonDiagnostics, splitReason, wantsColour } from './report.ts';

const said = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s));
  return { code, text: lines.join('\n') };
};

test('every command has help with its every option and an example; the overview lists every command and exit code', () => {
  const overview = generalHelp();
  for (const [name, spec] of Object.entries(COMMANDS)) {
    expect(overview).toContain(`  ${name} `);
    const help = commandHelp(name);
    for (const option of spec.options) expect(help, `${name} --${option}`).toContain(`--${option}`);
    expect(help).toContain(spec.examples[0]![0]);
  }
  for (const code of Object.values(EXIT)) expect(overview).toMatch(new RegExp(`^  ${code} `, 'm'));
  for (const name of Object.keys(OPTIONS)) expect(Object.values(COMMANDS).some((c) => c.options.includes(name as keyof typeof OPTIONS)), name).toBe(true);
});

test('help, --help, -h and --version answer with exit 0; a wrong line is exit 2 with the command probably meant', async () => {
  expect((await said('help')).text).toContain('用法：nianjian <命令>');
  expect((await said('build', '--help')).text).toContain('用法：nianjian build [书稿目录]');
  expect((await said('help', 'check')).text).toContain('--format <text|json>');
  expect((await said('-h')).code).toBe(EXIT.ok);
  expect((await said('--version')).text).toMatch(/^nianjian \d+\.\d+\.\d+ \(node v\d+/);
  expect(await said('biuld')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('是否应为 nianjian build？') });
  expect(await said('build', '--prss')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('是否应为 --press？') });
  expect(await said('preview', '--port', 'x')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('端口应为 0–65535 的整数') });
  expect(await said('check', '--format', 'xml')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('--format 只能是 text 或 json') });
  expect(await said('check', 'a', 'b')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('多了参数：b') });
  expect(await said('init', '--out', 'x')).toMatchObject({ code: EXIT.usage });
  expect(await said('import', '--into', 'x')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('缺少参数') });
  // An empty value or argument (a script's unset variable): before, --out "" ran the build into an internal error (`path` cannot be empty, exit 70).
  expect(await said('build', '.', '--out', '')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('选项 --out 后面要写一个值') });
  expect(await said('build', '.', '--draft', '--since', ' ')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('选项 --since 后面要写一个值') });
  expect(await said('check', '')).toMatchObject({ code: EXIT.usage, text: expect.stringContaining('参数不能是空的') });
  expect(parseCommandLine(['build', 'book', '--out', 'o', '--draft', '-q'])).toEqual({ command: 'build', positionals: ['book'], values: { out: 'o', draft: true, quiet: true } });
});

test('check --format json: one object per diagnostic with file, line, column, severity, rule id, message and hint; --quiet prints only the report', async () => {
  const missing = join(mkdtempSync(join(tmpdir(), 'nianjian-json-')), 'none');
  const json = await said('check', missing, '--format', 'json');
  expect(json.code).toBe(EXIT.errors);
  expect(JSON.parse(json.text)).toEqual([{ file: relative(process.cwd(), missing), line: 1, column: 1, severity: 'error', ruleId: 'manuscript-missing', message: expect.stringContaining('找不到书稿目录'), hint: expect.stringMatching(/^请检查路径/) }]);
  const quiet = await said('check', missing, '--quiet');
  expect(quiet.text.split('\n')).toHaveLength(1);
  expect(quiet.text).toMatch(/:1:1: error: .*\[manuscript-missing\]$/);
});

test('the JSON stays parseable and terminal-safe whatever a message holds; colour only on a terminal that wants it', () => {
  const file = new VFile({ path: 'a\u009b.md' });
  report(file, { line: 3, column: 2 }, 'part-empty', { title: 'x\u202ey\u001b[2J' });
  const text = formatJson(jsonDiagnostics([file], false));
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  expect(JSON.parse(text)[0]).toMatchObject({ file: 'a\u009b.md', line: 3, column: 2, ruleId: 'part-empty', message: expect.stringContaining('x\u202ey\u001b[2J') });
  expect(splitReason('表格没有标题。可在表格前一行加 ::caption[表题]。')).toEqual({ message: '表格没有标题。', hint: '可在表格前一行加 ::caption[表题]。' });
  expect(splitReason('已按正文处理。')).toEqual({ message: '已按正文处理。', hint: '' });
  expect(wantsColour({ isTTY: true }, {})).toBe(true);
  expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
  expect(wantsColour({ isTTY: false }, {})).toBe(false);
  expect(wantsColour({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
  expect(colourLines('a.md:1:2: error: x [r]\nplain')).toBe('a.md:1:2: \u001b[1;31merror\u001b[0m: x [r]\nplain');
});
