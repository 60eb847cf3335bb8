import { describe, expect, it } from 'vitest';
import { report, VFile } from '../diagnostics/index.ts';
import { preflightReport } from './report.ts';

function fileWith(path: string, findings: Array<[line: number, rule: Parameters<typeof report>[2], params: Record<string, string | number>]>): VFile {
  const file = new VFile({ path, value: '' });
  for (const [line, rule, params] of findings) report(file, { line, column: 1 }, rule, params);
  return file;
}

describe('preflight report', () => {
  it('groups every finding by kind, with file:line, severity and the catalogued reason', () => {
    const a = fileWith('manuscript/01.md', [[12, 'heading-level-skipped', { found: 3, expected: 2 }]]);
    const b = fileWith('manuscript/02.md', [[40, 'line-loose', { spread: 0.4, text: '区委书记' }], [41, 'line-loose', { spread: 0.3, text: '区长' }]]);
    const html = preflightReport([a, b], { title: '测试年鉴', pages: 12, seconds: 1.25, counts: { error: 1, warning: 2 } });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('书稿问题（1）');
    expect(html).toContain('排版：过松、超宽的行（2）');
    expect(html).toContain('manuscript/01.md:12:1');
    expect(html).toContain('manuscript/02.md:41:1');
    expect(html).toContain('12 页，用时 1.3 秒；错误 1，警告 2，提示 0');
    expect(html.indexOf('书稿问题')).toBeLessThan(html.indexOf('排版：过松'));
    expect(html).toContain('<tr class="error">');
    expect(html).not.toContain('没有发现问题');
  });

  it('says so when a build has no findings, and escapes manuscript text', () => {
    const clean = preflightReport([new VFile({ path: 'a.md' })], { title: '<年鉴>', seconds: 0.5, counts: {} });
    expect(clean).toContain('没有发现问题。');
    expect(clean).toContain('&#x3C;年鉴>');
    expect(clean).not.toContain('<年鉴>');
  });
});
