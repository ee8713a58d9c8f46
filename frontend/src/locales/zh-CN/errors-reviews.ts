// 评审相关规则与记录类型的错误文字。
export default {
  errors: {
    duplicate_review: '该客户已有 {period} 的评审，请打开那一份。',
    review_final: '该评审已定稿：页面已冻结，不能再修改。',
    before_prepared: '{field}不能早于编制日期（{prepared}）。',
    annual_no_quarter: '年度评审没有季度。',
    folder_not_writable: 'Keystone 无法写入 {folder}，请选择其他文件夹。',
    no_accounts_selected: '没有符合所选范围的客户。',
    pdf_failed: '无法生成 PDF：{message}',
    kinds: {
      review: '评审',
      batch: '导出',
    },
  },
}
