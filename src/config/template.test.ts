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

describe('template sanity (issue 16): an impossible page is an error at its line, named in its own file', () => {
  const line = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
  const at = (text: string) => {
    const file = new VFile({ path: 'templates/t.yaml', value: text });
    const template = loadTemplate(file);
    return { template, messages: file.messages.map((m) => `${m.line} ${m.ruleId}`), reasons: file.messages.map((m) => m.reason) };
  };

  test.each([
    ['lines: 44', 'lines: 1'], ['column_em: 23', 'column_em: 1'], ['lines: 44', 'lines: 100000'], ['width_mm: 210', 'width_mm: 10'],
    ['column_em: 23', 'column_em: 60'], ['line_pitch_pt: 16', 'line_pitch_pt: 6'],
    // Whatever is placed by a distance stands on the page (part titles, folios and running heads drawn off the paper, with no message).
    ['top_mm: 80', 'top_mm: 1000'], ['baseline_below_mm: 9 ', 'baseline_below_mm: 500 '], ['baseline_above_mm: 7 ', 'baseline_above_mm: 500 '],
    ['rule_above_mm: 5 ', 'rule_above_mm: 40 '], ['baseline_below_mm: 9 ', 'baseline_below_mm: 1 '], ['size_pt: 26', 'size_pt: 400'],
    ['size_pt: 10.5\n    lines: 1', 'size_pt: 20\n    lines: 1'], ['line_pitch_pt: 14', 'line_pitch_pt: 5'],
  ])('%s → %s', (from, to) => {
    const text = DEFAULT.replace(from, to);
    const { template, messages, reasons } = at(text);
    expect(template).toBeUndefined();
    expect(messages).toEqual([`${line(text, to)} template-unusable`]);
    expect(reasons[0]).toContain('t.yaml');
    // What the value is and the range it must be in.
    if (/_mm: (1000|500|40|1) $|_mm: 1000$/.test(to)) expect(reasons[0]).toMatch(/为 \d+ mm，.*应在 [\d.]+–[\d.]+ mm 之间/);
  });

  test('schema problems name the template and the key’s line, not book.yaml 1:1', () => {
    const text = DEFAULT.replace('  gutter_em: 2', '  gutter_em: 2\n  colour: red').replace('columns: 2', 'columns: 两栏');
    const { messages, reasons } = at(text);
    expect(messages).toEqual([`${line(text, 'columns:')} config-invalid-value`, `${line(text, 'colour')} config-unknown-key`]);
    for (const r of reasons) expect(r).toMatch(/^t\.yaml /);
  });
});

describe('footnotes in the template (issue 17): mark style and numbering are data', () => {
  test('the default template marks notes ①② and numbers them per article; a template without the key gets the same', () => {
    expect(load(DEFAULT).template!.footnotes).toEqual({ style: 'circled', numbering: 'article' });
    const without = DEFAULT.replace(/^footnotes:[\s\S]*?\n\n/m, '');
    expect(without).not.toContain('footnotes:');
    expect(load(without).template!.footnotes).toEqual({ style: 'circled', numbering: 'article' });
  });

  test('another style and numbering are read', () => {
    const { template, messages } = load(DEFAULT.replace('style: circled', 'style: bracketed').replace('numbering: article', 'numbering: continuous'));
    expect(messages).toEqual([]);
    expect(template!.footnotes).toEqual({ style: 'bracketed', numbering: 'continuous' });
  });

  test('a bad value is named in Chinese at its line, with the values allowed', () => {
    const text = DEFAULT.replace('style: circled', 'style: roman');
    const file = new VFile({ path: 'templates/t.yaml', value: text });
    expect(loadTemplate(file)).toBeUndefined();
    const [m] = file.messages;
    expect(`${m!.line} ${m!.ruleId}`).toBe(`${text.slice(0, text.indexOf('style: roman')).split('\n').length} config-invalid-value`);
    expect(m!.reason).toContain('footnotes.style');
    expect(m!.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(`${m!.reason} ${m!.note ?? ''}`).toContain('circled');
  });
});
