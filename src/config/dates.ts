/**
 * The dates a build is stamped with — book.yaml's build_date and the
 * SOURCE_DATE_EPOCH of reproducible builds — range-checked: the EPUB is a
 * zip, whose DOS times run from 1980 to 2107 (yazl clamps a date outside
 * them, so the EPUB would carry another date than the PDF), and a date
 * outside that, or 2024-13-45, is a message at its line.
 */

export const EARLIEST_BUILD_DATE = Date.UTC(1980, 0, 1);
export const LATEST_BUILD_DATE = Date.UTC(2107, 11, 31, 23, 59, 59);

const inRange = (ms: number) => ms >= EARLIEST_BUILD_DATE && ms <= LATEST_BUILD_DATE;
const RANGE = '须在 1980-01-01 至 2107-12-31 之间（EPUB 的 zip 时间所能记录的范围）';

/** Why build_date (YYYY-MM-DD) cannot be used, or undefined when it can. */
export function checkBuildDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return '格式应为 年-月-日，如 2024-11-01';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '没有这一天';
  return inRange(ms) ? undefined : RANGE;
}

export type EpochCheck = { ok: true; date: Date } | { ok: false; reason: string };

/**
 * SOURCE_DATE_EPOCH (whole seconds since 1970, as the reproducible-builds
 * convention has it) → the date, or why it cannot be used. A pure function
 * for io, which reads the environment and reports `source-date-epoch-invalid`.
 */
export function checkSourceDateEpoch(value: string): EpochCheck {
  const text = value.trim();
  if (!/^\d{1,15}$/.test(text)) return { ok: false, reason: '应为十进制整数秒' };
  const ms = Number(text) * 1000;
  return inRange(ms) ? { ok: true, date: new Date(ms) } : { ok: false, reason: RANGE };
}
