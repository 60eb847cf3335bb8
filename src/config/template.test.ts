import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { loadTemplate } from './template.ts';

const DEFAULT = readFileSync(join(import.meta.dirname, '../../templates/yearbook-16k.yaml'), 'utf8');
const load = (text: string) => {
  const file = new VFile({ path: 'templates/t.yaml', value: text });
  return { template: loadTemplate(file), messages: file.messages.map((m) => `${m.ruleId} ${m.reason}`) };
};

describe('page templates', () => {
  test('the default 16开 template is valid: 2 columns of 23 em, 五号 body', () => {
    const { template, messages } = load(DEFAULT);
    expect(messages).toEqual([]);
    expect(template!.body).toMatchObject({ size_pt: 10.5, columns: 2, column_em: 23 });
    expect(template!.page).toMatchObject({ width_mm: 210, height_mm: 285 });
  });

  test('a wrong value and an unknown key are named', () => {
    const { template, messages } = load(DEFAULT.replace('columns: 2', 'columns: 两栏').replace('gutter_em: 2', 'gutter_em: 2\n  colour: red'));
    expect(template).toBeUndefined();
    expect(messages.some((m) => m.startsWith('config-invalid-value') && m.includes('body.columns'))).toBe(true);
    expect(messages.some((m) => m.startsWith('config-unknown-key') && m.includes('body.colour'))).toBe(true);
  });
});
