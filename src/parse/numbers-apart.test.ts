/**
 * numbers-apart: two numbers with only a space between them, where text
 * copied from a PDF lost the sign between them (the sample's 之比约为2.46 1,
 * 共10个科室，3 2023年). Phone numbers in groups and three-digit groups are
 * typed so and pass.
 */
import { expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';

const part = (text: string) => ({ '01-篇.md': `# 区情概览\n\n## 综述\n\n${text}\n` });

test('a number, a space and a number after a hanzi or a Chinese mark is a warning at its paragraph', async () => {
  for (const text of ['【行政复议】 之比约为2.46 1。', '【概况】 共10个科室，3 2023年，街道完成改造。']) {
    expect((await checkFiles(part(text))).messages).toContain('01-篇.md 5:1 numbers-apart warning');
  }
});

test('a phone number in groups, digit groups of three and Latin text are not', async () => {
  for (const text of ['【联系】 电话022 28331234。', '【人口】 常住人口10 000人。', '【编号】 型号 A3 5 号。']) {
    expect((await checkFiles(part(text))).ruleIds).not.toContain('numbers-apart');
  }
});
