import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { loadFontConfig } from './font-config.ts';

const FONTS = readFileSync(join(import.meta.dirname, '../../fonts/fonts.yaml'), 'utf8');
const load = (text: string) => {
  const file = new VFile({ path: 'fonts/fonts.yaml', value: text });
  return { config: loadFontConfig(file), messages: file.messages.map((m) => `${m.line} ${m.ruleId}`), reasons: file.messages.map((m) => m.reason) };
};

describe('fonts.yaml faults name fonts.yaml and the line (issue 16)', () => {
  test('the shipped fonts.yaml is valid', () => {
    expect(load(FONTS).messages).toEqual([]);
  });

  test('a syntax error, a duplicate key and an unknown key', () => {
    const lines = FONTS.split('\n');
    const roles = lines.findIndex((l) => l.startsWith('roles:'));
    const broken = [...lines.slice(0, roles + 1), '  shape: bold', ...lines.slice(roles + 1)].join('\n');
    const { config, messages, reasons } = load(broken);
    expect(config).toBeUndefined();
    expect(messages).toEqual([`${roles + 2} config-unknown-key`]);
    expect(reasons[0]).toMatch(/^fonts\.yaml 中有未知的键“roles\.shape”/);
    const dup = load(`${FONTS}\nroles: {}\n`);
    expect(dup.messages).toEqual([`${FONTS.split('\n').length + 1} yaml-duplicate-key`]);
    expect(dup.reasons[0]).toMatch(/^fonts\.yaml /);
    expect(load('roles: [body\n').reasons[0]).toMatch(/^fonts\.yaml 语法错误/);
  });
});
