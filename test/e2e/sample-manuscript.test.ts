/**
 * The sample manuscript against its source, the seed text of the printed
 * 《天津市河西年鉴(2024)》: parts in order, every 【】 entry, the photos, and
 * no ASCII punctuation left in Chinese text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkDir, type Checked } from '../helpers/manuscript.ts';
import { inlineText, walkBook } from '../../src/model/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, '../shared/seed/hexi-yearbook-2024.txt');
const hasSeed = existsSync(SEED);

/** The 23 content parts as 编辑说明 五 lists them (the 24th, 索引, is generated). */
const SEED_PARTS = [
  '特载', '专文', '2023年大事记', '区情概览', '中国共产党天津市河西区委员会', '河西区人民代表大会', '河西区人民政府',
  '中国人民政治协商会议天津市河西区委员会', '中共河西区纪律检查委员会　河西区监察委员会', '民主党派　工商联', '群众团体',
  '法治', '军事', '区域经济', '经济管理', '财政·税务', '城市建设与管理', '社会事业', '社会生活', '街道和社区建设',
  '人物·荣誉', '统计资料', '附录',
];

/** Titles compared with punctuation, spaces and quote forms normalised away. */
const key = (s: string) => s.replace(/[\s\u3000"“”'‘’,，:：;；()（）、.。·・!！?？—\\]/g, '');
/** OCR slips corrected in the manuscript (scripts/convert-seed/clean-text.ts), applied to the seed side. */
const OCR = [['接派', '援派'], ['现没', '现役'], ['退没', '退役']] as const;
const fixSeed = (s: string) => OCR.reduce((t, [a, b]) => t.split(a).join(b), s);

let r: Checked;
beforeAll(async () => {
  r = await checkDir(join(ROOT, 'manuscript'));
});

describe('the sample manuscript', () => {
  test('checks with 0 errors', () => {
    expect(r.messages.filter((m) => m.endsWith(' error') || m.endsWith(' fatal'))).toEqual([]);
  });

  test('its name lists hold no name split by a space from the scan (韩洪 涛, name-split)', () => {
    expect(r.messages.filter((m) => m.includes(' name-split '))).toEqual([]);
  });

  test('R-NORM-2: its quotes nest; the one warning is the print’s own slip (an opening quote lost from the original)', () => {
    expect(r.messages.filter((m) => m.includes(' quotes-misnested '))).toEqual(['05-中共河西区委.md 219:1 quotes-misnested warning']);
  });

  test.runIf(hasSeed)('R-NORM-2: every phrase the print sets in inner quotes (\'三聚焦\' inside "…") is in ‘ ’ in the manuscript', () => {
    const seed = readFileSync(SEED, 'utf8').replace(/[ \t]+/g, '');
    const inner = [...new Set([...seed.matchAll(/'([^'"\n]{1,12})'/g)].map((m) => m[1]!))];
    const text = readdirSync(join(ROOT, 'manuscript')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(ROOT, 'manuscript', f), 'utf8')).join('\n');
    expect(inner.length).toBeGreaterThanOrEqual(15);
    expect(inner.filter((phrase) => !text.includes(`‘${phrase}’`))).toEqual([]);
  });

  test('has the 23 content parts in the seed’s order', () => {
    expect(r.book!.parts.map((p) => p.title)).toEqual(SEED_PARTS);
  });

  test.runIf(hasSeed)('has all 877 entries, every distinct 【】 title of the seed', () => {
    const seed = readFileSync(SEED, 'utf8').split('\n');
    const body = seed.slice(955, 6976).join('\n');
    const seedTitles = [...body.matchAll(/【([^】]*)】/g)].map((m) => key(fixSeed(m[1]!)));
    const ours: string[] = [];
    walkBook(r.book!, (n) => n.type === 'entry' && ours.push(key(n.title)));
    expect(seedTitles).toHaveLength(877);
    expect(ours).toHaveLength(877);
    const missing = [...new Set(seedTitles)].filter((t) => !ours.includes(t));
    expect(missing).toEqual([]);
    expect(ours).toEqual(seedTitles);
  });

  test('has every photo of the seed as a figure with caption and credit, and each file exists', () => {
    const figures: Array<{ src: string; caption: string; credit: string }> = [];
    walkBook(r.book!, (n) => n.type === 'figure' && figures.push({ src: n.src, caption: inlineText(n.caption), credit: n.credit }));
    const placeholders = JSON.parse(readFileSync(join(ROOT, 'manuscript/photos/placeholders.json'), 'utf8')) as string[];
    expect(figures.map((f) => f.src).sort()).toEqual([...placeholders].sort());
    expect(figures.length).toBe(189);
    expect(figures.filter((f) => f.caption === '' || f.credit === '')).toEqual([]);
    expect(r.stats.galleries).toBe(4);
    const onDisk = readdirSync(join(ROOT, 'manuscript/photos')).filter((n) => n.endsWith('.jpg'));
    expect(onDisk).toHaveLength(figures.length);
  });

  test('R-NORM-1: no ASCII , ; : ( ) " next to a hanzi in the Markdown', () => {
    const files = readdirSync(join(ROOT, 'manuscript')).filter((n) => n.endsWith('.md')).map((n) => join(ROOT, 'manuscript', n));
    files.push(...readdirSync(join(ROOT, 'manuscript/front')).map((n) => join(ROOT, 'manuscript/front', n)));
    const bad: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        // Markdown syntax is not text: image titles, directive attributes and table pipes.
        const text = line.replace(/\]\([^)]*\)/g, ']').replace(/\{[^}]*\}/g, '').replace(/^:::?\w+/, '');
        if (/[\u4e00-\u9fff][,;:()"]|[,;:()"][\u4e00-\u9fff]/.test(text)) bad.push(`${file}:${i + 1}: ${line.slice(0, 60)}`);
      });
    }
    expect(bad).toEqual([]);
  });

  test('parsing leaves no normalisation to do: the manuscript is already normal', () => {
    expect(r.ruleIds.filter((id) => id.startsWith('normalize-'))).toEqual([]);
  });
});
