import { describe, expect, test } from 'vitest';
import { turnoverPoints } from './index-lines.ts';

/** The text cut at every turnover point. */
const pieces = (text: string) => {
  const points = [0, ...turnoverPoints(text), text.length];
  return points.slice(1).map((p, i) => text.slice(points[i], p));
};

describe('R-IDX-2: index headings turn over between words', () => {
  test('never inside a word the segmenter does not know (哪吒) nor between a single character and its word (嘉|年华)', () => {
    const text = '2023第三届海河国际消费季暨第五届活力河西·哪吒文化体育嘉年华';
    const cuts = pieces(text);
    expect(cuts.join('')).toBe(text);
    expect(cuts.some((c) => c.endsWith('哪'))).toBe(false);
    expect(cuts.some((c) => c.endsWith('嘉'))).toBe(false);
    expect(cuts).toContain('国际');
    // The interpunct keeps 活力河西·哪吒 together.
    expect(cuts.some((c) => c.includes('河西·哪吒'))).toBe(true);
  });

  test('after 暨, which joins two titles, though it is a word of one character (the TOC’s …女排明星|公益赛暨消费… left a middle line of 9 characters)', () => {
    const text = '第四届“津诚所至协作同甘”东西部协作女排明星公益赛暨消费帮扶电商直播活动';
    expect(pieces(text).some((c) => c.endsWith('公益赛暨'))).toBe(true);
    expect(pieces(text).some((c) => c.endsWith('公益'))).toBe(false);
  });

  test('never inside a short quoted name, an event’s or a slogan’s (the TOC turned “天津|科普之夜”)', () => {
    const text = '2023年天津市全国科普日主场活动“天津科普之夜”';
    expect(pieces(text)).toContain('“天津科普之夜”');
  });

  test('not after an opening mark, nor before a closing one', () => {
    for (const text of ['2023“活力河西·都市消费嘉年华——缤纷夏日购物季”启动仪式', '实施“谋发展、转作风、办实事”行动']) {
      for (const p of turnoverPoints(text)) {
        expect(text[p - 1]).not.toMatch(/[“《（]/);
        expect(text[p]).not.toMatch(/[”》）、，]/);
      }
    }
  });

  test('R-KIN-2: a heading may turn over before an opening mark, which may begin a line (大会暨|“凝聚…”, session 28)', () => {
    const text = '首届新的社会阶层人士服务团网络人士大会暨“凝聚新力量筑梦新时代”2023年“寻美·中国”主题活动启动大会';
    const cuts = pieces(text);
    expect(cuts.join('')).toBe(text);
    expect(cuts).toContain('大会暨');
    expect(cuts).toContain('“凝聚新力量筑梦新时代”');
    // Never between two opening marks, nor after one.
    expect(turnoverPoints('实施《“十四五”规划》')).not.toContain(3);
    // Nor beside an interpunct: it joins its words into one name (the TOC had “寻美·|中国”).
    const dot = text.indexOf('·');
    expect(turnoverPoints(text).filter((p) => p === dot || p === dot + 1)).toEqual([]);
    expect(cuts.some((c) => c.includes('寻美·中国'))).toBe(true);
  });
});
