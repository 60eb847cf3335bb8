import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { normalizeEveryCharacter, normalizeText } from './normalize.ts';

const norm = (s: string) => normalizeText(s).text;

describe('input normalisation (spec §2)', () => {
  test('R-NORM-1: ASCII , ; : ? ! ( ) beside hanzi become full width', () => {
    expect(norm('全区增长4.4%;完成任务,成效明显:好!对吗?')).toBe('全区增长4.4%；完成任务，成效明显：好！对吗？');
    expect(norm('中心(以下简称中心)主要')).toBe('中心（以下简称中心）主要');
  });

  test('R-NORM-1: numbers, times and Latin runs keep ASCII marks', () => {
    expect(norm('共1,000人，10:30开会')).toBe('共1,000人，10:30开会');
    expect(norm('f(x) = a, b')).toBe('f(x) = a, b');
    expect(norm('地区生产总值1154.2亿元')).toBe('地区生产总值1154.2亿元');
  });

  test('R-NORM-1: a comma between two numbers in a Chinese clause is a Chinese comma, unless it groups thousands', () => {
    expect(norm('管理率达到77.16%,0—36个月儿童')).toBe('管理率达到77.16%，0—36个月儿童');
    expect(norm('占比38%,65岁以上')).toBe('占比38%，65岁以上');
    expect(norm('第1,2名')).toBe('第1，2名');
    expect(norm('共1,000人')).toBe('共1,000人');
    expect(norm('x = 1%,2%')).toBe('x = 1%,2%');
  });

  test('R-NORM-1 (issue 18): after % and digits too, with a space after the mark; decimals and thousands stay', () => {
    expect(norm('环比下降53.6%, 110咨询案件')).toBe('环比下降53.6%，110咨询案件');
    expect(norm('完成率100%;3名同志')).toBe('完成率100%；3名同志');
    expect(norm('服务率达77%, 0-36个月儿童')).toBe('服务率达77%，0-36个月儿童');
    expect(norm('共1,000人，增长1.5%')).toBe('共1,000人，增长1.5%');
  });

  test('R-NORM-4 (issue 18): a phone number typed with spaces round its hyphen is one number', () => {
    expect(norm('电话022 - 28651999')).toBe('电话022-28651999');
  });

  test('R-NORM-5 (issue 18): an ASCII full stop between hanzi is set as ． and reported', () => {
    const r = normalizeText('发挥特色 . 打造品牌，统筹好发展和安全.不断提升');
    expect(r.text).toBe('发挥特色．打造品牌，统筹好发展和安全．不断提升');
    expect(r.changes.filter((c) => c.rule === 'R-NORM-5').map((c) => c.offset)).toEqual([5, 20]);
    expect(norm('版本1.0发布')).toBe('版本1.0发布');
  });

  test('R-MIX-5: letters and digits typed full width are set as Latin ones, one change a run', () => {
    const r = normalizeText('引进ＡＢＣ公司，投资１２３亿元，ＰＭ２．５下降');
    expect(r.text).toBe('引进ABC公司，投资123亿元，PM2.5下降');
    expect(r.changes.filter((c) => c.rule === 'R-MIX-5').map((c) => [c.from, c.to])).toEqual([['ＡＢＣ', 'ABC'], ['１２３', '123'], ['ＰＭ２．５', 'PM2.5']]);
  });

  test('R-NORM-2: straight quotes pair as “ ” and the pairing is checked', () => {
    const r = normalizeText('做到"两个维护",落实"十项行动"。');
    expect(r.text).toBe('做到“两个维护”，落实“十项行动”。');
    expect(r.quotesBalanced).toBe(true);
    expect(normalizeText('落实"十项行动。').quotesBalanced).toBe(false);
  });

  // The seed's own nested quotes (《河西年鉴》2024), as an editor types them: 先双后单.
  test('R-NORM-2: a straight single quote inside a double one pairs as the inner ‘ ’', () => {
    expect(norm(`组织实施"助力'十项行动'、提振发展信心"专项走访`)).toBe('组织实施“助力‘十项行动’、提振发展信心”专项走访');
    expect(norm(`社区"老旧社区纠纷'三聚焦'工作法"获评`)).toBe('社区“老旧社区纠纷‘三聚焦’工作法”获评');
    expect(norm(`组织召开"'活力河西·品质之城'2023西岸文化消费季""天津`)).toBe('组织召开“‘活力河西·品质之城’2023西岸文化消费季”“天津');
    expect(norm(`开展"爱心相'髓','救'在身边"造血`)).toBe('开展“爱心相‘髓’，‘救’在身边”造血');
    expect(norm(`开展了"奋斗自称芳华,青春就要这'young'"室内音乐会`)).toBe('开展了“奋斗自称芳华，青春就要这‘young’”室内音乐会');
    expect(normalizeText(`落实"助力'十项行动"专项`).quotesBalanced).toBe(false);
    // A stray closing mark is unbalanced too (three quotes; one straight quote alone).
    expect(normalizeText('好"中"好"').quotesBalanced).toBe(false);
    expect(normalizeText('中"').quotesBalanced).toBe(false);
    expect(normalizeText(`落实'十项行动`).quotesBalanced).toBe(false);
  });

  test("R-NORM-2: an apostrophe between Latin letters stays one (it's, 80's)", () => {
    expect(norm(`演奏"It's a small world"，80's金曲`)).toBe(`演奏“It's a small world”，80's金曲`);
  });

  test('R-NORM-3: ellipses and dashes take their Chinese forms', () => {
    expect(norm('等等...')).toBe('等等……');
    expect(norm('等等。。。')).toBe('等等……');
    expect(norm('等等…')).toBe('等等……');
    expect(norm('北京--上海')).toBe('北京——上海');
    expect(norm('已是……')).toBe('已是……');
  });

  test('R-NORM-4: no typed space between hanzi and Latin or digits', () => {
    expect(norm('2023 年 PM2.5 浓度')).toBe('2023年PM2.5浓度');
  });

  test('R-NORM-4: a space between two hanzi separates names: U+3000', () => {
    expect(norm('民主党派 工商联')).toBe('民主党派\u3000工商联');
  });

  test('R-NORM-4: a space beside Chinese punctuation is removed', () => {
    expect(norm('开展 “五社” 活动 ，好')).toBe('开展“五社”活动，好');
  });

  test('a source line break between hanzi is not a space; between Latin words it is', () => {
    expect(norm('河西\n区')).toBe('河西区');
    expect(norm('open\nsource')).toBe('open source');
  });

  test('zero-width and control characters are removed and reported', () => {
    const r = normalizeText('河\u200b西\u0007区');
    expect(r.text).toBe('河西区');
    expect(r.changes.filter((c) => c.rule === 'control')).toHaveLength(2);
  });

  test('bidirectional controls, line separators, C1 controls and noncharacters are removed and reported (an override reversed the text in an e-reader)', () => {
    const r = normalizeText('河\u202e西区\u202c位于\u2066天津\u2069市\u2028区\u0085东南\u200f部\uffff。');
    expect(r.text).toBe('河西区位于天津市区东南部。');
    expect(r.changes.filter((c) => c.rule === 'control')).toHaveLength(8);
    expect(normalizeText('河西\u202f区').text).toBe('河西\u202f区'); // a narrow no-break space is no control
  });

  test('every change carries its offset in the input', () => {
    const r = normalizeText('甲,乙');
    expect(r.changes).toEqual([{ offset: 1, from: ',', to: '，', rule: 'R-NORM-1' }]);
  });
});

describe('source lines through normalisation', () => {
  test('line starts are found in the normalised text', async () => {
    const { sourceLineStarts } = await import('./normalize.ts');
    const input = '河西,\n区 "好"\nok';
    const r = normalizeText(input);
    expect(r.text).toBe('河西，区“好”ok');
    expect(sourceLineStarts(input, r.changes)).toEqual([3, 7]);
  });

  test('the shortcut for text no rule touches gives what the rules give, on any mix of hanzi, marks, spaces and Latin', () => {
    const alphabet = ['河', '西', '区', '。', '，', '、', ',', '.', ':', '(', ')', '"', '…', '-', ' ', '\n', 'a', '1', '\u200b', '“', '”'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
      const text = chars.join('');
      expect(normalizeText(text)).toEqual(normalizeEveryCharacter(text));
    }), { numRuns: 3000 });
  });
});
