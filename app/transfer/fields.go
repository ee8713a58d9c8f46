package transfer

import (
	"strings"
	"unicode"
)

// Record kinds a table can hold.
const (
	KindAccounts      = "accounts"
	KindContacts      = "contacts"
	KindActivities    = "activities"
	KindOpportunities = "opportunities"
)

// TableKinds lists the kinds in the order the UI offers them.
var TableKinds = []string{KindAccounts, KindContacts, KindActivities, KindOpportunities}

// Ignore is the mapping of a column that is not imported.
const Ignore = ""

// Field is one thing a column can fill. Names are the record's JSON field
// names, so a validation error's field finds its column. "id" is the
// Keystone ID (a Keystone export's first column); "externalId" is another
// system's id (Salesforce's Account ID, HubSpot's Record ID), remembered so
// the next import of that system's file updates the same records.
type Field struct {
	Key      string `json:"key"`
	Required bool   `json:"required"`
	// headers are the usual column titles for it: Keystone's own, then
	// Salesforce's, HubSpot's and common Chinese ones.
	headers []string
}

var fields = map[string][]Field{
	KindAccounts: {
		{Key: "id", headers: []string{"Keystone ID", "Keystone 编号", "基石 ID"}},
		{Key: "externalId", headers: []string{"External ID", "ID", "Account ID", "Record ID", "Company ID", "外部编号", "编号", "客户编号"}},
		{Key: "name", Required: true, headers: []string{"Name", "Account Name", "Account", "Company name", "Company", "Organization", "客户名称", "客户", "公司名称", "公司", "企业名称", "名称", "客户名"}},
		{Key: "legalName", headers: []string{"Legal name", "Legal entity", "法定名称", "公司全称", "全称", "法人名称"}},
		{Key: "industry", headers: []string{"Industry", "行业", "所属行业"}},
		{Key: "segment", headers: []string{"Segment", "Account segment", "细分", "客户细分", "细分市场"}},
		{Key: "country", headers: []string{"Country", "Billing Country", "Country/Region", "Shipping Country", "Country/region", "国家", "国家/地区", "国家地区", "地区"}},
		{Key: "owner", headers: []string{"Owner", "Account Owner", "Company owner", "Account manager", "客户经理", "负责人", "所有人", "客户负责人"}},
		{Key: "currency", headers: []string{"Currency", "Account Currency", "币种", "货币"}},
		{Key: "tags", headers: []string{"Tags", "标签"}},
		{Key: "notes", headers: []string{"Notes", "Description", "About", "备注", "描述", "说明"}},
	},
	KindContacts: {
		{Key: "id", headers: []string{"Keystone ID", "Keystone 编号", "基石 ID"}},
		{Key: "externalId", headers: []string{"External ID", "ID", "Contact ID", "Record ID", "外部编号", "编号", "联系人编号"}},
		{Key: "account", Required: true, headers: []string{"Account", "Account Name", "Company name", "Company", "Associated Company", "客户", "客户名称", "公司", "公司名称", "所属客户"}},
		{Key: "accountCountry", headers: []string{"Account country", "Billing Country", "Country", "Country/Region", "国家", "国家/地区", "客户国家"}},
		{Key: "name", Required: true, headers: []string{"Name", "Full Name", "Contact Name", "Contact", "联系人", "姓名", "联系人姓名"}},
		{Key: "firstName", headers: []string{"First Name", "名"}},
		{Key: "lastName", headers: []string{"Last Name", "姓"}},
		{Key: "title", headers: []string{"Title", "Job Title", "Position", "职位", "职务", "头衔"}},
		{Key: "department", headers: []string{"Department", "部门"}},
		{Key: "buyingRole", headers: []string{"Buying role", "Role", "购买角色", "角色"}},
		{Key: "stance", headers: []string{"Stance", "立场", "态度"}},
		{Key: "influence", headers: []string{"Influence", "影响力"}},
		{Key: "relationshipLevel", headers: []string{"Relationship level", "关系等级", "关系级别", "关系"}},
		{Key: "lastContact", headers: []string{"Last contact", "Last Activity", "Last Activity Date", "Last contacted", "最近联系", "最后联系日期", "上次联系"}},
		{Key: "email", headers: []string{"Email", "Email Address", "E-mail", "邮箱", "电子邮件", "电子邮箱", "邮件"}},
		{Key: "phone", headers: []string{"Phone", "Phone Number", "Mobile", "Mobile Phone", "Mobile Phone Number", "电话", "手机", "联系电话", "手机号"}},
		{Key: "birthday", headers: []string{"Birthday", "Birthdate", "生日"}},
		{Key: "notes", headers: []string{"Notes", "Description", "备注", "说明"}},
	},
	KindActivities: {
		{Key: "id", headers: []string{"Keystone ID", "Keystone 编号", "基石 ID"}},
		{Key: "externalId", headers: []string{"External ID", "ID", "Activity ID", "Task ID", "Record ID", "外部编号", "编号"}},
		{Key: "account", Required: true, headers: []string{"Account", "Account Name", "Company name", "Company", "Associated Company", "客户", "客户名称", "公司", "公司名称", "所属客户"}},
		{Key: "accountCountry", headers: []string{"Account country", "Billing Country", "Country", "Country/Region", "国家", "国家/地区", "客户国家"}},
		{Key: "date", Required: true, headers: []string{"Date", "Activity Date", "Activity date", "Due Date", "日期", "拜访日期", "活动日期"}},
		{Key: "type", Required: true, headers: []string{"Type", "Activity Type", "Activity type", "Task Type", "类型", "拜访类型", "活动类型", "方式"}},
		{Key: "subject", Required: true, headers: []string{"Subject", "Activity", "Title", "主题", "标题", "事由"}},
		{Key: "notes", headers: []string{"Notes", "Comments", "Description", "Body", "备注", "内容", "记录", "说明"}},
		{Key: "followUp", headers: []string{"Follow-up", "Follow up", "Follow-up date", "Next step date", "跟进日期", "下次跟进", "跟进"}},
		{Key: "useful", headers: []string{"Useful", "Useful for customer", "有用", "为客户做的有用事"}},
	},
	KindOpportunities: {
		{Key: "id", headers: []string{"Keystone ID", "Keystone 编号", "基石 ID"}},
		{Key: "externalId", headers: []string{"External ID", "ID", "Opportunity ID", "Deal ID", "Record ID", "外部编号", "编号", "商机编号"}},
		{Key: "account", Required: true, headers: []string{"Account", "Account Name", "Company name", "Company", "Associated Company", "客户", "客户名称", "公司", "公司名称", "所属客户"}},
		{Key: "accountCountry", headers: []string{"Account country", "Billing Country", "Country", "Country/Region", "国家", "国家/地区", "客户国家"}},
		{Key: "title", Required: true, headers: []string{"Title", "Opportunity Name", "Deal Name", "Opportunity", "Deal", "商机名称", "机会名称", "项目名称", "商机"}},
		{Key: "value.amount", headers: []string{"Amount", "Value", "Deal Amount", "Opportunity Amount", "金额", "商机金额", "预计金额", "合同金额"}},
		{Key: "value.currency", headers: []string{"Currency", "Opportunity Currency", "Deal Currency", "Currency code", "币种", "货币"}},
		{Key: "stage", Required: true, headers: []string{"Stage", "Deal Stage", "Opportunity Stage", "阶段", "销售阶段", "商机阶段"}},
		{Key: "probability", headers: []string{"Probability (%)", "Probability", "Deal probability", "Win probability", "赢率", "成交概率", "概率"}},
		{Key: "expectedClose", headers: []string{"Expected close", "Close Date", "Expected Close Date", "预计成交日期", "预计成交", "预计签约日期", "预计关闭日期"}},
		{Key: "openedOn", headers: []string{"Opened on", "Created Date", "Create Date", "创建日期", "开始日期", "立项日期"}},
		{Key: "owner", headers: []string{"Owner", "Opportunity Owner", "Deal owner", "负责人", "销售负责人", "商机负责人"}},
		{Key: "competitors", headers: []string{"Competitors", "Competitor", "Main Competitors", "竞争对手"}},
		{Key: "notes", headers: []string{"Notes", "Description", "Next Step", "备注", "说明"}},
		{Key: "close.outcome", headers: []string{"Outcome", "Won/Lost", "结果", "输赢"}},
		{Key: "close.primaryReason", headers: []string{"Reason", "Primary reason", "Closed Lost Reason", "Loss Reason", "Win/Loss Reason", "原因", "输赢原因", "主要原因"}},
		{Key: "close.on", headers: []string{"Closed on", "Closed Date", "Actual close date", "实际成交日期", "关闭日期"}},
		{Key: "close.winner", headers: []string{"Winner", "Won by", "Lost to", "赢单对手", "中标方"}},
	},
}

// Fields lists the fields of a table kind (nil for an unknown kind).
func Fields(kind string) []Field { return fields[kind] }

// fieldOf finds a field of a kind by key.
func fieldOf(kind, key string) (Field, bool) {
	for _, f := range fields[kind] {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// normHeader folds case, spaces and punctuation, so "Billing Country",
// "billing_country" and "BILLING COUNTRY " are one header.
func normHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ProposeMapping maps each column to a field of kind, or Ignore, from its
// header; each field goes to at most one column (the first that names it).
func ProposeMapping(kind string, header []string) []string {
	out := make([]string, len(header))
	used := map[string]bool{}
	byHeader := map[string]string{}
	for _, f := range fields[kind] {
		for _, h := range append([]string{f.Key}, f.headers...) {
			if n := normHeader(h); byHeader[n] == "" {
				byHeader[n] = f.Key
			}
		}
	}
	for i, h := range header {
		if key := byHeader[normHeader(h)]; key != "" && !used[key] {
			out[i], used[key] = key, true
		}
	}
	return out
}

// GuessKind names the table kind whose fields the header fits best.
func GuessKind(header []string) string {
	best, score := KindAccounts, -1
	for _, k := range TableKinds {
		n := 0
		for _, f := range ProposeMapping(k, header) {
			if f != Ignore {
				n++
				if fd, _ := fieldOf(k, f); fd.Required {
					n += 2
				}
			}
		}
		// A title or date column points away from plain accounts.
		if n > score {
			best, score = k, n
		}
	}
	return best
}
