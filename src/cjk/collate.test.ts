/**
 * Index order, R-IDX, with the spec's test vectors V1–V12 taken from the
 * sample's printed index (chinese-layout-spec §11.3).
 */
import { describe, expect, test } from 'vitest';
import { compareIndexKeys, indexKey } from './collate.ts';

/** Readings the editor gives where pinyin-pro reads the word otherwise (供热 gōngrè). */
const READINGS: Record<string, string> = { 供热工作: 'gong1 re4 gong1 zuo4' };
const key = (h: string) => indexKey(h, READINGS[h]);

function expectOrder(...headings: string[]) {
  for (let i = 0; i + 1 < headings.length; i++) {
    expect(compareIndexKeys(key(headings[i]!), key(headings[i + 1]!)), `${headings[i]} < ${headings[i + 1]}`).toBeLessThan(0);
  }
  const shuffled = [...headings].reverse().sort((a, b) => compareIndexKeys(key(a), key(b)));
  expect(shuffled).toEqual(headings);
}

describe('R-IDX index order (spec vectors)', () => {
  test('V1: headings with digits first, by number, then by the rest', () => {
    expectOrder(
      '2022 年度优秀企业表彰大会暨招商大会', '2023“活力河西·都市消费嘉年华——缤纷夏日购物季”启动仪式暨天津环宇城开业仪式',
      '2023 第三届海河国际消费季暨第五届活力河西·哪吒文化体育嘉年华', '2023 年东西部协作和支援合作工作推动会', '2023 年度武装工作会议',
      '2023 年全国工人先锋号', '2023 年全国五一巾帼标兵获得者', '2023 年天津市创新创业之星', '2023 年天津市工人先锋号',
      '2023 年天津市全国科普日主场活动“天津科普之夜”', '2023 年天津市五一劳动奖章', '2023 年天津市五一劳动奖状', '爱国卫生',
    );
  });
  test('V2: same letters, then tone', () => expectOrder('搭建联动载体', '打击欺诈骗保', '大联席、小机制', '“大思政课”建设', '大统战工作', '大营门街道', '代表意见建议办理'));
  test('V3: same reading, then strokes (工3 公4 供8), 正5 证7', () => expectOrder(
    '工青妇武', '工作监督', '公安', '公共法律服务', '公共机构节能', '公共文化服务', '公仆接待日', '公司改革', '公务用车', '公务员管理',
    '公正文明执法', '公证行业管理', '供热工作', '共青团“面对面”活动',
  ));
  test('V4: 卫3 为4 未5', () => expectOrder('维护法制营商环境', '卫生健康', '卫生健康法制监督', '为企纾难解困', '未成年人思想道德建设', '文稿起草'));
  test('V5: 医7 依8, 以 yǐ, 一 yì by sandhi before 谊', () => expectOrder(
    '医保经办系统练兵比武', '医联体建设', '医疗保障', '依法治税', '依申请公开及信访工作', '以税资政', '一般公共预算收入执行情况',
    '一般公共预算支出执行情况', '一体推进“三不腐”', '谊景村社区',
  ));
  test('V6: same strokes, then stroke order: 刑 (横) before 行 (撇)', () => expectOrder('刑事审判', '行政复议', '行政管理', '行政审判', '行政执法'));
  test('V7: more strokes later', () => {
    expectOrder('司法改革', '思想建设');
    expectOrder('闲置资产盘活', '现岗政府特贴专家', '献血工作');
    expectOrder('梅江街道', '媒体融合发展');
    expectOrder('队伍建设', '对口帮扶');
    expectOrder('防惩统计造假', '房地产市场管理');
    expectOrder('守法普法', '首届“我为群众办实事”主题活动');
  });
  test('V8: syllable letters before tone', () => expectOrder('港云里社区', '高校大学生征兵体检'));
  test('V9: ü after u', () => expectOrder('楼宇经济', '律师行业管理'));
  test('V10: punctuation before hanzi, “ before 《', () => expectOrder('推动“警网”融合', '推动《规划》指标落实', '推动党建业务深度融合', '推广经验做法'));
  test('V11: a leading quote does not count', () => expectOrder('办公用房', '“保交楼”项目推动落实', '保障河西经济发展'));
  test('V12: a prefix first', () => expectOrder('“双碳”工作', '双万双服', '“双万双服促发展”活动'));
});

describe('letter groups', () => {
  test('the group is the initial of the first reading; digits have none', () => {
    expect(indexKey('行业监管').group).toBe('H');
    expect(indexKey('行政复议').group).toBe('X');
    expect(indexKey('长护险').group).toBe('C');
    expect(indexKey('“保交楼”项目').group).toBe('B');
    expect(indexKey('律师').group).toBe('L');
    expect(indexKey('2023 年度武装工作会议').group).toBe('');
  });

  test('the editor’s reading overrides the library', () => {
    expect(indexKey('供热工作').units[0]!.tone).toBe(4);
    expect(indexKey('供热工作', 'gong1 re4 gong1 zuo4').units[0]!.tone).toBe(1);
  });
});
