package program

// Session is a workshop or group-session plan (content/curricula/...).
type Session struct {
	Page

	Stage Stage
	// Phase is the empower phase (initial, intermediate, advanced) or the
	// transmit format (thematic, mobile, study-visit); "" when not given.
	Phase Phase
	// DurationMinutes is the `duration` field in minutes ("1h30m" → 90); a
	// plain whole number is read as minutes. 0 when not given.
	DurationMinutes int
	Objectives      []string
	Materials       []string
	Activities      []Activity
	Attendees       []string // leader ids: evidence on their portfolios
	Facilitators    []string

	activityMinutes int
	attendeesAt     []int // see writtenAt
}

// Activity is one part of a session plan.
type Activity struct {
	Name    string
	Minutes int
	Method  string
}

// Base returns the page the session was decoded from.
func (s *Session) Base() Page { return s.Page }

// ItemKind returns KindSession.
func (s *Session) ItemKind() Kind { return KindSession }

func (s *Session) sealed() {}

// ActivityMinutes returns the minutes of all activities together.
func (s *Session) ActivityMinutes() int { return s.activityMinutes }

func decodeSession(page Page, f fields) *Session {
	s := &Session{
		Page:         page,
		Stage:        f.stage("stage"),
		Objectives:   f.strs("objectives"),
		Materials:    f.strs("materials"),
		Facilitators: f.strs("facilitators"),
	}
	s.Phase = checkPhase(f, s.Stage)
	s.DurationMinutes = durationField(f, "duration")

	activities := f.tables("activities")
	if len(activities) > 0 {
		s.Activities = make([]Activity, 0, len(activities)) // kept to the end of a build: no spare room
	}
	for _, a := range activities {
		act := Activity{Name: a.str("name"), Method: a.str("method")}
		act.Minutes, _ = a.count("minutes")
		s.activityMinutes += act.Minutes
		s.Activities = append(s.Activities, act)
	}
	if s.DurationMinutes > 0 && s.activityMinutes > s.DurationMinutes {
		f.r.failf("activities", "activities take %d minutes, past the duration of %d minutes", s.activityMinutes, s.DurationMinutes)
	}

	attendees := f.list("attendees")
	s.Attendees = elementValues(attendees)
	s.attendeesAt = writtenAt(attendees)
	return s
}

// checkPhase reads the phase and checks that it belongs to the stage.
func checkPhase(f fields, s Stage) Phase {
	raw := f.str("phase")
	if raw == "" {
		return ""
	}
	p := Phase(raw)
	owner := p.Stage()
	switch {
	case s == "" && owner != "":
		f.r.failf("phase", "phase %q needs stage = %q", raw, owner)
	case s == "" || !s.Valid():
		f.r.failf("phase", "phase %q is not one of %s", raw, join(append(Empower.Phases(), Transmit.Phases()...)))
	case len(s.Phases()) == 0:
		f.r.failf("phase", "phase %q does not fit stage %s, which has steps, not phases", raw, s)
	case owner != s:
		f.r.failf("phase", "phase %q is not one of %s for stage %s", raw, join(s.Phases()), s)
	default:
		return p
	}
	return ""
}

// durationField reads a session length at k in minutes.
func durationField(f fields, k string) int {
	v, ok := f.value(k)
	if !ok {
		return 0
	}
	switch d := v.(type) {
	case string:
		if d == "" {
			return 0
		}
		m, err := ParseDuration(d)
		if err != nil {
			f.r.failf(k, "duration %q is not a length like \"90m\", \"1h30m\" or \"2h\"", d)
			return 0
		}
		return m
	case int64, int, float64:
		n, ok := f.count(k)
		if ok && n == 0 {
			f.r.failf(k, "duration must be more than 0 minutes")
		}
		return n
	}
	f.wrong(k, "a length like \"90m\"", v)
	return 0
}
