import { expect, test } from 'vitest';
import { byName } from './index.ts';

test('parts are read in the order of their numbers, written with or without a leading zero (text order put 10 before 9)', () => {
  expect(['10-教育.md', '9-经济.md', '100-附录.md', '02-大事记.md', '1-概况.md', '01-特载.md'].sort(byName))
    .toEqual(['1-概况.md', '01-特载.md', '02-大事记.md', '9-经济.md', '10-教育.md', '100-附录.md']);
  expect(['b.md', 'a.md', 'a2.md', 'a10.md'].sort(byName)).toEqual(['a.md', 'a2.md', 'a10.md', 'b.md']);
});
