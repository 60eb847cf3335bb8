import { describe, expect, it } from 'vitest';
import { progressBar, terminalProgress } from './progress.ts';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string } {
  const s = { isTTY, written: '', write(chunk: string) { s.written += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { written: string };
}

describe('progress bar', () => {
  it('fills in proportion to the parts laid out, and names the part', () => {
    expect(progressBar(0, 4, '概况', 8)).toBe('排版 [········] 0/4 概况');
    expect(progressBar(1, 4, '政治', 8)).toBe('排版 [██······] 1/4 政治');
    expect(progressBar(4, 4, '附录', 8)).toBe('排版 [████████] 4/4 附录');
  });

  it('draws on an interactive terminal only: not in a pipe, not in CI', () => {
    expect(terminalProgress(fakeStream(false), {})).toBeUndefined();
    expect(terminalProgress(fakeStream(true), { CI: 'true' })).toBeUndefined();
    const tty = fakeStream(true);
    const bar = terminalProgress(tty, {})!;
    bar.update(2, 23, '区政府');
    bar.end();
    expect(tty.written).toContain('\r排版 [');
    expect(tty.written).toContain('2/23 区政府');
    expect(tty.written.endsWith('\r\u001b[K')).toBe(true);
  });
});
