/**
 * A font that cannot be opened, decoded or set with, named in a book's own
 * fonts.yaml (the bad-input corpus's fonts.ts): `check` finds it as `build`
 * does, at the same line and with the same rule, and exits 1.
 */
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { CASES } from '../fixtures/bad-input/fonts.ts';
import { writeManuscript } from '../helpers/manuscript.ts';

describe('check opens the fonts of a book\'s fonts.yaml as a build does', () => {
  for (const [name, c] of Object.entries(CASES)) {
    test(name, async () => {
      const dir = writeManuscript(c.files);
      const lines: string[] = [];
      const code = await main(['check', dir], (s) => lines.push(s));
      const report = lines.join('\n');
      expect(code, report).toBe(1);
      for (const m of c.messages) expect(report).toMatch(new RegExp(`${m.at.replace('.', '\\.')}:\\d+: error: .*\\[${m.rule}\\]`));
      expect(report).not.toMatch(/[A-Za-z]+Error|Cannot read|ENOENT|Unknown version|not a WOFF2/);
    }, 30_000);
  }
});
