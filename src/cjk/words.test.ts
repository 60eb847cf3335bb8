import { describe, expect, test } from 'vitest';
import { wordBoundaries, wordsOf } from './words.ts';

describe('word boundaries for turnovers (issue 18)', () => {
  test('the yearbook vocabulary keeps organisation names whole where the dictionary splits them', () => {
    expect(wordsOf('中共河西区纪律检查委员会')).toEqual(['中共', '河西区', '纪律检查委员会']);
    expect(wordsOf('人民代表大会常务委员会工作报告')).toEqual(['人民代表大会', '常务委员会', '工作报告']);
    expect(wordsOf('统计公报')).toEqual(['统计公报']);
  });

  test('idioms and dictionary words stay whole', () => {
    expect(wordsOf('全力以赴推动发展')).toEqual(['全力以赴', '推动', '发展']);
    expect(wordsOf('优秀年轻干部队伍')).not.toContain('部队');
  });

  test('boundaries are inner offsets only', () => {
    const cuts = wordBoundaries('河西区年鉴');
    expect(cuts.has(0)).toBe(false);
    expect(cuts.has(5)).toBe(false);
    expect([...cuts]).toEqual([3]);
  });
});

describe('numerals', () => {
  test('a Chinese numeral with 第 and its counter is one word', () => {
    expect(wordsOf('在河西区第十八届人民代表大会')).toContain('第十八届');
    expect(wordsOf('区委十二届八次全会')).toEqual(expect.arrayContaining(['十二届', '八次']));
  });
});

describe('compounds ICU splits that a heading must keep whole (session 34’s reading: 网络|安全, 消费|季, 民|营经济, 建言|献策)', () => {
  test.each([
    ['宣传思想文化工作会议暨网络安全和信息化工作会议', '网络安全'],
    ['2023西岸文化消费季暨天津文化中心文化艺术节启动仪式', '消费季'],
    ['主战场动员会暨民营经济发展促进大会', '民营经济'],
    ['常委会专题协商会议为加快打造品质之城建言献策', '建言献策'],
  ])('%s keeps %s', (text, word) => {
    const at = text.indexOf(word);
    const cuts = wordBoundaries(text);
    for (let k = at + 1; k < at + word.length; k++) expect(cuts.has(k)).toBe(false);
  });
});
