package program

import "strings"

// Stage is the id of one of the four program stages. The ids are fixed by the
// content model; their labels are translatable.
type Stage string

// The four stages, in program order.
const (
	Activate Stage = "activate" // 启能: find, enrol and coach community talents
	Empower  Stage = "empower"  // 赋能: group training of volunteer backbones
	Showcase Stage = "showcase" // 展能: teams design, fund and deliver services
	Transmit Stage = "transmit" // 传能: peer learning among leaders
)

// Label is a text in the program's two languages.
type Label struct {
	En string
	Zh string
}

// In returns the label in lang: Chinese for any "zh" language tag
// ("zh", "zh-Hans", "zh-CN"), English otherwise.
func (l Label) In(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "zh") && l.Zh != "" {
		return l.Zh
	}
	return l.En
}

// StageIDs returns the four stage ids in program order, in a fresh slice.
func StageIDs() []Stage {
	return []Stage{Activate, Empower, Showcase, Transmit}
}

// Valid reports whether s is one of the four stage ids.
func (s Stage) Valid() bool { return s.Order() > 0 }

// Order returns the stage's place in the program, 1 to 4, or 0 for a value
// that is not a stage id.
func (s Stage) Order() int {
	switch s {
	case Activate:
		return 1
	case Empower:
		return 2
	case Showcase:
		return 3
	case Transmit:
		return 4
	}
	return 0
}

// Label returns the stage's name in English and Chinese; the zero Label for a
// value that is not a stage id.
func (s Stage) Label() Label {
	switch s {
	case Activate:
		return Label{En: "Activate", Zh: "启能"}
	case Empower:
		return Label{En: "Empower", Zh: "赋能"}
	case Showcase:
		return Label{En: "Showcase", Zh: "展能"}
	case Transmit:
		return Label{En: "Transmit", Zh: "传能"}
	}
	return Label{}
}

// StageInfo describes one stage and its inner structure. Activate and
// showcase are organised in numbered Steps; empower and transmit in Phases.
type StageInfo struct {
	ID      Stage
	Order   int   // 1 to 4
	Label   Label // the stage's name
	Summary Label // what happens in the stage, in one line
	Steps   []Step
	Phases  []PhaseInfo
}

// Step is one numbered step of the activate or showcase stage.
type Step struct {
	Number int // 1-based
	Label  Label
}

// PhaseInfo is one phase of the empower stage or one format of the transmit
// stage, with the topics it covers.
type PhaseInfo struct {
	ID     Phase
	Label  Label
	Topics []Label
}

// Stages returns the four stages with their inner structure, in program
// order. Every call returns fresh values the caller may keep or change.
func Stages() []StageInfo {
	out := make([]StageInfo, 0, 4)
	for _, s := range StageIDs() {
		info, _ := s.Info()
		out = append(out, info)
	}
	return out
}

// Info returns the stage's description and inner structure, freshly built,
// and false for a value that is not a stage id.
func (s Stage) Info() (StageInfo, bool) {
	info := StageInfo{ID: s, Order: s.Order(), Label: s.Label()}
	switch s {
	case Activate:
		info.Summary = Label{
			En: "Social workers find community talents, enrol them after their consent and coach them through case work.",
			Zh: "社工发掘社区能人，经本人同意后纳入培育，以个案方式陪伴成长。",
		}
		info.Steps = []Step{
			{1, Label{En: "Find and enrol", Zh: "发掘与招募"}},
			{2, Label{En: "Assess strengths and weaknesses", Zh: "优势与不足评估"}},
			{3, Label{En: "Stimulate potential", Zh: "激发潜能"}},
		}
	case Empower:
		info.Summary = Label{
			En: "Group training builds the capacity of volunteer backbones.",
			Zh: "以小组培训提升志愿骨干的能力。",
		}
	case Showcase:
		info.Summary = Label{
			En: "Leaders form teams, design services, apply for venture funding, deliver and expand.",
			Zh: "骨干组建团队、设计服务、申请公益创投或社区微创投、落地实施并拓展。",
		}
		info.Steps = []Step{
			{1, Label{En: "Form a team", Zh: "组建团队"}},
			{2, Label{En: "Build the team, assess needs, design and apply", Zh: "团队建设、需求评估、项目设计与申报"}},
			{3, Label{En: "Deliver with resources", Zh: "整合资源，开展服务"}},
			{4, Label{En: "Expand", Zh: "拓展延伸"}},
		}
	case Transmit:
		info.Summary = Label{
			En: "Leaders learn from each other.",
			Zh: "骨干之间朋辈互学、经验传承。",
		}
	default:
		return StageInfo{}, false
	}
	for _, p := range phasesOf(s) { // none for the stages organised in steps
		pi, _ := p.Info()
		info.Phases = append(info.Phases, pi)
	}
	return info, true
}

// Steps returns how many numbered steps the stage has: 3 for activate, 4 for
// showcase, 0 for stages organised in phases.
func (s Stage) Steps() int {
	switch s {
	case Activate:
		return 3
	case Showcase:
		return 4
	}
	return 0
}

// Phases returns the phases of the stage in order, in a fresh slice; nil for
// stages organised in steps.
func (s Stage) Phases() []Phase { return phasesOf(s) }
