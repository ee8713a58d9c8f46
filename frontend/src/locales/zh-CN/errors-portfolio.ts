export default {
  errors: {
    weights_sum: '权重合计为 {sum}，必须为 100。',
    missing_score: '每个评分项都需要评分（{key} 未评分）。',
    order: '{field}：数值顺序不对（ABC 界限须递增，金字塔分层须从高到低，最低层从零开始）。',
    diverges: '保留率必须低于 1 + 贴现率（{retention} ≥ 1 + {discount}）：否则终生价值无穷大。',
    kinds: {
      scorecard: '评分卡',
      tier: '层级设定',
      valueinputs: '终生价值参数',
    },
  },
}
