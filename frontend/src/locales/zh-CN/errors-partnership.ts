// 合作伙伴关系与客户关系的错误规则与记录类型。
export default {
  errors: {
    in_future: '{field}不能晚于今天。',
    kinds: {
      partnership: '合作伙伴关系评估',
      relationship: '客户关系档案',
    },
  },
}
