// 合作伙伴关系与客户关系的错误规则与记录类型。
export default {
  errors: {
    not_above: '{field}必须高于 {other}。',
    in_future: '{field}不能晚于今天。',
    stale: '自您打开以来，设置已在别处修改（版本 {have}，现为 {current}）。请重新加载。',
    kinds: {
      partnership: '合作伙伴关系评估',
      relationship: '客户关系档案',
    },
  },
}
