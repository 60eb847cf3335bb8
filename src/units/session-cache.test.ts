import { expect, test } from 'vitest';
import { SessionCache } from './session-cache.ts';

test('a session cache reuses values, drops what a build did not use, and counts both', () => {
  const c = new SessionCache<string>();
  let made = 0;
  const make = (v: string) => () => `${v}${++made}`;
  c.startBuild();
  expect([c.get('a', make('a')), c.get('b', make('b'))]).toEqual(['a1', 'b2']);
  c.startBuild();
  expect(c.get('a', make('a'))).toBe('a1');
  expect([c.hits, c.misses]).toEqual([1, 0]);
  c.startBuild(); // b was not used by the last build: it is gone now
  expect(c.get('b', make('b'))).toBe('b3');
  expect(c.get('a', make('a'), (v) => v !== 'a1')).toBe('a4'); // a kept value the caller rejects is made again
  expect([c.hits, c.misses]).toEqual([0, 2]);
  c.startBuild();
  c.keep('b'); // kept without use (its part was reused whole); a is neither used nor kept
  c.startBuild();
  expect(c.lookup('b')).toBe('b3');
  expect(c.lookup('a')).toBeUndefined();
});
