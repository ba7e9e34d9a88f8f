package render

import (
	"fmt"
	"time"
)

// The views of the Four Capabilities program model. They are made once per
// build from the audience-filtered model: nothing left out of the build is
// in them, and every person is named the way the build may name them.

// Program is .Site.Program: the program-wide views of one language.
type Program struct {
	Name         string
	Organisation string
	Currency     string

	Stages    []*StageView    // the four stages in path order
	Leaders   []*LeaderView   // published leaders, by stage order then name
	Projects  []*ProjectView  // published projects, newest first
	Sessions  []*SessionView  // published sessions, by stage, phase, weight, date
	Exchanges []*ExchangeView // published exchange materials, newest first
	Dashboard *Dashboard

	// URLs of the generated program pages ("" when the build has none).
	LeadersURL, HandbookURL, PrintURL, ShowcaseURL, ExchangeURL string
	ProjectsJSON, ProjectsCSV                                   string

	refs     map[string]LeaderRef
	leaders  map[string]*LeaderView
	projects map[string]*ProjectView
}

// SetIndex records the lookups of LeaderRef, LeaderByID and ProjectByName:
// refs has every leader id the program knows, named as this build may name
// them; leaders and projects hold the published views by leader id and by
// project name (the file name without extension). Call it once, before any
// template runs.
func (p *Program) SetIndex(refs map[string]LeaderRef, leaders map[string]*LeaderView, projects map[string]*ProjectView) {
	p.refs, p.leaders, p.projects = refs, leaders, projects
}

// LeaderRef returns how this build names the leader with the given id; an
// id the program does not know gives "a community leader" (in the page
// language's words, from the caller) with no link.
func (p *Program) LeaderRef(id string) LeaderRef {
	if r, ok := p.refs[id]; ok {
		return r
	}
	return LeaderRef{}
}

// Leader is LeaderRef for an id a page's author wrote where nothing checked
// it (a shortcode's argument): an id no leader has is an error, so a typo
// does not pass for a leader the build keeps out of sight.
func (p *Program) Leader(id string) (LeaderRef, error) {
	if r, ok := p.refs[id]; ok {
		return r, nil
	}
	return LeaderRef{}, fmt.Errorf("%q is not the id of any leader", id)
}

// LeaderByID returns the published portfolio of a leader, or nil.
func (p *Program) LeaderByID(id string) *LeaderView { return p.leaders[id] }

// ProjectByName returns a published project by its file name, or nil.
func (p *Program) ProjectByName(name string) *ProjectView { return p.projects[name] }

// Stage returns the stage view with the given id, or nil.
func (p *Program) Stage(id string) *StageView {
	for _, s := range p.Stages {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// StageView is one stage of the path with what the build holds of it.
type StageView struct {
	ID      string // "activate"
	Order   int    // 1 to 4
	Label   string // in the page language: "启能" or "Activate"
	LabelZh string
	LabelEn string
	Summary string        // what happens in the stage
	Intro   *Page         // content/handbook/<stage>/_index.md when present
	URL     string        // the stage's handbook page
	Steps   []string      // activate and showcase: the numbered steps
	Phases  []*PhaseGroup // empower and transmit: sessions grouped by phase; others: one group
	Leaders int           // published leaders currently at this stage
	// Exchanges lists the exchange materials of the transmit stage.
	Exchanges []*ExchangeView
}

// PhaseGroup is a phase of a stage with its sessions in order.
type PhaseGroup struct {
	ID       string // "initial", "thematic"; "" for a stage without phases
	Label    string
	Topics   []string
	Sessions []*SessionView
}

// LeaderRef names a leader the way this build may: the name, else the
// pseudonym, else "a community leader"; URL is "" when the leader's
// portfolio is not published in this build.
type LeaderRef struct {
	Name string
	URL  string
}

// LeaderView is a leader's portfolio.
type LeaderView struct {
	Page         *Page
	ID           string
	Name         string // name or pseudonym, as consent allows in this build
	Community    string
	Stage        *StageView // current stage; nil when not given
	Joined       time.Time
	Skills       []Link
	Photo        *Image // nil unless the photo may be published
	Milestones   []Milestone
	Testimonials []Testimonial // empty unless quotes may be published
	Evidence     Evidence
}

// Image is a published picture.
type Image struct {
	URL    string
	Alt    string
	Width  int
	Height int
	SrcSet string // "a-480.jpg 480w, a-960.jpg 960w" when resized copies exist
}

// Milestone is a dated step on a leader's path.
type Milestone struct {
	Date  time.Time
	Stage *StageView
	Note  string
}

// Testimonial is a quote about or by a leader.
type Testimonial struct {
	Quote  string
	Source string
}

// Evidence is every published page that names a leader.
type Evidence struct {
	Sessions  []*SessionView
	Projects  []*ProjectView
	Exchanges []*ExchangeView
	Cases     []*Page
	Total     int
}

// ProjectView is a project's one-page view for funders.
type ProjectView struct {
	Page          *Page
	Status        string // "delivering"
	StatusLabel   string
	Scheme        string // "public-welfare-venture"
	SchemeLabel   string
	Funder        string
	Community     string
	Stage         *StageView
	Beneficiaries int
	Leaders       []LeaderRef
	Currency      string
	Requested     Amount // what the project asks for
	Awarded       Amount
	Matched       Amount  // self-raised, in-kind and partner funds
	MatchedShare  float64 // 0..1 of requested + matched
	PeriodStart   time.Time
	PeriodEnd     time.Time
	Budget        []BudgetLine
	BudgetTotal   Amount
	BySource      []SourceTotal
	Outcomes      []Outcome
}

// Amount is a sum of money: Value for arithmetic and bars, Text formatted
// with thousands separators; Set is false when the file gives none.
type Amount struct {
	Value float64
	Text  string
	Set   bool
}

// BudgetLine is one line of a project budget with its computed total.
type BudgetLine struct {
	Item        string
	Category    string
	Quantity    float64
	UnitCost    Amount
	Total       Amount
	Source      string
	SourceLabel string
}

// SourceTotal is a budget sum by source of funds.
type SourceTotal struct {
	Source string
	Label  string
	Total  Amount
	Share  float64 // 0..1 of the budget total
}

// Outcome is an outcome indicator with its progress.
type Outcome struct {
	Indicator string
	Baseline  float64
	Target    float64
	Actual    float64
	Measured  bool    // false when no actual value was written
	Progress  float64 // 0.. (1 = target reached), from baseline to target
}

// SessionView is a workshop or group-session plan.
type SessionView struct {
	Page            *Page
	Stage           *StageView
	Phase           string
	PhaseLabel      string
	DurationMinutes int
	ActivityMinutes int
	Objectives      []string
	Materials       []string
	Activities      []Activity
	Attendees       []LeaderRef
	Facilitators    []string
}

// Activity is one timed activity of a session plan.
type Activity struct {
	Name    string
	Minutes int
	Method  string
	Start   int // minutes from the session's start
}

// Clock returns the activity's start as hours and minutes from the
// session's start, "h:mm": 75 minutes is "1:15".
func (a Activity) Clock() string { return fmt.Sprintf("%d:%02d", a.Start/60, a.Start%60) }

// ExchangeView is a peer-learning material.
type ExchangeView struct {
	Page       *Page
	Kind       string
	KindLabel  string
	Topic      string
	TopicLabel string
	Stage      *StageView
	Leaders    []LeaderRef
}

// Dashboard holds the program figures of the build, for charts.
type Dashboard struct {
	Leaders, Sessions, Projects, Exchanges int
	Funnel                                 []Bar // leaders at each stage or later
	LeadersByStage                         []Bar
	ProjectsByStatus                       []Bar
	Funding                                []FundingTotal
	Beneficiaries                          int
	TrainingHours                          float64
}

// Bar is one labelled value of a chart; Share is Value over the chart's
// largest value (0..1), for drawing.
type Bar struct {
	Key   string
	Label string
	Value float64
	Share float64
	URL   string
}

// FundingTotal is requested and awarded funding in one currency.
type FundingTotal struct {
	Currency  string
	Projects  int
	Requested Amount
	Awarded   Amount
}

// Filter is a generated list page of a program index: leaders by stage,
// community or skill; projects by scheme, status or community.
type Filter struct {
	Dimension string // "stage", "community", "scheme", "status"
	Key       string
	Label     string
	URL       string
	Count     int
}
