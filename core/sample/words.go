package sample

// The word lists the generator composes names, titles and subjects from. They
// are invented: any likeness to a real company is a coincidence of common words.

// zhWord is a Chinese word with the romanization used for legal names abroad
// and for e-mail domains.
type zhWord struct{ zh, py string }

// Region words stand in front of a company name the way 华东 or 长江 do.
var zhRegions = []zhWord{
	{"华东", "Huadong"}, {"华南", "Huanan"}, {"华北", "Huabei"}, {"华中", "Huazhong"},
	{"西南", "Xinan"}, {"东方", "Dongfang"}, {"中原", "Zhongyuan"}, {"江南", "Jiangnan"},
	{"长江", "Changjiang"}, {"珠江", "Zhujiang"}, {"渤海", "Bohai"},
}

// Cities register companies (legal names) and host domestic subsidiaries.
var zhCities = []zhWord{
	{"上海", "Shanghai"}, {"深圳", "Shenzhen"}, {"苏州", "Suzhou"}, {"宁波", "Ningbo"},
	{"无锡", "Wuxi"}, {"常州", "Changzhou"}, {"杭州", "Hangzhou"}, {"广州", "Guangzhou"},
	{"东莞", "Dongguan"}, {"佛山", "Foshan"}, {"天津", "Tianjin"}, {"青岛", "Qingdao"},
	{"济南", "Jinan"}, {"武汉", "Wuhan"}, {"重庆", "Chongqing"}, {"成都", "Chengdu"},
	{"西安", "Xian"}, {"合肥", "Hefei"}, {"南京", "Nanjing"}, {"厦门", "Xiamen"},
	{"福州", "Fuzhou"}, {"大连", "Dalian"}, {"沈阳", "Shenyang"}, {"长沙", "Changsha"},
	{"郑州", "Zhengzhou"}, {"昆山", "Kunshan"}, {"中山", "Zhongshan"}, {"温州", "Wenzhou"},
	{"烟台", "Yantai"}, {"南通", "Nantong"}, {"嘉兴", "Jiaxing"}, {"绍兴", "Shaoxing"},
	{"珠海", "Zhuhai"}, {"惠州", "Huizhou"}, {"长春", "Changchun"}, {"北京", "Beijing"},
}

// Brand words are the distinctive part of a Chinese company name.
var zhBrands = []zhWord{
	{"瑞芯", "Ruixin"}, {"海联", "Hailian"}, {"恒通", "Hengtong"}, {"中远", "Zhongyuan"},
	{"华锐", "Huarui"}, {"金桥", "Jinqiao"}, {"宏达", "Hongda"}, {"永盛", "Yongsheng"},
	{"天成", "Tiancheng"}, {"博远", "Boyuan"}, {"鼎泰", "Dingtai"}, {"汇通", "Huitong"},
	{"联创", "Lianchuang"}, {"新锐", "Xinrui"}, {"腾达", "Tengda"}, {"中科", "Zhongke"},
	{"环宇", "Huanyu"}, {"凯润", "Kairun"}, {"盛邦", "Shengbang"}, {"德润", "Derun"},
	{"安泰", "Antai"}, {"华宸", "Huachen"}, {"同舟", "Tongzhou"}, {"立信", "Lixin"},
	{"鑫源", "Xinyuan"}, {"奥新", "Aoxin"}, {"海川", "Haichuan"}, {"嘉禾", "Jiahe"},
	{"星辰", "Xingchen"}, {"云峰", "Yunfeng"}, {"信诚", "Xincheng"}, {"瑞丰", "Ruifeng"},
	{"昌盛", "Changsheng"}, {"金石", "Jinshi"}, {"蓝海", "Lanhai"}, {"智创", "Zhichuang"},
	{"伟业", "Weiye"}, {"宝德", "Baode"}, {"富华", "Fuhua"}, {"华通", "Huatong"},
	{"国瑞", "Guorui"}, {"远航", "Yuanhang"}, {"天润", "Tianrun"}, {"科达", "Keda"},
	{"新宇", "Xinyu"}, {"龙腾", "Longteng"}, {"正阳", "Zhengyang"}, {"方圆", "Fangyuan"},
	{"普瑞", "Purui"}, {"恒信", "Hengxin"}, {"华晟", "Huasheng"}, {"精诚", "Jingcheng"},
}

// indWord names an industry inside a company name: the short form goes into
// the everyday name (瑞芯电子), the long one into the legal name
// (瑞芯电子科技有限公司); en is the English rendering used abroad.
type indWord struct{ short, long, en string }

var zhIndustryWords = map[string][]indWord{
	"industrial": {
		{"精密机械", "精密机械制造", "Precision Machinery"}, {"重工", "重工", "Heavy Industries"},
		{"装备", "装备制造", "Equipment"}, {"自动化", "自动化设备", "Automation"},
		{"机电", "机电设备", "Electromechanical"}, {"泵阀", "泵阀", "Pumps & Valves"},
		{"轴承", "轴承", "Bearing"}, {"精工", "精工机械", "Precision Engineering"},
	},
	"chemical": {
		{"精细化工", "精细化工", "Fine Chemical"}, {"化工", "化工", "Chemical"},
		{"新材料", "新材料科技", "Advanced Materials"}, {"化学", "化学工业", "Chemical Industry"},
		{"涂料", "涂料", "Coatings"}, {"石化", "石油化工", "Petrochemical"},
		{"高分子", "高分子材料", "Polymer"},
	},
	"electronics": {
		{"电子", "电子科技", "Electronic Technology"}, {"半导体", "半导体", "Semiconductor"},
		{"光电", "光电科技", "Optoelectronics"}, {"微电子", "微电子", "Microelectronics"},
		{"电器", "电器", "Electric Appliance"}, {"智能", "智能科技", "Intelligent Technology"},
		{"电子元件", "电子元件", "Electronic Components"},
	},
	"logistics": {
		{"物流", "物流", "Logistics"}, {"供应链", "供应链管理", "Supply Chain"},
		{"国际货运", "国际货运代理", "International Freight"}, {"航运", "航运", "Shipping"},
		{"仓储", "仓储物流", "Warehousing"}, {"快运", "快运", "Express"},
	},
	"automotive": {
		{"汽车零部件", "汽车零部件", "Auto Parts"}, {"汽车部件", "汽车部件", "Automotive Components"},
		{"汽配", "汽车配件", "Auto Parts"}, {"汽车电子", "汽车电子", "Automotive Electronics"},
	},
	"energy": {
		{"新能源", "新能源科技", "New Energy"}, {"能源", "能源", "Energy"},
		{"电力", "电力设备", "Power Equipment"}, {"光伏", "光伏科技", "Photovoltaic"},
		{"储能", "储能科技", "Energy Storage"},
	},
	"food": {
		{"食品", "食品", "Foods"}, {"乳业", "乳业", "Dairy"},
		{"饮品", "饮品", "Beverage"}, {"粮油", "粮油", "Grain & Oil"},
	},
	"healthcare": {
		{"医疗", "医疗器械", "Medical Devices"}, {"生物", "生物医药", "Biopharma"},
		{"制药", "制药", "Pharmaceutical"},
	},
	"construction": {
		{"建材", "建材", "Building Materials"}, {"建设", "建设工程", "Construction"},
	},
	"technology": {
		{"信息", "信息技术", "Information Technology"}, {"软件", "软件", "Software"},
	},
	"retail": {
		{"商贸", "商贸", "Trading"}, {"百货", "百货", "Department Stores"},
	},
	"other": {
		{"实业", "实业", "Industrial"},
	},
}

// enIndustryWords are the trade words of English names ("... Chemicals").
var enIndustryWords = map[string][]string{
	"industrial":   {"Precision Components", "Machinery", "Industrial Systems", "Automation", "Engineering", "Tooling", "Fluid Systems", "Drives"},
	"chemical":     {"Chemicals", "Specialty Chemicals", "Polymers", "Coatings", "Materials", "Chemical Works"},
	"electronics":  {"Electronics", "Semiconductors", "Microsystems", "Circuits", "Photonics", "Devices"},
	"logistics":    {"Freight Logistics", "Logistics", "Shipping", "Supply Chain", "Forwarding", "Cargo"},
	"automotive":   {"Automotive", "Auto Parts", "Mobility Systems", "Motor Components"},
	"energy":       {"Energy", "Power Systems", "Solar", "Renewables"},
	"food":         {"Foods", "Dairy", "Beverages", "Nutrition"},
	"healthcare":   {"Medical", "Life Sciences", "Pharma"},
	"construction": {"Building Materials", "Construction"},
	"technology":   {"Technologies", "Systems"},
	"retail":       {"Retail", "Trading"},
	"other":        {"Holdings"},
}

// genericDescs go in front of an English name in any country.
var genericDescs = []string{"Meridian", "Horizon", "Apex", "Orion", "Vanguard", "Pioneer", "Continental", "Premier", "Summit", "Evergreen", "Crescent", "Silverline"}

// industryWeights make industrial, chemical, electronics and logistics dominate.
var industryWeights = []struct {
	name   string
	weight int
}{
	{"industrial", 22}, {"chemical", 20}, {"electronics", 19}, {"logistics", 14},
	{"automotive", 9}, {"energy", 6}, {"food", 4}, {"healthcare", 2},
	{"construction", 2}, {"technology", 1}, {"retail", 1},
}

// marginBase is a typical gross margin per industry.
var marginBase = map[string]float64{
	"industrial": 0.26, "chemical": 0.22, "electronics": 0.18, "logistics": 0.13,
	"automotive": 0.15, "energy": 0.20, "food": 0.17, "healthcare": 0.32,
	"construction": 0.14, "technology": 0.35, "retail": 0.12, "other": 0.20,
}

// country is what the generator needs to know about a customer's country.
type country struct {
	code, en, zh string
	currencies   []string // the first is the usual one
	localShare   float64  // how often the first currency is used
	tld, phone   string
	people       string   // name locale of the staff
	suffixes     []string // legal-form suffixes
	descs        []string // place words for English names
}

var countries = map[string]country{
	"CN": {"CN", "China", "中国", []string{"CNY"}, 1, "com.cn", "86", "zh", []string{"Co., Ltd."}, nil},
	"DE": {"DE", "Germany", "德国", []string{"EUR"}, 1, "de", "49", "de", []string{"GmbH", "AG", "GmbH & Co. KG"}, []string{"Rhine Valley", "Bavaria", "Hanseatic", "Black Forest", "Elbe", "Westphalia", "Saxon", "Swabian"}},
	"US": {"US", "USA", "美国", []string{"USD"}, 1, "com", "1", "en", []string{"Inc.", "Corp.", "LLC"}, []string{"Pacific", "Great Lakes", "Blue Ridge", "Atlantic", "Lone Star", "Cascade", "Midwest", "Golden Gate"}},
	"JP": {"JP", "Japan", "日本", []string{"JPY"}, 1, "co.jp", "81", "jp", []string{"Co., Ltd.", "K.K."}, []string{"Kansai", "Sakura", "Fuji", "Setouchi", "Chubu", "Hokuriku"}},
	"KR": {"KR", "Korea", "韩国", []string{"KRW", "USD"}, 0.7, "co.kr", "82", "kr", []string{"Co., Ltd."}, []string{"Hanil", "Hangang", "Daehan", "Yeongnam", "Busan Bay"}},
	"SG": {"SG", "Singapore", "新加坡", []string{"SGD", "USD"}, 0.5, "com.sg", "65", "sg", []string{"Pte. Ltd."}, []string{"Straits", "Lion City", "Marina", "Jurong"}},
	"FR": {"FR", "France", "法国", []string{"EUR"}, 1, "fr", "33", "fr", []string{"SA", "SAS"}, []string{"Lorraine", "Rhone", "Provence", "Loire", "Atlantique", "Alsace"}},
	"GB": {"GB", "UK", "英国", []string{"GBP"}, 1, "co.uk", "44", "en", []string{"Ltd.", "plc"}, []string{"Thames", "Midland", "Pennine", "Sterling", "Albion", "Severn"}},
	"NL": {"NL", "Netherlands", "荷兰", []string{"EUR"}, 1, "nl", "31", "nl", []string{"B.V.", "N.V."}, []string{"Delta", "Holland", "Maas", "Zeeland", "Orange"}},
	"SE": {"SE", "Sweden", "瑞典", []string{"SEK", "EUR"}, 0.6, "se", "46", "se", []string{"AB"}, []string{"Nordic", "Scandia", "Baltic", "Norrland", "Vasa"}},
	"IT": {"IT", "Italy", "意大利", []string{"EUR"}, 1, "it", "39", "it", []string{"S.p.A.", "S.r.l."}, []string{"Lombardy", "Adriatic", "Piedmont", "Tuscany", "Veneto"}},
	"VN": {"VN", "Vietnam", "越南", []string{"USD", "VND"}, 0.7, "com.vn", "84", "vn", []string{"Co., Ltd.", "JSC"}, []string{"Mekong", "Saigon", "Red River", "Halong"}},
	"TH": {"TH", "Thailand", "泰国", []string{"THB", "USD"}, 0.5, "co.th", "66", "th", []string{"Co., Ltd.", "Public Co., Ltd."}, []string{"Siam", "Chao Phraya", "Andaman", "Eastern Seaboard"}},
	"MY": {"MY", "Malaysia", "马来西亚", []string{"MYR", "USD"}, 0.5, "com.my", "60", "my", []string{"Sdn. Bhd.", "Berhad"}, []string{"Malacca", "Borneo", "Penang", "Klang Valley"}},
	"IN": {"IN", "India", "印度", []string{"INR", "USD"}, 0.5, "co.in", "91", "in", []string{"Pvt. Ltd.", "Ltd."}, []string{"Deccan", "Indus", "Konkan", "Coromandel"}},
	"BR": {"BR", "Brazil", "巴西", []string{"BRL", "USD"}, 0.5, "com.br", "55", "latam", []string{"Ltda.", "S.A."}, []string{"Amazonas", "Paulista", "Atlantica", "Serra Verde"}},
	"MX": {"MX", "Mexico", "墨西哥", []string{"USD", "MXN"}, 0.6, "com.mx", "52", "latam", []string{"S.A. de C.V."}, []string{"Sierra Madre", "Bajio", "Monterrey", "Azteca"}},
}

// Where international customers sit, weighted.
var intlCountryWeights = []struct {
	code   string
	weight int
}{
	{"DE", 16}, {"US", 16}, {"JP", 10}, {"KR", 7}, {"SG", 6}, {"FR", 8}, {"GB", 7}, {"NL", 6},
	{"SE", 5}, {"IT", 6}, {"VN", 3}, {"TH", 3}, {"MY", 3}, {"IN", 4}, {"BR", 3}, {"MX", 3},
}

// Where Chinese groups open plants abroad, and where foreign groups have theirs.
var (
	zhAbroad       = []string{"VN", "TH", "MY", "MX", "IN", "DE", "US", "BR", "SG"}
	intlSubCountry = []string{"US", "DE", "JP", "KR", "SG", "FR", "GB", "MX", "BR", "IN", "TH", "VN", "IT", "NL", "SE"}
	intlParentCtry = []string{"DE", "US", "JP", "FR", "SE", "NL", "GB", "KR", "IT"}
	// Foreign groups' China plants sit in the usual industrial parks.
	intlChinaCities = []zhWord{{"上海", "Shanghai"}, {"苏州", "Suzhou"}, {"天津", "Tianjin"}, {"广州", "Guangzhou"}, {"深圳", "Shenzhen"}, {"宁波", "Ningbo"}, {"青岛", "Qingdao"}, {"无锡", "Wuxi"}}
	asiaPacific     = map[string]bool{"CN": true, "JP": true, "KR": true, "TH": true, "VN": true, "MY": true, "IN": true}
)

// Approximate units of each currency per yuan: enough to make sizes comparable.
var perCNY = map[string]float64{
	"CNY": 1, "USD": 0.14, "EUR": 0.13, "JPY": 21, "KRW": 190, "SGD": 0.19, "GBP": 0.11,
	"SEK": 1.45, "THB": 4.9, "MYR": 0.63, "INR": 11.8, "BRL": 0.76, "MXN": 2.6, "VND": 3500,
}

// owner is a key-account manager on the supplier's team.
type owner struct {
	name string
	intl bool // looks after international customers
}

// The first six are the S team; M and L add colleagues.
var owners = []owner{
	{"王磊", false}, {"李娜", false}, {"陈静", false}, {"张伟", false}, {"Michael Chen", true}, {"Anna Schmidt", true},
	{"刘洋", false}, {"赵敏", false}, {"周杰", false}, {"孙丽", false}, {"Sophie Martin", true}, {"Kenji Tanaka", true},
	{"黄勇", false}, {"吴婷", false}, {"徐明", false}, {"马超", false}, {"郭芳", false}, {"林晓", false},
	{"何平", false}, {"高峰", false}, {"David Miller", true}, {"Laura Rossi", true}, {"Erik Larsson", true}, {"Priya Sharma", true},
}

// Chinese personal names.
var (
	zhSurnames = []zhWord{
		{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"},
		{"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"},
		{"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"高", "gao"},
		{"林", "lin"}, {"罗", "luo"}, {"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"},
		{"唐", "tang"}, {"许", "xu"}, {"韩", "han"}, {"冯", "feng"}, {"邓", "deng"}, {"曹", "cao"},
		{"彭", "peng"}, {"曾", "zeng"}, {"肖", "xiao"}, {"田", "tian"}, {"董", "dong"}, {"袁", "yuan"},
		{"潘", "pan"}, {"蒋", "jiang"}, {"蔡", "cai"}, {"余", "yu"}, {"杜", "du"}, {"叶", "ye"},
		{"程", "cheng"}, {"苏", "su"}, {"魏", "wei"}, {"吕", "lv"}, {"丁", "ding"}, {"沈", "shen"},
		{"姚", "yao"}, {"卢", "lu"}, {"姜", "jiang"}, {"崔", "cui"}, {"钟", "zhong"}, {"陆", "lu"},
		{"范", "fan"}, {"金", "jin"}, {"石", "shi"}, {"贾", "jia"}, {"夏", "xia"}, {"方", "fang"},
		{"欧阳", "ouyang"}, {"司马", "sima"},
	}
	zhGiven = []zhWord{
		{"伟", "wei"}, {"磊", "lei"}, {"静", "jing"}, {"敏", "min"}, {"强", "qiang"}, {"军", "jun"},
		{"勇", "yong"}, {"杰", "jie"}, {"涛", "tao"}, {"超", "chao"}, {"鹏", "peng"}, {"华", "hua"},
		{"丽", "li"}, {"娟", "juan"}, {"燕", "yan"}, {"芳", "fang"}, {"婷", "ting"}, {"颖", "ying"},
		{"建国", "jianguo"}, {"建华", "jianhua"}, {"志强", "zhiqiang"}, {"志明", "zhiming"}, {"海涛", "haitao"}, {"晓东", "xiaodong"},
		{"晓峰", "xiaofeng"}, {"文博", "wenbo"}, {"国栋", "guodong"}, {"俊杰", "junjie"}, {"子涵", "zihan"}, {"雨萱", "yuxuan"},
		{"欣怡", "xinyi"}, {"思远", "siyuan"}, {"浩然", "haoran"}, {"宇航", "yuhang"}, {"佳琪", "jiaqi"}, {"梦瑶", "mengyao"},
		{"雪梅", "xuemei"}, {"秀英", "xiuying"}, {"玉兰", "yulan"}, {"丽华", "lihua"}, {"春燕", "chunyan"}, {"红梅", "hongmei"},
		{"立新", "lixin"}, {"卫东", "weidong"}, {"振华", "zhenhua"}, {"明辉", "minghui"}, {"永刚", "yonggang"}, {"德胜", "desheng"},
		{"晓明", "xiaoming"}, {"嘉怡", "jiayi"}, {"天宇", "tianyu"}, {"一鸣", "yiming"}, {"瑞", "rui"}, {"斌", "bin"},
		{"倩", "qian"}, {"琳", "lin"}, {"波", "bo"}, {"亮", "liang"}, {"凯", "kai"}, {"蕾", "lei"},
	}
)

// Western and other romanized names, per locale; given then family name.
var peopleNames = map[string][2][]string{
	"en": {
		{"James", "Michael", "Robert", "David", "William", "Richard", "Thomas", "Daniel", "Matthew", "Andrew", "Jennifer", "Sarah", "Emily", "Jessica", "Laura", "Rachel", "Karen", "Emma", "Olivia", "Kevin", "Brian", "Steven", "Mark", "Paul", "Susan", "Linda", "Rebecca", "Christopher"},
		{"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Clark", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Turner", "Parker", "Evans", "Collins", "Hughes", "Cooper"},
	},
	"de": {
		{"Thomas", "Stefan", "Andreas", "Michael", "Markus", "Jürgen", "Klaus", "Frank", "Tobias", "Jan", "Katrin", "Sabine", "Julia", "Claudia", "Anja", "Petra", "Nicole", "Christina", "Matthias", "Florian"},
		{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann", "Krüger", "Hartmann"},
	},
	"fr": {
		{"Pierre", "Jean", "Nicolas", "Laurent", "Julien", "Philippe", "François", "Thierry", "Camille", "Sophie", "Isabelle", "Nathalie", "Claire", "Aurélie", "Céline", "Marc"},
		{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fontaine"},
	},
	"it": {
		{"Marco", "Luca", "Giuseppe", "Alessandro", "Andrea", "Francesco", "Matteo", "Paolo", "Giulia", "Francesca", "Chiara", "Elena", "Sara", "Valentina"},
		{"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca"},
	},
	"nl": {
		{"Jan", "Pieter", "Maarten", "Bas", "Joost", "Sander", "Ruud", "Lotte", "Sanne", "Eva", "Femke", "Anouk"},
		{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos"},
	},
	"se": {
		{"Erik", "Lars", "Anders", "Johan", "Magnus", "Per", "Karl", "Anna", "Maria", "Karin", "Sara", "Emma", "Ingrid"},
		{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindberg", "Lindqvist"},
	},
	"jp": {
		{"Takashi", "Hiroshi", "Kenji", "Satoshi", "Yuki", "Daisuke", "Kazuo", "Naoko", "Yumi", "Akiko", "Haruka", "Shota"},
		{"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada"},
	},
	"kr": {
		{"Min-jun", "Ji-hoon", "Seung-woo", "Hyun-woo", "Ji-woo", "Seo-yeon", "Min-ji", "Eun-ji", "Dong-hyun", "Jae-won"},
		{"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"},
	},
	"sg": {
		{"Wei Jie", "Jia Hui", "Kelvin", "Melissa", "Desmond", "Ryan", "Michelle", "Adrian", "Rachel", "Benjamin"},
		{"Tan", "Lim", "Lee", "Ng", "Goh", "Chua", "Ong", "Koh", "Teo", "Wong"},
	},
	"in": {
		{"Rahul", "Amit", "Vikram", "Sanjay", "Arjun", "Rajesh", "Priya", "Anita", "Neha", "Kavita", "Suresh", "Deepak"},
		{"Sharma", "Patel", "Gupta", "Singh", "Kumar", "Reddy", "Iyer", "Mehta", "Nair", "Joshi"},
	},
	"latam": {
		{"Carlos", "José", "Luis", "Juan", "Miguel", "Rafael", "Fernando", "Ana", "María", "Gabriela", "Camila", "Lucía", "Pedro", "Diego"},
		{"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Hernández", "García", "López", "Martínez", "González", "Rodríguez", "Ramírez"},
	},
	"vn": {
		{"Minh", "Hung", "Tuan", "Linh", "Lan", "Thao", "Duc", "Hoa", "Quang", "Trang"},
		{"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"},
	},
	"th": {
		{"Somchai", "Suda", "Anan", "Niran", "Pim", "Kittisak", "Warunee", "Chaiwat", "Nattapong", "Siriporn"},
		{"Srisuk", "Wongsawat", "Chaiyaporn", "Suwannarat", "Rattanakorn", "Boonmee", "Thongchai", "Saelim"},
	},
	"my": {
		{"Ahmad", "Siti", "Farid", "Nur", "Hafiz", "Arif", "Aisyah", "Zulkifli", "Nurul", "Hakim"},
		{"Rahman", "Ismail", "Abdullah", "Hassan", "Osman", "Yusof", "Ibrahim", "Salleh"},
	},
}

// dept is a department of the customer with its titles at three levels.
type dept struct {
	zhName, enName   string
	zhHead, enHead   []string
	zhMgr, enMgr     []string
	zhStaff, enStaff []string
	role             string // the buying role its people usually play
	underDeputy      bool   // reports to the deputy in larger companies
}

var depts = map[string]dept{
	"proc": {"采购部", "Procurement",
		[]string{"采购总监"}, []string{"Head of Procurement", "Purchasing Director"},
		[]string{"采购经理", "采购部经理"}, []string{"Purchasing Manager", "Category Manager"},
		[]string{"采购工程师", "采购专员", "高级采购"}, []string{"Strategic Buyer", "Buyer", "Senior Buyer"},
		"influencer", false},
	"tech": {"技术部", "Engineering",
		[]string{"技术总监", "研发总监"}, []string{"CTO", "R&D Director", "Head of Engineering"},
		[]string{"技术部经理", "研发经理"}, []string{"Engineering Manager", "R&D Manager"},
		[]string{"工艺工程师", "研发工程师", "应用工程师"}, []string{"Process Engineer", "Application Engineer", "R&D Engineer"},
		"technical", false},
	"fin": {"财务部", "Finance",
		[]string{"财务总监"}, []string{"CFO", "Finance Director"},
		[]string{"财务经理"}, []string{"Controller", "Finance Manager"},
		[]string{"成本会计", "应付会计"}, []string{"Cost Accountant", "Accounts Payable Specialist"},
		"financial", false},
	"prod": {"生产部", "Operations",
		[]string{"生产总监", "厂长"}, []string{"Plant Manager", "Director of Manufacturing"},
		[]string{"生产经理", "车间主任"}, []string{"Production Manager", "Production Area Manager"},
		[]string{"生产主管", "班组长"}, []string{"Shift Supervisor", "Line Supervisor"},
		"user", true},
	"qual": {"质量部", "Quality",
		[]string{"质量总监"}, []string{"Head of Quality", "Quality Director"},
		[]string{"质量经理", "质量部经理"}, []string{"Quality Manager", "Supplier Quality Manager"},
		[]string{"质量工程师", "SQE工程师"}, []string{"Supplier Quality Engineer", "QA Engineer"},
		"technical", true},
	"scm": {"供应链管理部", "Supply Chain",
		[]string{"供应链总监"}, []string{"Supply Chain Director", "Head of Supply Chain"},
		[]string{"计划经理", "物流经理"}, []string{"Planning Manager", "Logistics Manager"},
		[]string{"计划专员", "物控专员"}, []string{"Demand Planner", "Materials Planner"},
		"user", true},
	"maint": {"设备部", "Maintenance",
		[]string{"设备总监"}, []string{"Head of Maintenance"},
		[]string{"设备部经理"}, []string{"Maintenance Manager"},
		[]string{"设备工程师"}, []string{"Reliability Engineer", "Maintenance Engineer"},
		"user", true},
	"ops": {"运营部", "Operations",
		[]string{"运营总监"}, []string{"Operations Director", "Head of Operations"},
		[]string{"运营经理", "场站经理"}, []string{"Operations Manager", "Hub Manager"},
		[]string{"调度主管", "运营专员"}, []string{"Dispatch Supervisor", "Operations Coordinator"},
		"user", true},
	"it": {"信息部", "IT",
		[]string{"IT总监", "信息中心主任"}, []string{"CIO", "Head of IT"},
		[]string{"IT经理"}, []string{"IT Manager"},
		[]string{"系统工程师"}, []string{"Systems Engineer"},
		"technical", true},
}

// Departments in the order a supplier meets them, per industry.
var deptOrder = map[string][]string{
	"logistics":  {"ops", "proc", "fin", "it", "qual", "scm"},
	"food":       {"proc", "qual", "prod", "fin", "tech", "scm", "maint"},
	"healthcare": {"proc", "qual", "tech", "fin", "prod", "scm"},
	"":           {"proc", "tech", "fin", "prod", "qual", "scm", "maint"},
}

var (
	zhTop    = []string{"总经理", "董事长兼总经理"}
	zhTopGrp = []string{"总裁", "集团总裁"}
	enTop    = []string{"Managing Director", "General Manager", "CEO"}
	zhDeputy = []string{"副总经理", "运营副总"}
	enDeputy = []string{"COO", "VP Operations"}
	zhMgmt   = "总经办"
	enMgmt   = "Management"
)

var (
	zhInterests    = []string{"高尔夫", "钓鱼", "茶艺，喜欢普洱", "跑马拉松", "摄影", "书法", "篮球，周末常打球", "红酒", "登山", "孩子今年高考", "喜欢足球，支持国安", "太极拳", "收藏紫砂壶", "自驾游"}
	enInterests    = []string{"golf", "sailing", "football", "cycling", "wine tasting", "two kids at primary school", "marathon running", "jazz", "skiing", "photography", "tennis", "cooking"}
	zhContactNotes = []string{"决策风格谨慎，重视数据。", "喜欢直接沟通，不喜欢过多寒暄。", "曾在竞争对手公司任职。", "下半年可能晋升。", "对价格敏感，关注总成本。", "技术背景出身，重视方案细节。"}
	enContactNotes = []string{"Data-driven and cautious.", "Prefers short, direct meetings.", "Previously worked for a competitor.", "Likely promotion later this year.", "Price-sensitive; looks at total cost.", "Engineer by training; wants the details."}
)

// Activity subjects per type, Chinese then English.
var subjects = map[string][2][]string{
	"visit": {
		{"季度业务回顾", "新产品技术交流", "拜访采购总监，沟通年度框架协议", "现场技术支持", "年度价格谈判", "高层拜访", "产线试用跟进", "供应商审核准备", "拜访新任采购经理", "样品测试结果沟通", "项目进展沟通", "年度合作规划研讨"},
		{"Quarterly business review", "New product technical presentation", "Plant audit", "Visit to discuss the annual framework agreement", "On-site technical support", "Annual price negotiation", "Executive visit", "Production trial follow-up", "Meet the new purchasing manager", "Sample test results review", "Project status review", "Site tour with the engineering team"},
	},
	"call": {
		{"电话跟进报价", "确认交期", "电话沟通付款进度", "跟进样品反馈", "节日问候", "确认下季度需求预测", "电话沟通技术问题", "跟进合同审批进度"},
		{"Follow-up on quotation", "Delivery date confirmation", "Payment status call", "Sample feedback follow-up", "Forecast for next quarter", "Technical question on the specification", "Contract approval follow-up", "Check-in call"},
	},
	"meeting": {
		{"年度联合规划会议", "技术方案评审会", "商务谈判", "质量改进会议", "季度业务回顾会议", "供应链协同会议", "新项目启动会", "高层战略对话"},
		{"Joint account planning workshop", "Technical design review", "Commercial negotiation", "Quality improvement meeting", "QBR meeting", "Supply chain alignment meeting", "Project kick-off", "Executive sponsor meeting"},
	},
	"event": {
		{"邀请参加行业展会", "客户答谢会", "新品发布会", "技术研讨会", "高尔夫友谊赛", "工厂开放日", "年度供应商大会"},
		{"Invitation to the trade fair", "Customer appreciation dinner", "Product launch event", "Technical seminar", "Golf day", "Open house at our plant", "Annual supplier day"},
	},
	"service": {
		{"现场设备调试", "技术培训", "售后巡检", "工艺优化支持", "应急供货支持", "协助客户通过审核", "备件更换", "安装指导"},
		{"On-site commissioning", "Operator training", "Preventive maintenance check", "Process optimization support", "Emergency supply support", "Support for the customer's audit", "Spare parts replacement", "Installation guidance"},
	},
}

// Complaints name their cause after a fixed prefix so lists group them.
var (
	complaintPrefix = [2]string{"投诉处理：", "Complaint: "}
	complaintCauses = [2][]string{
		{"交货延迟", "批次质量问题", "包装破损", "发票错误", "价格调整争议", "技术响应不及时", "来料不良", "文件资料不全"},
		{"late delivery", "batch quality issue", "damaged packaging", "invoice error", "price adjustment dispute", "slow technical response", "incoming material defects", "missing documentation"},
	}
)

var activityNotes = [2][]string{
	{"客户反馈交期偏长，希望缩短至两周。", "对新产品兴趣较大，要求提供样品。", "采购计划下季度增加约15%。", "竞争对手报价低约8%，需准备应对方案。", "技术部对方案认可，等待高层审批。", "已约定下次拜访时间。", "客户提出账期延长至90天的要求。", "现场问题已解决，客户表示满意。", "需要内部协调技术支持资源。", "客户正在评估第二供应商。"},
	{"Customer asked to shorten the lead time to two weeks.", "Strong interest in the new product line; samples requested.", "Volume expected to grow about 15% next quarter.", "Competitor quote is about 8% lower; prepare a response.", "Engineering approved the proposal; waiting for management sign-off.", "Next visit agreed.", "Customer asked for 90-day payment terms.", "Issue on site resolved; customer satisfied.", "Need support from our application engineers.", "Customer is qualifying a second source."},
}

var complaintNotes = [2][]string{
	{"已启动8D流程，48小时内回复初步分析。", "已安排补货，客户要求书面说明原因。", "质量部已到现场确认问题批次。"},
	{"8D started; first analysis due within 48 hours.", "Replacement shipped; customer wants a written root cause.", "Our quality team confirmed the affected batch on site."},
}

var accountNotes = [2][]string{
	{"年度框架协议每年一月续签。", "客户正推进供应商整合，计划将供应商数量减少三成。", "新工厂预计明年投产，存在增量机会。", "付款周期较长，需关注应收账款。", "竞争对手为主供应商，我方为第二供应商。", "高层关系良好，董事长每年参加我方供应商大会。"},
	{"Framework agreement renewed every January.", "Customer is cutting its supplier base by about a third.", "New plant starts production next year: room to grow.", "Long payment terms; watch receivables.", "A competitor is the main supplier; we are second source.", "Good executive relationship; their CEO attends our supplier day."},
}

// Tags a team would use.
const (
	tagStrategic = "战略客户"
	tagDevelop   = "重点培育"
	tagGlobal    = "全球客户"
	tagReference = "reference customer"
	tagAtRisk    = "流失风险"
	tagPrice     = "价格敏感"
	tagFramework = "年度框架协议"
	tagSole      = "独家供应"
)
