export default {
  errors: {
    scored_twice: '{field}：“{value}”重复出现。',
    score_missing: '{field}：每一项都需要打分。',
    weights_not_100: '权重合计为 {total}，必须等于 100。',
    lever_unknown: '“{value}”不是该提高转换成本计划中的方式。',
    due_before_start: '到期日 {value} 早于计划开始日期（{start}）。',
    start_after_due: '计划开始日期不能晚于“{title}”的到期日 {due}。',
    closed_before_opened: '案例的结束日期不能早于开始日期（{opened}）。',
    won_back_not_lost: '只有已流失的客户才能“赢回”；有流失风险的客户应为“已保留”。',
    kinds: {
      'switching-assessment': '转换成本评估',
      'satisfaction-survey': '满意度调查',
      'switching-plan': '提高转换成本计划',
      'lever-cost': '行动费用',
      'retention-case': '挽留案例',
      renewal: '续约日期',
    },
  },
}
