// 全球大客户项目的错误提示。
export default {
  errors: {
    end_before_start: '{field}不能早于开始日期（{start}）。',
    after_end: '{field}不能晚于合同结束日期（{end}）。',
    duplicate_country: '{field}：该国家已在项目中，请先移出另一行。',
    duplicate_quarter: '{year} 年第 {quarter} 季度重复填写。',
    not_in_program: '{field}：{value} 不是本项目的国家。',
    not_subsidiary: '{field}必须是本全球客户的子公司，不能是其他母公司的子公司。',
    no_subsidiaries: '该客户还没有子公司，请先把它设为子公司的上级客户。',
    duplicate_program: '该客户已有全球大客户项目，请打开现有项目。',
    history_kept: '国家行作为历史保留：请将 {value} 移出项目，而不是删除。',
    computed: '{field}由项目自动计算，不能手工填写。',
    missing_rule: '缺少健康规则（{value}），请恢复默认设置。',
    threshold_order: '{field}：较轻一级的阈值（{value}）不能比红灯阈值（{other}）更严格。',
    duplicate: '{field}：“{value}”重复。',
    other_parent: '{field}已是{name}的子公司。请先在该客户资料中修改上级客户。',
    has_program: '{field}已有自己的全球大客户项目，请先归档该项目。',
    one_country: '本集团只分布在一个国家（{countries}）。全球客户需要在多个国家设有子公司：请设置子公司的国家，或添加海外子公司。',
    currency_in_use: '项目金额以 {value} 计：录入目标或实际数后，不能改为 {other}。',
    kinds: {
      program: '全球项目',
      country: '国家行',
    },
  },
}
