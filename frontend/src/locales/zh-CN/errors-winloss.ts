// 商机与赢单/丢单规则的错误提示。
export default {
  errors: {
    unknown_stage: '{field}：“{value}”不是漏斗阶段之一（设置 → 赢单/丢单）。',
    unknown_reason: '{field}：“{value}”不在原因列表中（设置 → 赢单/丢单）。',
    unknown_question: '“{value}”不是“是不是机会/能不能赢/值不值得赢”中的问题。',
    won_with_winner: '赢单的商机没有“赢单的竞争对手”：是我们赢了。请留空竞争对手。',
    before_open: '{field}不能早于立项日期（{open}）。',
    same_as_primary: '{field}：“{value}”已是主要原因。',
    already_closed: '该商机已关闭。如需重新关闭，请先重新打开。',
    closed: '该商机已关闭。请先重新打开，再移动阶段。',
    before_from: '期间的结束早于开始。',
    key_format: '{field}：“{value}”只能使用小写字母、数字和 _（最多 40 个字符）。',
    count: '{field}：需要 {min} 到 {max} 个（现在 {value} 个）。',
    kinds: {
      opportunity: '商机',
      'settings-winloss': '赢单/丢单设置',
    },
  },
}
