package corpus

import "strings"

// The word lists are constants split once per Generate call, so the package
// holds no mutable state. Items are separated by "|".
const (
	zhSubjectWords = "社区|居民|志愿者|社工|楼长|老年人|青年志愿者|居委会|业主代表|志愿骨干|社区领袖|小组成员|党员志愿者|物业|邻里互助小组|议事代表"
	zhVerbWords    = "组织|参与|讨论|推动|策划|协调|开展|学习|总结|评估|倾听|支持|记录|走访|动员|商量"
	zhObjectWords  = "议事会|培训|项目|加装电梯|邻里活动|需求调研|服务计划|志愿服务|社区花园|读书会|安全巡查|垃圾分类|公益创投申请|老年人助餐|楼道清洁|社区集市|能力建设|议事规则"
	zhPhraseWords  = "在社工的陪伴下|经过多次讨论|通过入户走访|在居民议事会上|利用周末时间|在培训结束后|结合上次的反馈|在楼道里|围绕大家关心的问题|借助社区微信群"
	zhResultWords  = "提升了参与能力|增强了邻里信任|形成了议事规则|找到了新的资源|解决了实际问题|明确了下一步分工|积累了宝贵经验|让更多居民愿意站出来|把想法变成了行动|看到了自己的优势"
	zhPersonWords  = "志愿者|楼长|社区领袖|业主代表|志愿骨干|党员志愿者|青年志愿者|议事代表|老党员|退休教师"
	zhQualityWords = "耐心|热情|细致|可靠|有主见|善于沟通|乐于助人|有责任心"

	enSubjectWords = "residents|volunteers|the social worker|floor captains|older neighbours|the residents' committee|young volunteers|the council|team members|community leaders"
	enVerbWords    = "organised|discussed|planned|reviewed|mapped|prepared|tested|agreed on|shared|documented"
	enObjectWords  = "the elevator retrofit|a needs survey|the training plan|a neighbourhood meal service|the garden project|house rules for meetings|a venture-fund application|the volunteer rota|a safety walk|the budget draft"
	enPhraseWords  = "after two rounds of discussion|with support from the social worker|during the weekend workshop|in the courtyard meeting|over several home visits|at the monthly council|before the funding deadline|with help from a partner organisation"
	enResultWords  = "and trust between neighbours grew|and the group found its own rhythm|and more residents joined in|and the plan became concrete|and everyone knew their next step|and the team learned to share the work"

	zhHeadingWords = "背景|过程与方法|主要发现|居民的声音|下一步计划|反思与收获|资源与支持|经验小结|遇到的困难|参与情况"
	enHeadingWords = "Background|Process|Findings|Residents' voices|Next steps|Reflections|Resources|Lessons learned|Challenges|Participation"

	tagWords       = "社区参与|志愿服务|培训|议事协商|老年服务|加装电梯|项目设计|公益创投|团队建设|邻里互助|需求评估|community|volunteering|training|participation"
	skillWords     = "议事协商|活动策划|志愿者管理|沟通表达|项目设计|资源链接|财务管理|矛盾调解|宣传写作|团队领导"
	communityWords = "和平街道幸福里社区|和平街道长青社区|和平街道滨河社区|东湖街道向阳社区|东湖街道桂花园社区|建设街道金桥社区|建设街道建设路社区|城南街道南苑社区"
	surnameWords   = "王|李|张|刘|陈|杨|赵|黄|周|吴|徐|孙|胡|朱|高|林|何|郭|马|罗"
	givenNameWords = "秀英|建国|桂兰|志强|丽华|玉梅|国庆|淑芬|海涛|春燕|德明|晓燕|红梅|永刚|凤英|文华|建华|金凤|立新|翠萍"
	workerWords    = "社工 李敏|社工 周婷|社工 何建华|社工 许佳|督导 陈老师|社工 赵一帆|社工 孙悦"
	funderWords    = "和平街道办事处|市民政局公益创投|区慈善会|社区基金会|城市社区发展基金|Bridge Foundation"

	activityWords  = "破冰游戏|经验分享|小组讨论|角色扮演|头脑风暴|案例分析|情景模拟|社区地图绘制|总结反思|世界咖啡|需求排序|模拟答辩"
	methodWords    = "游戏|讲授|小组讨论|角色扮演|实地走访|世界咖啡|示范与练习|同伴互评"
	materialWords  = "白板纸|彩色便利贴|马克笔|社区地图|签到表|案例卡片|计时器|投影仪|评估问卷|名牌"
	budgetWords    = "场地租用:活动|物料印刷:物料|志愿者餐补:人员|培训讲师费:人员|志愿者保险:人员|交通补贴:活动|宣传海报:宣传|设备租赁:物料|居民议事茶歇:活动|专业评估服务:管理"
	topicWords     = "加装电梯议事会|社区花园|老年人助餐|楼道清洁行动|邻里读书会|安全巡查队|垃圾分类督导|社区集市|四点半课堂|助老志愿队|楼道微更新|邻里调解室"
	indicatorWords = "参与居民人次|志愿者人数|议事会召开次数|服务满意度(%)|培训时长(小时)|新增社区骨干人数"
)

// vocab holds the word lists for one generation run.
type vocab struct {
	zhSubjects, zhPersons, zhVerbs, zhObjects, zhPhrases, zhResults   []string
	zhQualities, topics                                               []string
	enSubjects, enVerbs, enObjects, enPhrases, enResults              []string
	zhHeadings, enHeadings                                            []string
	tags, skills, communities, surnames, givenNames, workers, funders []string
	activities, methods, materials, budgetItems, indicators           []string // budget items are "item:category"
}

// newVocab splits the constant word lists.
func newVocab() *vocab {
	s := func(list string) []string { return strings.Split(list, "|") }
	return &vocab{
		zhSubjects: s(zhSubjectWords), zhPersons: s(zhPersonWords), topics: s(topicWords), zhVerbs: s(zhVerbWords), zhObjects: s(zhObjectWords),
		zhPhrases: s(zhPhraseWords), zhResults: s(zhResultWords), zhQualities: s(zhQualityWords),
		enSubjects: s(enSubjectWords), enVerbs: s(enVerbWords), enObjects: s(enObjectWords),
		enPhrases: s(enPhraseWords), enResults: s(enResultWords),
		zhHeadings: s(zhHeadingWords), enHeadings: s(enHeadingWords),
		tags: s(tagWords), skills: s(skillWords), communities: s(communityWords),
		surnames: s(surnameWords), givenNames: s(givenNameWords), workers: s(workerWords),
		funders: s(funderWords), activities: s(activityWords), methods: s(methodWords),
		materials: s(materialWords), budgetItems: s(budgetWords), indicators: s(indicatorWords),
	}
}
