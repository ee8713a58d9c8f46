package sample

// Word lists for account plans and actions, Chinese then English. Like the
// names in words.go they are invented; competitor names in particular are
// made up and any likeness to a real firm is a coincidence of common words.

// bi is a phrase in both languages.
type bi [2]string

// offer is what the supplier sells into an industry, as a plan names it.
var offer = map[string]bi{
	"industrial":   {"传动与液压部件", "drive and hydraulic components"},
	"chemical":     {"工艺泵阀与密封方案", "process pumps, valves and sealing"},
	"electronics":  {"自动化检测设备", "automated test equipment"},
	"logistics":    {"仓储自动化设备", "warehouse automation equipment"},
	"automotive":   {"产线自动化与关键部件", "line automation and key components"},
	"energy":       {"电力与储能关键部件", "power and storage components"},
	"food":         {"卫生级流体设备", "hygienic fluid-handling equipment"},
	"healthcare":   {"洁净工艺设备", "clean-process equipment"},
	"construction": {"工程机械配套件", "construction equipment parts"},
	"technology":   {"工业物联网方案", "industrial IoT solutions"},
	"retail":       {"门店与仓储设备", "store and warehouse equipment"},
	"other":        {"工业配套产品", "industrial supplies"},
}

// Competitors per industry: Chinese makers (with the name used abroad) and
// international ones, whose Latin names Chinese plans keep as they are.
var competitors = map[string][]bi{
	"industrial":   {{"恒力精工", "Hengli Precision"}, {"华辰传动", "Huachen Drives"}, {"东驰液压", "Dongchi Hydraulics"}, {"Nordwerk Antriebe", "Nordwerk Antriebe"}, {"Valmora Hydraulics", "Valmora Hydraulics"}, {"Takase Seiko", "Takase Seiko"}},
	"chemical":     {{"瀚洋密封", "Hanyang Sealing"}, {"沪科流体", "Huke Fluid"}, {"Durafluid", "Durafluid"}, {"Kestrel Pumps", "Kestrel Pumps"}, {"Rhenaval", "Rhenaval"}},
	"electronics":  {{"迅测科技", "Xunce Technology"}, {"芯测智能", "Xince Intelligent"}, {"Probeline", "Probeline"}, {"Helix Test Systems", "Helix Test Systems"}, {"Yamabe Instruments", "Yamabe Instruments"}},
	"logistics":    {{"速仓智能", "Sucang Intelligent"}, {"联运自动化", "Lianyun Automation"}, {"Stackwise", "Stackwise"}, {"Nordlager Systems", "Nordlager Systems"}},
	"automotive":   {{"凌动智造", "Lingdong Manufacturing"}, {"驰远部件", "Chiyuan Components"}, {"Kraftline Automation", "Kraftline Automation"}, {"Rivetta Systems", "Rivetta Systems"}},
	"energy":       {{"储安电气", "Chu'an Electric"}, {"光晟能源装备", "Guangsheng Energy Equipment"}, {"Voltaris", "Voltaris"}, {"Gridmark", "Gridmark"}},
	"food":         {{"洁流设备", "Jieliu Equipment"}, {"Hygena Flow", "Hygena Flow"}, {"Alpinox", "Alpinox"}},
	"healthcare":   {{"净源科技", "Jingyuan Technology"}, {"Sterilis Process", "Sterilis Process"}, {"Cleanbay", "Cleanbay"}},
	"construction": {{"重驰配件", "Zhongchi Parts"}, {"Ironbridge Parts", "Ironbridge Parts"}},
	"technology":   {{"云联工业", "Yunlian Industrial"}, {"Fabriq IoT", "Fabriq IoT"}},
	"retail":       {{"店通设备", "Diantong Equipment"}, {"Shelfline", "Shelfline"}},
	"other":        {{"华东工业品", "Huadong Industrial Supply"}, {"Meridia Industrial", "Meridia Industrial"}},
}

// zhCurrency names currencies the way Chinese amounts are written (1280万元).
var zhCurrency = map[string]string{
	"CNY": "元", "USD": "美元", "EUR": "欧元", "JPY": "日元", "KRW": "韩元", "SGD": "新加坡元", "GBP": "英镑",
	"SEK": "瑞典克朗", "THB": "泰铢", "MYR": "林吉特", "INR": "卢比", "BRL": "雷亚尔", "MXN": "墨西哥比索", "VND": "越南盾",
}

// Goal titles for the metrics read from the figures; %s is an amount or a
// percentage, %d the growth in percent.
var (
	revenueGoal   = bi{"销售额达到%s（同比增长%d%%）", "Revenue of %s (+%d%% on last year)"}
	marginGoal    = bi{"毛利额达到%s", "Gross margin of %s"}
	recoverGoal   = bi{"扭亏为盈：毛利额转正，达到%s", "Back to a positive margin: %s"}
	walletGoal    = bi{"钱包份额提升至%s", "Share of wallet up to %s"}
	crossSellGoal = bi{"交叉销售额达到%s", "Cross-sell of %s beyond the core line"}
)

// customGoal is a goal the figures do not measure: a count of something.
type customGoal struct {
	title  bi // with %d for the target
	unit   bi
	lo, hi int
}

var customGoals = []customGoal{
	{bi{"新增%d家工厂导入", "Qualify %d new plants"}, bi{"家", "plants"}, 1, 4},
	{bi{"完成%d个新品认证", "Get %d new products approved"}, bi{"个", "products"}, 2, 5},
	{bi{"组织%d次高层互访", "Hold %d executive meetings"}, bi{"次", "meetings"}, 2, 4},
	{bi{"%d个联合开发项目进入量产", "Move %d joint projects into series production"}, bi{"个", "projects"}, 1, 3},
	{bi{"开展%d场技术交流会", "Run %d technical workshops"}, bi{"场", "workshops"}, 3, 6},
	{bi{"签订%d份年度服务合同", "Sign %d annual service contracts"}, bi{"份", "contracts"}, 1, 3},
}

// Logistics customers count lanes and hubs rather than plants.
var logisticsGoals = []customGoal{
	{bi{"新开通%d条运输专线", "Open %d new lanes"}, bi{"条", "lanes"}, 2, 6},
	{bi{"新增%d个仓储中心合作", "Add %d new warehouse hubs"}, bi{"个", "hubs"}, 1, 3},
}

var goalNotes = [2][]string{
	{"按上年实际和客户扩产计划测算。", "以客户年度预算为准，年中复核。", "需总部价格政策支持。", "与客户采购部口头确认过。"},
	{"Based on last year's actuals and the customer's expansion plan.", "Follows the customer's budget; review at mid-year.", "Needs head-office pricing support.", "Agreed verbally with procurement."},
}

// Strategic focus: one sentence for the account's situation, sometimes
// followed by a general one.
var (
	focusTroubled = [2][]string{
		{"稳住基本盘：48小时内闭环质量投诉，重建采购部信任，先止住份额下滑。", "守住现有份额：解决交付问题，提高高层拜访频率，防止客户切换到竞争对手。"},
		{"Stabilise the account: close quality complaints within 48 hours, rebuild trust with procurement and stop the share decline.", "Hold the share we have: fix delivery, see the executives more often and keep the customer from switching."},
	}
	focusRising = [2][]string{
		{"抓住客户扩产窗口，在新工厂首批设备选型中进入短名单，成为首选供应商。", "跟随客户新项目快速放量，提前锁定下一代平台的设计定点。"},
		{"Ride the customer's expansion: get on the shortlist for the new plant's first equipment and become preferred supplier.", "Grow with the customer's new programmes and win the design-in for their next platform early."},
	}
	focusLoss = [2][]string{
		{"扭亏为盈：重新谈判价格与付款条件，削减定制化带来的额外成本。"},
		{"Return to profit: renegotiate prices and payment terms and cut the cost of one-off customisation."},
	}
	focusGlobal = [2][]string{
		{"把集团总部的框架协议落地到各子公司工厂，统一价格与服务标准。"},
		{"Roll the group framework agreement out to every subsidiary plant with one price list and one service standard."},
	}
	focusGeneral = [2][]string{
		{"巩固现有产品线份额，以技术服务拉开与竞争对手的差距。", "从单一产品供应商升级为整体方案合作伙伴。", "深化与技术部的联合开发，把我方方案写进客户标准。", "提升高层关系，推动年度框架协议改为三年期。", "以服务合同带动备件与升级改造业务。"},
		{"Defend our share of the current lines and pull ahead on technical service.", "Move from parts supplier to solution partner.", "Deepen joint development with engineering so our solution becomes their standard.", "Lift the relationship to executive level and turn the yearly framework into a three-year agreement.", "Use service contracts to open spare-parts and retrofit business."},
	}
)

// Positioning statements: %[1]s the account, %[2]s our offer.
var positioningStatements = [2][]string{
	{"成为%[1]s%[2]s的首选战略供应商，以交付稳定性和现场技术支持区别于竞争对手。", "从%[1]s的第二供应商转为主供应商，%[2]s份额过半。", "做%[1]s最信赖的%[2]s合作伙伴：响应最快、总成本最低。"},
	{"%[1]s's preferred strategic supplier of %[2]s, set apart by delivery reliability and on-site engineering.", "Move from second source to main supplier of %[2]s at %[1]s, with more than half the volume.", "The partner %[1]s trusts for %[2]s: fastest response, lowest total cost."},
}

// Value propositions: %[1]s our offer, %[2]d and %[3]d percentages.
var valuePropositions = [2][]string{
	{"以%[1]s加现场应用工程支持，帮助客户将非计划停机降低%[2]d%%、综合采购成本降低%[3]d%%。", "%[1]s标准化选型，备件种类减少%[2]d%%，库存资金占用降低%[3]d%%。"},
	{"Our %[1]s with on-site application engineering: %[2]d%% less unplanned downtime and %[3]d%% lower total purchase cost.", "Standardised %[1]s: %[2]d%% fewer spare-part types and %[3]d%% less cash tied up in stock."},
}

// Action-plan steps per quarter; a narrative takes one or two quarters' worth.
var planSteps = [4][2][]string{
	{
		{"完成年度框架协议续签", "与采购部确认全年需求预测", "召开年度联合规划会"},
		{"renew the annual framework agreement", "agree the year's demand forecast with procurement", "hold the joint planning workshop"},
	},
	{
		{"推动新品样品测试并进入小批量试产", "完成上半年价格复盘", "安排技术交流会"},
		{"get new product samples into testing and a pilot run", "review first-half pricing", "run a technical workshop"},
	},
	{
		{"组织高层互访，锁定明年预算", "参与新工厂设备选型", "推进服务合同签订"},
		{"arrange the executive visit and secure next year's budget", "join the new plant's equipment selection", "close the service contract"},
	},
	{
		{"年度商务回顾，确认下一年目标", "完成供应商年度评审", "准备下一年框架协议谈判"},
		{"annual business review and next year's targets", "pass the yearly supplier evaluation", "prepare next year's framework negotiation"},
	},
}

var resourceOurs = [2][]string{
	{"派驻应用工程师每月现场支持2天", "设立专项样品与测试预算", "开放我方实验室做联合测试", "区域经理每季度参加业务回顾", "提供备件寄售库存", "总部产品经理支持新品导入"},
	{"Application engineer on site two days a month", "Dedicated budget for samples and testing", "Joint tests in our lab", "Regional manager at every quarterly review", "Consignment stock of spare parts", "Head-office product manager for new product introductions"},
}

var resourceTheirs = [2][]string{
	{"开放产线进行新品试用", "提供未来12个月滚动需求预测", "指定技术对接人参与联合开发", "新项目招标提前通知我方", "付款周期不超过60天"},
	{"Production line access for product trials", "Rolling 12-month demand forecast", "A named engineer for joint development", "Early notice of new project tenders", "Payment within 60 days"},
}

// ourTeams own resources that no single person does.
var ourTeams = bi{"应用工程部", "Application Engineering"}

var budgetNotes = [2][]string{
	{"含应用工程师人力、样品及客户活动费用。", "主要用于新品测试和高层互访。", "预算按季度释放，视进展调整。"},
	{"Covers application engineering time, samples and customer events.", "Mostly for product trials and executive visits.", "Released quarterly, adjusted to progress."},
}

// The four value quadrants; %d are percentages or counts.
var (
	functionalValue = [2][]string{
		{"单件加工成本降低%d%%，换型时间缩短%d分钟。", "设备综合效率提升%d%%，年停机时间减少%d小时。"},
		{"Cuts unit cost by %d%% and changeover time by %d minutes.", "Raises overall equipment effectiveness by %d%% and removes %d hours of downtime a year."},
	}
	psychologicalValue = [2][]string{
		{"专属客户经理与技术团队，4小时响应、24小时到场；高层每半年互访一次。", "质量问题48小时内给出8D初步报告，客户审核一次通过率100%。", "为客户关键人员提供年度技术培训和行业交流机会。"},
		{"A named account team: answer within 4 hours, on site within 24; executives meet twice a year.", "First 8D report within 48 hours of any quality issue; every customer audit passed first time.", "Yearly technical training and industry events for the customer's key people."},
	}
	customerCommitment = [2][]string{
		{"年度采购额不低于框架协议约定；新项目优先邀请我方参与。", "每季度提供滚动预测；新产线设备选型邀请我方参加。", "为我方提供产线试用机会，并出具试用报告作为推荐。"},
		{"Buys at least the framework volume and invites us first to new projects.", "Quarterly rolling forecast; invites us to equipment selection for new lines.", "Lets us run trials on the line and writes the trial report as a reference."},
	}
	trackingValue = [2][]string{
		{"每季度联合业务回顾；月度交付与质量KPI共享看板；问题清单双周更新。", "双方各指定一名负责人，每月电话会跟踪行动项，半年度高层复盘。"},
		{"Quarterly joint business review; shared monthly delivery and quality KPIs; issue list updated every two weeks.", "One owner on each side, a monthly call on open actions and a half-year executive review."},
	}
)

// Plan task titles by the metric of the goal they serve.
var planTasks = map[string][2][]string{
	"revenue": {
		{"完成年度框架协议续签", "推进下半年订单排产确认", "拜访采购总监沟通年度需求", "准备年度商务回顾材料", "跟进大项目报价"},
		{"Renew the annual framework agreement", "Confirm the second-half order schedule", "Meet the purchasing director on annual demand", "Prepare QBR deck", "Follow up the large project quotation"},
	},
	"margin": {
		{"推动价格调整方案落地", "优化物流与包装成本", "评估定制化订单毛利", "协商付款周期缩短至60天"},
		{"Agree the price adjustment", "Cut logistics and packaging cost", "Review margin on custom orders", "Negotiate 60-day payment terms"},
	},
	"share_of_wallet": {
		{"参与新一轮供应商招标", "争取第二供应商份额转移", "梳理客户全年采购品类", "拜访新任采购经理"},
		{"Bid in the next supplier tender", "Win volume from the second source", "Map the customer's full category spend", "Meet the new purchasing manager"},
	},
	"cross_sell": {
		{"推动新品样品测试", "介绍服务合同方案", "安排新产品线技术交流会", "提交备件升级改造方案"},
		{"Push new product samples into testing", "Present the service contract offer", "Technical workshop on the new product line", "Propose the retrofit package"},
	},
	"custom": {
		{"安排技术交流会", "与厂长进行现场拜访", "完成新工厂供应商准入资料", "组织高层互访", "跟进联合开发项目评审"},
		{"Arrange a technical workshop", "Site visit with plant manager", "Submit supplier qualification for the new plant", "Organise the executive visit", "Joint project gate review"},
	},
}

// Hand-made to-dos.
var manualTasks = [2][]string{
	{"给客户回电确认交期", "整理竞品报价对比", "跟进逾期应收款", "发送修订版报价单", "更新客户联系人信息", "预约下月拜访", "准备年度商务回顾材料", "确认展会邀请名单", "提交样品申请", "回复客户技术问询", "更新客户组织架构图", "寄送节日礼品"},
	{"Call back on the delivery date", "Compile competitor price comparison", "Chase overdue invoice", "Send the revised quotation", "Update contact details", "Book next month's visit", "Prepare QBR deck", "Confirm trade fair invitations", "Request samples for testing", "Answer the customer's technical query", "Update the account org chart", "Send season's greetings"},
}

var actionNotes = [2][]string{
	{"需协调应用工程师资源。", "客户要求书面材料。", "等待客户内部审批。", "已与采购部约好时间。"},
	{"Needs application engineering time.", "Customer wants it in writing.", "Waiting for the customer's internal approval.", "Time agreed with procurement."},
}

var (
	cancelNotes = [2][]string{
		{"客户项目推迟，取消。", "已由其他行动覆盖。"},
		{"Customer postponed the project.", "Covered by another action."},
	}
	// rolledNote closes last year's leftovers when the plan rolled forward.
	rolledNote = bi{"上年度计划滚动时关闭。", "Closed when last year's plan was rolled forward."}
)
