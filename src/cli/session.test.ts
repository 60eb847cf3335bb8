import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadFonts } from '../io/index.ts';
import { newCaches, refreshFonts, type Session } from './session.ts';

test('a watch session loads the fonts again, with fresh caches, once the book\'s fonts.yaml changes or after a load that failed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-session-'));
  const caches = newCaches();
  const fonts = loadFonts({ bookDir: dir });
  const session: Session = { fonts, caches };
  await refreshFonts(session);
  expect(session.fonts).toBe(fonts);
  expect(session.caches).toBe(caches);

  // A book's fonts.yaml that did not exist at the load now does: the fonts and the lines set in them go.
  writeFileSync(join(dir, 'fonts.yaml'), 'roles:\n  caption:\n    family: 楷\n    regular: missing.ttf\n');
  await refreshFonts(session);
  expect(session.fonts).toBeUndefined();
  expect(session.caches).not.toBe(caches);

  // A load that failed (the fonts.yaml above names a missing file) is not kept: the mended file is read next time.
  session.fonts = loadFonts({ bookDir: dir });
  await expect(session.fonts).rejects.toThrow();
  await refreshFonts(session);
  expect(session.fonts).toBeUndefined();
});
