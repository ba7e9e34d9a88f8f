package program

// Phase is a group phase of the empower stage or a workshop format of the
// transmit stage.
type Phase string

// The phases of empower and the formats of transmit.
const (
	Initial      Phase = "initial"      // empower: volunteering, advocacy
	Intermediate Phase = "intermediate" // empower: leadership, conflict, brainstorming
	Advanced     Phase = "advanced"     // empower: needs to evaluation
	Thematic     Phase = "thematic"     // transmit: thematic workshops
	Mobile       Phase = "mobile"       // transmit: mobile workshops
	StudyVisit   Phase = "study-visit"  // transmit: study visits of exemplary projects
)

func phasesOf(s Stage) []Phase {
	switch s {
	case Empower:
		return []Phase{Initial, Intermediate, Advanced}
	case Transmit:
		return []Phase{Thematic, Mobile, StudyVisit}
	}
	return nil
}

// Stage returns the stage the phase belongs to, or "" for a value that is
// not a phase.
func (p Phase) Stage() Stage {
	switch p {
	case Initial, Intermediate, Advanced:
		return Empower
	case Thematic, Mobile, StudyVisit:
		return Transmit
	}
	return ""
}

// Order returns the phase's place within its stage, from 1, or 0 for a value
// that is not a phase.
func (p Phase) Order() int {
	switch p {
	case Initial, Thematic:
		return 1
	case Intermediate, Mobile:
		return 2
	case Advanced, StudyVisit:
		return 3
	}
	return 0
}

// Info returns the phase's labels and topics, freshly built, and false for a
// value that is not a phase.
func (p Phase) Info() (PhaseInfo, bool) {
	l := func(en, zh string) Label { return Label{En: en, Zh: zh} }
	switch p {
	case Initial:
		return PhaseInfo{ID: p, Label: l("Initial", "初阶"), Topics: []Label{
			l("Volunteering", "志愿服务"), l("Advocacy", "倡导"),
		}}, true
	case Intermediate:
		return PhaseInfo{ID: p, Label: l("Intermediate", "中阶"), Topics: []Label{
			l("Leadership qualities", "领袖素质"), l("Conflict scenarios", "冲突情境"), l("Brainstorming", "头脑风暴"),
		}}, true
	case Advanced:
		return PhaseInfo{ID: p, Label: l("Advanced", "高阶"), Topics: []Label{
			l("Needs assessment", "需求评估"), l("Problem analysis", "问题分析"), l("Project design", "项目设计"),
			l("Competition", "项目大赛"), l("Evaluation", "评估"),
		}}, true
	case Thematic:
		return PhaseInfo{ID: p, Label: l("Thematic workshops", "主题工作坊"), Topics: []Label{
			l("Project design", "项目设计"), l("Project application", "项目申报"), l("Communication", "沟通表达"),
			l("Team leadership", "团队领导"), l("Service bottlenecks", "服务瓶颈"),
		}}, true
	case Mobile:
		return PhaseInfo{ID: p, Label: l("Mobile workshops", "流动工作坊"), Topics: []Label{
			l("Site visits", "实地参访"), l("Simulation contests", "模拟比赛"), l("Experience exchange", "经验交流"),
		}}, true
	case StudyVisit:
		return PhaseInfo{ID: p, Label: l("Study visits", "参访学习"), Topics: []Label{
			l("Exemplary projects", "优秀项目"),
		}}, true
	}
	return PhaseInfo{}, false
}
