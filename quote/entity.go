package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entKind says what an entity is.
type entKind uint8

const (
	entPerson  entKind = iota + 1
	entOrg             // an organisation, a newspaper, a government by its capital
	entAnon            // an unnamed person described by a role ("a senior EU diplomat")
	entGroup           // unnamed people ("two officials briefed on the talks")
	entUnknown         // a lone capitalised name that may be a person or an organisation
)

// entity is a person, organisation or described speaker of the article.
type entity struct {
	name     string // canonical name, as the Quote.Speaker
	words    []string
	kind     entKind
	gender   byte // 'm', 'f' or 0
	roles    []role
	mentions []int    // byte offsets, increasing
	types    []string // what an organisation is ("party" for "the Civic Voice party")
}

// addType records that organisation e is a t ("party", "movement").
func (e *entity) addType(t string) {
	if !slices.Contains(e.types, t) {
		e.types = append(e.types, t)
	}
}

func (e *entity) isPerson() bool {
	return e != nil && (e.kind == entPerson || e.kind == entAnon || e.kind == entUnknown)
}

// role is a title or description tied to an entity ("defence secretary",
// "Russian president", "source at the Élysée").
type role struct {
	nat  string // nationality key, "" when none
	head string // lower case
	mods []string
}

// np is a parsed noun phrase.
type np struct {
	i, j       int // token range
	pron       string
	det        string
	nat        string
	honor      string
	gender     byte
	head       string   // role head, lower case
	mods       []string // lower-case modifiers of the role
	name       []string // the name's words as written, possessive stripped
	roleFirst  bool     // a title precedes the name ("President Trump")
	nameMod    bool     // the name modifies a role ("the Élysée source")
	orgHead    string   // a lower-case organisation head ("ministry")
	owner      string   // "Macron's office": Macron
	of         []string // what follows "of"/"for"/"at"/"in" in a role
	indefinite bool
	plural     bool
	poss       bool   // the phrase ends in a possessive: it modifies a noun
	docNoun    string // "the statement": a document that speaks for its issuer
}

func (n np) isRole() bool { return n.head != "" && (len(n.name) == 0 || n.nameMod) }

// isCapWord reports whether s starts with a capital, counting Arabic and
// Dutch particles glued by a hyphen ("al-Hayya", "bin-Salman").
func isCapWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		return !hyphenAdjective(s)
	}
	if i := strings.IndexByte(s, '-'); i > 0 && i < 4 && i+1 < len(s) {
		switch strings.ToLower(s[:i]) {
		case "al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "bin", "ibn", "abu", "ul", "ud":
			r2, _ := utf8.DecodeRuneInString(s[i+1:])
			return unicode.IsUpper(r2)
		}
	}
	return false
}

// hyphenAdjective reports whether a capitalised word is an adjective built
// on a name ("Rotterdam-based", "Kremlin-backed", "Oil-rich", "US-led"),
// which names nobody; given names such as "Ing-wen" keep their capital.
func hyphenAdjective(s string) bool {
	i, last := strings.LastIndexByte(s, '-'), ""
	if i > 0 {
		last = s[i+1:]
	}
	if j := strings.LastIndex(s, "‑"); j > 0 && j > i {
		last = s[j+len("‑"):] // a non-breaking hyphen
	}
	if last == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(last)
	if !unicode.IsLower(r) {
		return false
	}
	last = strings.ToLower(last)
	return len(last) >= 3 && (strings.HasSuffix(last, "ed") || strings.HasSuffix(last, "ing")) || hyphenHeads[last]
}

// isHyphenAdj reports whether t is a word like "Rotterdam-based" or
// "York-based": a name turned adjective by a hyphenated ending.
func isHyphenAdj(t token) bool {
	return t.word && unicode.IsUpper(firstRune(t.s)) && hyphenAdjective(t.s)
}

// modifiersToHead returns the index of a lower-case role or organisation
// head reached from toks[x] over at most three modifiers the lexicon lacks
// ("grain futures trader"), or -1.
func modifiersToHead(toks []token, x, hi int) int {
	for y := x; y < hi && y-x <= 3; y++ {
		t := toks[y]
		if !t.word || functionWords[t.lower()] || isSpeechWord(t) || t.isCap() {
			return -1
		}
		if lw := t.lower(); y > x && (isRoleHead(lw) || orgNouns[lw]) {
			return y
		}
	}
	return -1
}

// hyphenHeads end adjectives and compounds built on a name.
var hyphenHeads = set(`born, run, held, made, built, wide, free, style, era, risk, type, like, class,
	level, scale, friendly, bound, proof, led, backed, based, owned, linked, era, speaking`)

func isRoleHead(w string) bool {
	if titleWords[w] || personNouns[w] || demonyms[w] {
		return true
	}
	// "secretary-general", "director-general", "editor-in-chief"
	if strings.Contains(w, "-") {
		parts := strings.Split(w, "-")
		ok := titleWords[parts[0]] || titleWords[parts[len(parts)-1]]
		for _, p := range parts {
			if !titleWords[p] && !titlePartWords[p] && p != "in" && p != "of" && p != "elect" {
				ok = false
			}
		}
		return ok
	}
	return false
}

// isAgeWord reports whether w is an age or similar descriptor that may
// stand inside a noun phrase ("54-year-old").
func isAgeWord(w string) bool {
	return strings.HasSuffix(w, "-year-old") || strings.HasSuffix(w, "-year-old's")
}

// npWord reports whether token t may stand inside a noun phrase that names a
// speaker.
func npWord(t token) bool {
	if !t.word {
		return t.s == "."
	}
	if t.isCap() {
		return true
	}
	lw := t.lower()
	if isAgeWord(lw) {
		return true
	}
	b, _ := t.base()
	lb := strings.ToLower(b)
	return isRoleHead(lw) || isRoleHead(lb) || roleModifiers[lw] || nationalities[lb] != "" ||
		partyWords[lw] || isHonorific(lw) || isTitlePart(lw) || orgNouns[lw] || orgNouns[lb] ||
		strings.HasSuffix(lw, "s") && orgNouns[strings.TrimSuffix(lw, "s")]
}

var titlePartWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, t := range multiTitles {
		for _, w := range strings.Fields(strings.ReplaceAll(t, "-", " ")) {
			m[w] = true
		}
	}
	return m
}()

func isTitlePart(w string) bool {
	return titlePartWords[w] && w != "of" && w != "the" && w != "and" && w != "in" && w != "for"
}

func isHonorific(w string) bool {
	_, ok := honorifics[strings.TrimSuffix(w, ".")]
	return ok
}

// parseNP parses toks[i:j] as a noun phrase.
func parseNP(toks []token, i, j int) np {
	n := np{i: i, j: j}
	if j-i == 1 && toks[i].word {
		lw := toks[i].lower()
		switch lw {
		case "he", "she", "they", "it", "we", "i", "you":
			n.pron = lw
			return n
		case "his", "him":
			n.pron = "he"
			return n
		case "them":
			n.pron = "they"
			return n
		case "her":
			n.pron = "she"
			return n
		case "its":
			n.pron = "it"
			return n
		case "their":
			n.pron = "they"
			return n
		}
	}
	if j-i == 2 && isDocPhrase(toks, i) {
		n.det, n.docNoun = toks[i].lower(), toks[i+1].lower()
		return n
	}
	var titles, capTitles []string
	personHead := ""
	inName, afterName, inOf := false, false, false
	for k := i; k < j; k++ {
		t := toks[k]
		if !t.word {
			continue
		}
		lw := t.lower()
		b, poss := t.base()
		lb := strings.ToLower(b)
		if isAgeWord(lw) {
			continue
		}
		if inOf {
			if !determiners[lw] {
				n.of = append(n.of, b)
			}
			continue
		}
		if (lw == "of" || lw == "for" || lw == "at" || lw == "in" || lw == "from") && k > i {
			if lw == "of" && k+1 < j && toks[k+1].isCap() && len(n.name) == 0 && isTitleSequence(titles) {
				titles = append(titles, lw) // "Secretary of State Marco Rubio"
				if k+1 < j && isMultiTitlePrefix(strings.Join(titles, " ")+" "+toks[k+1].lower()) {
					titles = append(titles, toks[k+1].lower())
					k++
				}
				continue
			}
			if lw == "of" && k+1 < j && toks[k+1].word && (toks[k+1].lower() == "them" || toks[k+1].lower() == "those") {
				n.pron = "they" // "one of them"
				return n
			}
			if lw == "of" && k == i+1 && n.det == "one" && k+2 < j && (toks[k+1].lower() == "the" || toks[k+1].lower() == "these") {
				// "one of the officials" speaks for the officials named
				// before.
				g := parseNP(toks, k+1, j)
				if g.plural && g.head != "" {
					g.i, g.j = i, j
					return g
				}
			}
			inOf = true
			continue
		}
		if k == i && determiners[lw] {
			n.det = lw
			switch lw {
			case "a", "an", "one", "another", "some", "several":
				n.indefinite = true
			case "two", "three", "four", "five", "many":
				n.indefinite, n.plural = true, true
			}
			continue
		}
		if poss && k+1 < j {
			if key := nationalities[lb]; key != "" && !inName {
				n.nat = key
				continue
			}
			if len(n.name) > 0 && !inName {
				// fall through
			} else if len(n.name) == 1 {
				if key := nationalities[strings.ToLower(n.name[0])+" "+lb]; key != "" {
					n.nat, n.name, inName = key, nil, false // "Saudi Arabia's"
					continue
				}
			}
			if t.isCap() && toks[k+1].isCap() && !isRoleHead(toks[k+1].lower()) && !roleModifiers[toks[k+1].lower()] {
				// "People’s Daily": the possessive is part of the name.
				inName = true
				n.name = append(n.name, t.s)
				continue
			}
			n.owner = strings.TrimSpace(strings.Join(append(n.name, b), " "))
			n.name, titles, inName = nil, nil, false
			continue
		}
		if poss && k+1 == j {
			n.poss = true
		}
		if !inName && !afterName {
			if key := nationalities[lw]; key != "" && k+1 < j && !(t.isCap() && k+1 < j && toks[k+1].isCap() && nationalities[lw+" "+toks[k+1].lower()] == "" && !isRoleHead(toks[k+1].lower()) && !roleModifiers[toks[k+1].lower()] && !isTitlePart(toks[k+1].lower()) && !orgHeads[toks[k+1].lower()]) {
				n.nat = key
				continue
			}
			if k+2 < j {
				if key := nationalities[lw+" "+strings.ToLower(toks[k+1].s)]; key != "" {
					n.nat = key
					k++
					continue
				}
			}
			if g, ok := honorifics[strings.TrimSuffix(lw, ".")]; ok && k+1 < j && (toks[k+1].isCap() || toks[k+1].s == ".") {
				n.honor = strings.TrimSuffix(lw, ".")
				n.gender = g
				continue
			}
			if orgNouns[lw] && !t.isCap() && (k+1 == j || !isRoleHead(toks[k+1].lower()) && !orgNouns[toks[k+1].lower()] && !roleModifiers[toks[k+1].lower()]) {
				n.orgHead = lw // "Russia's foreign ministry"
				continue
			}
			if t.isCap() && k+1 == j && len(n.name) == 0 && !titleWords[lw] && !personNouns[lw] && !demonyms[lw] && !isHonorific(lw) && (orgHeads[lw] || roleModifiers[lw] || orgNouns[lw]) {
				n.name = append(n.name, b) // "the Treasury", "the Commission"
				continue
			}
			if (isRoleHead(lw) || roleModifiers[lw] || partyWords[lw] || isTitlePart(lw)) && !(t.isCap() && givenNames[lw]) && !(t.isCap() && k+1 < j && !toks[k+1].word && toks[k+1].s != ".") {
				if k+1 == j || !(t.isCap() && !titleWords[lw] && !roleModifiers[lw] && !partyWords[lw] && !isTitlePart(lw) && !demonyms[lw] && !personNouns[lw]) {
					titles = append(titles, lw)
					if t.isCap() && len(n.name) == 0 {
						capTitles = append(capTitles, b)
					}
					continue
				}
			}
			if orgNouns[lw] && !t.isCap() {
				n.orgHead = lw
				continue
			}
		}
		if isHyphenAdj(t) && len(titles) == 0 && !afterName && k+1 < j {
			// "a New York-based political scientist": the name qualifies
			// the role.
			n.mods = append(n.mods, lowerAll(n.name)...)
			n.mods = append(n.mods, lw)
			n.name, inName = nil, false
			continue
		}
		if (inName || len(n.name) == 0 && len(titles) == 0 && !afterName) && nameConnectors[lw] && !t.isCap() && k+1 < j && (toks[k+1].isCap() || nameConnectors[toks[k+1].lower()] && k+2 < j && toks[k+2].isCap()) {
			// "Ruben del Campo", and "del Campo" on its own
			inName = true
			n.name = append(n.name, t.s)
			continue
		}
		if t.isCap() && afterName && len(titles) > 0 && !titleWords[lw] {
			// "IAEA chief Rafael Grossi": the first name qualified the title.
			for _, w := range n.name {
				n.mods = append(n.mods, strings.ToLower(w))
			}
			n.name = []string{b}
			afterName, inName, n.roleFirst = false, true, true
			continue
		}
		if t.isCap() && inName && titleWords[lw] && !isHonorific(lw) && k+1 < j && toks[k+1].isCap() && !titleWords[toks[k+1].lower()] {
			// "Ontario Premier Doug Ford": a capitalised title between a
			// place and a name.
			afterName, inName = true, false
			titles = append(titles, lw)
			continue
		}
		if t.isCap() && !afterName {
			if len(titles) > 0 && !inName {
				n.roleFirst = true
			}
			inName = true
			n.name = append(n.name, b)
			continue
		}
		if inName && orgNouns[lw] && !isRoleHead(lw) && (k+1 == j || !isRoleHead(toks[k+1].lower()) && !roleModifiers[toks[k+1].lower()] && !orgNouns[toks[k+1].lower()]) {
			afterName, inName = true, false // "the Quebec government"
			n.orgHead = lw
			continue
		}
		if inName && (isRoleHead(lw) || roleModifiers[lw] || isTitlePart(lw)) {
			afterName, inName = true, false // "the Élysée source"
			titles = append(titles, lw)
			continue
		}
		if inName && orgNouns[lw] {
			afterName, inName = true, false // "the Kremlin administration"
			n.orgHead = lw
			continue
		}
		if afterName && (isRoleHead(lw) || roleModifiers[lw] || isTitlePart(lw)) {
			titles = append(titles, lw)
			continue
		}
		if !inName && !afterName && len(n.name) == 0 && (orgNouns[lw] || orgNouns[lb]) {
			n.orgHead = lb
			continue
		}
		if !t.isCap() && !functionWords[lw] && k+1 == j && len(n.name) == 0 && !afterName && n.indefinite && len(titles) == 0 && n.orgHead == "" {
			titles = append(titles, lw) // "one backbencher": a noun the lexicon lacks
			personHead = lw
			continue
		}
		if !t.isCap() && !functionWords[lw] && k+1 < j && len(n.name) == 0 && !afterName {
			// "the music critic", "a Rotterdam-based grain futures trader"
			if nx := toks[k+1].lower(); isRoleHead(nx) || orgNouns[nx] || roleModifiers[nx] || modifiersToHead(toks, k+1, j) > 0 {
				n.mods = append(n.mods, lw)
				continue
			}
		}
		break
	}
	if n.orgHead != "" && len(titles) > 0 && !isRoleHead(titles[len(titles)-1]) {
		// "foreign ministry": the modifiers belong to the organisation.
		n.mods = append(n.mods, titles...)
		titles = nil
	}
	if afterName && (len(titles) > 0 || n.orgHead != "") {
		n.nameMod = true
		for _, w := range n.name {
			n.mods = append(n.mods, strings.ToLower(w))
		}
	}
	if len(capTitles) > 0 && len(capTitles) == len(titles) && len(n.name) == 0 && n.orgHead == "" && n.honor == "" && (n.det == "" || n.det == "the") {
		if h, _ := splitTitles(append([]string{}, titles...), nil); h == "" {
			// "The Conservatives", "Labour": a party by its name.
			n.name = capTitles
			titles = nil
		}
	}
	if len(capTitles) > 0 && len(capTitles) == len(titles) && len(n.name) > 0 && !n.nameMod && n.roleFirst && n.honor == "" && n.nat == "" && n.det == "" {
		if h, _ := splitTitles(append([]string{}, titles...), nil); h == "" {
			// "Transport Focus", "Energy UK": capitalised words with no
			// title among them begin the name.
			n.name = append(capTitles, n.name...)
			titles, n.roleFirst = nil, false
		}
	}
	n.head, n.mods = splitTitles(titles, n.mods)
	if n.head == "" && personHead != "" {
		n.head = personHead
		n.mods = nil
		for _, t := range titles[:len(titles)-1] {
			n.mods = append(n.mods, t)
		}
	}
	if demonyms[n.head] && !titleWords[n.head] && !personNouns[n.head] && n.det == "" {
		n.head = "" // "Italian newspapers": an adjective, not "the Italian"
	}
	if n.head != "" && n.orgHead != "" && !n.nameMod && len(n.name) == 0 {
		// "ministry spokesman": the person heads the phrase.
		n.mods = append(n.mods, n.orgHead)
		n.orgHead = ""
	}
	if strings.HasSuffix(n.head, "s") && (pluralHeads[n.head] || personNouns[strings.TrimSuffix(n.head, "s")] || titleWords[strings.TrimSuffix(n.head, "s")]) || n.head == "people" || n.head == "families" {
		n.plural = true
	}
	return n
}

// isMultiTitlePrefix reports whether s ends a known multi-word title
// ("secretary of state").
func isMultiTitlePrefix(s string) bool {
	for _, mt := range multiTitles {
		if mt == s || strings.HasSuffix(s, " "+mt) || strings.HasPrefix(mt, s+" ") {
			return true
		}
	}
	return false
}

func isTitleSequence(titles []string) bool {
	if len(titles) == 0 {
		return false
	}
	last := titles[len(titles)-1]
	return last == "secretary" || last == "minister" || last == "ministry" || last == "head" || last == "chief"
}

// splitTitles finds the head of a title sequence: the longest known
// multi-word title at its end, else its last role word.
func splitTitles(titles, mods []string) (string, []string) {
	if len(titles) == 0 {
		return "", mods
	}
	for k, t := range titles {
		if full := titleAbbrevs[strings.TrimSuffix(t, ".")]; full != "" {
			titles[k] = full // "Gen." is "the general"
		}
	}
	joined := strings.Join(titles, " ")
	best := ""
	for _, mt := range multiTitles {
		if (joined == mt || strings.HasSuffix(joined, " "+mt)) && len(mt) > len(best) {
			best = mt
		}
	}
	if best == "" {
		for k := len(titles) - 1; k >= 0; k-- {
			if isRoleHead(titles[k]) {
				best = titles[k]
				rest := append([]string{}, titles[:k]...)
				rest = append(rest, titles[k+1:]...)
				return best, append(mods, rest...)
			}
		}
		return "", append(mods, titles...)
	}
	rest := strings.Fields(strings.TrimSuffix(joined, best))
	return best, append(mods, rest...)
}

// registry is the per-article list of entities.
type registry struct {
	ents    []*entity
	byLast  map[string][]*entity
	byFirst map[string][]*entity
	byName  map[string]*entity // lower-case canonical names and aliases

	surnameCache map[string]*entity // fullBySurname results; cleared when a person is added

	orgsByWords map[string]*entity // organisations of several words, by their words joined
	orgLens     []int              // the word counts present in orgsByWords, longest first
	roled       []*entity          // entities with roles, for lookupRole
}

func newRegistry() *registry {
	return &registry{
		byLast: map[string][]*entity{}, byFirst: map[string][]*entity{}, byName: map[string]*entity{},
		orgsByWords: map[string]*entity{}, surnameCache: map[string]*entity{},
	}
}

// addPerson registers a person by name, merging with one of the same name.
func (r *registry) addPerson(words []string) *entity {
	name := strings.Join(words, " ")
	k := strings.ToLower(name)
	if e := r.byName[k]; e != nil {
		if e.kind != entPerson {
			e.kind = entPerson
		}
		return e
	}
	lw := lowerAll(words)
	clear(r.surnameCache)
	e := &entity{name: name, words: lw, kind: entPerson}
	r.ents = append(r.ents, e)
	r.byName[k] = e
	last := lw[len(lw)-1]
	r.byLast[last] = append(r.byLast[last], e)
	if len(lw) > 1 {
		r.byFirst[lw[0]] = append(r.byFirst[lw[0]], e)
	}
	return e
}

// addOrg registers an organisation under its name as introduced.
func (r *registry) addOrg(name string) *entity {
	k := strings.ToLower(name)
	if e := r.byName[k]; e != nil {
		return e
	}
	e := &entity{name: name, words: strings.Fields(k), kind: entOrg}
	r.ents = append(r.ents, e)
	r.byName[k] = e
	if n := len(e.words); n >= 2 {
		wk := strings.Join(e.words, "\x00")
		if _, ok := r.orgsByWords[wk]; !ok {
			r.orgsByWords[wk] = e
		}
		if !slices.Contains(r.orgLens, n) {
			r.orgLens = append(r.orgLens, n)
			slices.SortFunc(r.orgLens, func(a, b int) int { return b - a })
		}
	}
	return e
}

// addAnon registers an unnamed speaker by its description.
func (r *registry) addAnon(name string, n np, plural bool) *entity {
	k := strings.ToLower(name)
	if e := r.byName[k]; e != nil {
		return e
	}
	kind := entAnon
	if plural {
		kind = entGroup
	}
	e := &entity{name: name, kind: kind, gender: genderOf(n)}
	mods := append(append([]string{}, n.mods...), lowerAll(n.of)...)
	e.roles = append(e.roles, role{nat: n.nat, head: n.head, mods: mods})
	r.ents = append(r.ents, e)
	r.roled = append(r.roled, e)
	r.byName[k] = e
	return e
}

func (r *registry) alias(name string, e *entity) {
	k := strings.ToLower(name)
	if _, ok := r.byName[k]; !ok {
		r.byName[k] = e
	}
}

// mergeSuffixNames folds a person registered under the tail of a longer
// name ("Von der Leyen") into that name ("Ursula von der Leyen").
func (r *registry) mergeSuffixNames() {
	var keep []*entity
	merged := false
	for _, a := range r.ents {
		var into *entity
		if a.kind == entPerson && len(a.words) > 0 {
			for _, b := range r.byLast[a.words[len(a.words)-1]] {
				if b != a && b.kind == entPerson && len(b.words) > len(a.words) && slices.Equal(b.words[len(b.words)-len(a.words):], a.words) {
					into = b
					break
				}
			}
		}
		if into == nil {
			keep = append(keep, a)
			continue
		}
		for _, m := range a.mentions {
			into.mention(m)
		}
		for _, ro := range a.roles {
			r.addRole(into, ro)
		}
		if into.gender == 0 {
			into.gender = a.gender
		}
		r.byName[strings.ToLower(a.name)] = into
		last := a.words[len(a.words)-1]
		r.byLast[last] = replaceEnt(r.byLast[last], a, into)
		if len(a.words) > 1 {
			r.byFirst[a.words[0]] = replaceEnt(r.byFirst[a.words[0]], a, into)
		}
		merged = true
	}
	if merged {
		clear(r.surnameCache)
		r.ents = keep
		var roled []*entity
		for _, e := range r.roled {
			if r.byName[strings.ToLower(e.name)] == e || e.kind != entPerson {
				roled = append(roled, e)
			}
		}
		r.roled = roled
	}
}

func replaceEnt(list []*entity, a, b *entity) []*entity {
	var out []*entity
	seen := false
	for _, e := range list {
		if e == a {
			e = b
		}
		if e == b {
			if seen {
				continue
			}
			seen = true
		}
		out = append(out, e)
	}
	return out
}

// lookup finds the entity a name refers to: the full name or an alias, a
// surname, a trailing part of a full name ("Von der Leyen"), or a given name
// ("Sir Keir", "Liam").
func (r *registry) lookup(words []string, honor string) *entity {
	if len(words) == 0 {
		return nil
	}
	lw := lowerAll(words)
	if e := r.byName[strings.Join(lw, " ")]; e != nil {
		if len(words) == 1 && e.kind == entPerson && len(e.words) == 1 {
			if full := r.fullBySurname(lw[0], honor); full != nil {
				return full
			}
		}
		return e
	}
	if len(lw) == 1 {
		if honor == "sir" || honor == "dame" || honor == "lady" || honor == "lord" {
			if es := r.byFirst[lw[0]]; len(es) > 0 {
				return es[0]
			}
		}
		if e := r.fullBySurname(lw[0], honor); e != nil {
			return e
		}
		if es := r.byLast[lw[0]]; len(es) > 0 {
			return es[0]
		}
		if es := r.byFirst[lw[0]]; len(es) == 1 && honor == "" {
			return es[0]
		}
		return nil
	}
	// A trailing part of a longer name, or first and last name around
	// middle names.
	var best *entity
	for _, e := range r.byLast[lw[len(lw)-1]] {
		if len(e.words) > len(lw) && strings.Join(e.words[len(e.words)-len(lw):], " ") == strings.Join(lw, " ") {
			best = e
			break
		}
		if len(e.words) > 1 && e.words[0] == lw[0] {
			best = e
			break
		}
	}
	return best
}

// fullBySurname returns the first-introduced multi-word person with the
// given surname whose gender does not contradict the honorific.
func (r *registry) fullBySurname(w, honor string) *entity {
	key := w + "\x00" + honor
	if e, ok := r.surnameCache[key]; ok {
		return e
	}
	e := r.fullBySurnameScan(w, honor)
	r.surnameCache[key] = e
	return e
}

func (r *registry) fullBySurnameScan(w, honor string) *entity {
	var best *entity
	g := honorifics[honor]
	for _, e := range r.byLast[w] {
		if len(e.words) < 2 || (g != 0 && e.gender != 0 && e.gender != g) {
			continue
		}
		if best == nil || firstMention(e) < firstMention(best) {
			best = e
		}
	}
	return best
}

func firstMention(e *entity) int {
	if len(e.mentions) == 0 {
		return 1 << 62
	}
	return e.mentions[0]
}

// lastMentionBefore returns the offset of e's last mention before pos, or -1.
func lastMentionBefore(e *entity, pos int) int {
	i := sort.SearchInts(e.mentions, pos)
	if i == 0 {
		return -1
	}
	return e.mentions[i-1]
}

func (e *entity) mention(pos int) {
	if n := len(e.mentions); n == 0 || e.mentions[n-1] < pos {
		e.mentions = append(e.mentions, pos)
		return
	}
	i := sort.SearchInts(e.mentions, pos)
	if i < len(e.mentions) && e.mentions[i] == pos {
		return
	}
	e.mentions = append(e.mentions, 0)
	copy(e.mentions[i+1:], e.mentions[i:])
	e.mentions[i] = pos
}

func (r *registry) addRole(e *entity, ro role) {
	if ro.head == "" {
		return
	}
	for _, x := range e.roles {
		if x.head == ro.head && x.nat == ro.nat {
			return
		}
	}
	if len(e.roles) == 0 {
		r.roled = append(r.roled, e)
	}
	e.roles = append(e.roles, ro)
}

// personLike reports whether a parsed name is a person's: it carries an
// honorific or a personal title, starts with a known given name, or is two
// to four capitalised words none of which names a place, an organisation or
// a date. sure is false for the last kind.
func personLike(n np) (person, sure bool) {
	if len(n.name) == 0 || n.nameMod {
		return false, false
	}
	if n.honor != "" {
		return true, true
	}
	for k, w := range n.name {
		lw := strings.ToLower(w)
		if k == 0 && len(n.name) > 1 && (givenNames[lw] || lw == "he") {
			continue // "Jordan Bardella", "He Lifeng"
		}
		if nonPersonWords[lw] || orgHeads[lw] || nationalities[lw] != "" || commonWords[lw] || partyWords[lw] || knownOrgs[lw] || titleWords[lw] {
			return false, false
		}
		if isAllCaps(w) && utf8.RuneCountInString(w) > 2 && !(k == 0 && len(n.name) > 1) {
			return false, false
		}
		if strings.ContainsAny(w, "0123456789") {
			return false, false
		}
	}
	if n.head != "" && n.roleFirst && !orgHeads[n.head] {
		return true, true
	}
	if len(n.name) >= 2 && len(n.name) <= 4 {
		if givenNames[strings.ToLower(n.name[0])] {
			return true, true
		}
		return true, false
	}
	return false, false
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// genderOf guesses gender from an honorific, a given name or a role noun.
func genderOf(n np) byte {
	if n.gender != 0 {
		return n.gender
	}
	if len(n.name) >= 1 {
		lw := strings.ToLower(n.name[0])
		if femaleNames[lw] {
			return 'f'
		}
		if givenNames[lw] {
			return 'm'
		}
	}
	if g, ok := nounGender[n.head]; ok {
		return g
	}
	return 0
}

// nameRun is a token range.
type nameRun struct{ i, j int }

// capRuns finds runs of capitalised words in toks[lo:hi], allowing name
// particles, abbreviation dots and the small words inside organisation names
// ("Office for Budget Responsibility", "Competition and Markets Authority"),
// each run extended back over the lower-case titles and nationality words
// that qualify it ("Defence secretary John Healey").
func capRuns(toks []token, lo, hi int) []nameRun {
	var runs []nameRun
	for k := lo; k < hi; k++ {
		if !toks[k].isCap() {
			continue
		}
		i, j := k, k+1
		for j < hi {
			t := toks[j]
			if t.nl {
				break
			}
			if t.isCap() {
				if _, poss := toks[j-1].base(); poss && toks[j-1].word && !(toks[j-1].isCap() && !isRoleHead(t.lower())) {
					break
				}
				j++
				continue
			}
			if t.s == "." && isAbbrevTitle(toks[j-1].lower()) {
				j++
				continue
			}
			lw := t.lower()
			if t.word && j+1 < hi && toks[j+1].isCap() && !toks[j+1].nl && !timeWords[toks[j+1].lower()] {
				if nameConnectors[lw] || lw == "of" || lw == "for" || lw == "and" || lw == "on" {
					j++
					continue
				}
			}
			if t.word && nameConnectors[lw] && j+2 < hi && nameConnectors[toks[j+1].lower()] && toks[j+2].isCap() {
				j += 2 // "von der Leyen"
				continue
			}
			if t.word && j+1 < hi && toks[j+1].isCap() && !toks[j+1].nl {
				if (lw == "of" || lw == "for" || lw == "and" || lw == "on") && j+2 < hi && toks[j+1].lower() == "the" && toks[j+2].isCap() {
					j += 2
					continue
				}
				if titleWords[lw] || isTitlePart(lw) {
					j++ // "Defence secretary John Healey"
					continue
				}
			}
			if t.word && (lw == "of" || lw == "for" || lw == "and" || lw == "on") && j+2 < hi && toks[j+1].lower() == "the" && toks[j+2].isCap() {
				j += 2
				continue
			}
			break
		}
		// Connectors never end a run.
		for j > i+1 && !toks[j-1].isCap() && toks[j-1].s != "." {
			j--
		}
		for i > lo {
			t := toks[i-1]
			if !t.word || toks[i].nl {
				break
			}
			lw := t.lower()
			b, _ := t.base()
			if titleWords[lw] || roleModifiers[lw] || partyWords[lw] || isTitlePart(lw) || nationalities[strings.ToLower(b)] != "" {
				i--
				continue
			}
			break
		}
		runs = append(runs, nameRun{i, j})
		k = j - 1
	}
	return runs
}

// isOrgRun reports whether toks[i:j] names an organisation.
func isOrgRun(toks []token, i, j int) bool {
	var words []string
	for k := i; k < j; k++ {
		if toks[k].word {
			words = append(words, strings.ToLower(baseOf(toks[k])))
		}
	}
	if len(words) == 0 {
		return false
	}
	if knownOrgs[strings.Join(words, " ")] {
		return true
	}
	if !toks[i].isCap() {
		return false
	}
	for k, w := range words {
		if !orgHeads[w] {
			continue
		}
		if k == 0 && len(words) > 1 {
			// "Federation of German Industries", not "Police Chief John Smith".
			if next := words[1]; next != "of" && next != "for" && next != "on" {
				continue
			}
		}
		if len(words) == 1 && !(i > 0 && toks[i-1].word && toks[i-1].lower() == "the") && !knownOrgs[w] {
			return false
		}
		return true
	}
	return false
}

// titleBeforeName returns the index of a title word inside toks[i:j] that
// is followed by a capitalised name, or -1.
func titleBeforeName(toks []token, i, j int) int {
	for k := i + 1; k+1 < j; k++ {
		lw := toks[k].lower()
		if (titleWords[lw] || isHonorific(lw)) && toks[k+1].isCap() && !titleWords[toks[k+1].lower()] {
			return k
		}
	}
	return -1
}

// orgName is the organisation's name as introduced: the run's text without
// a leading "the" or a trailing possessive.
func (d *doc) orgName(i, j int) string {
	for i < j && d.toks[i].word && (d.toks[i].lower() == "the") {
		i++
	}
	if i >= j {
		return ""
	}
	s := d.text[d.toks[i].start:d.toks[j-1].end]
	if b, poss := d.toks[j-1].base(); poss {
		s = d.text[d.toks[i].start:d.toks[j-1].start] + b
	}
	return s
}

// buildRegistry fills the registry from the whole article.
func (d *doc) buildRegistry() {
	r := d.reg
	d.indexWords()
	type cand struct {
		n    np
		pos  int
		sure bool
	}
	var cands []cand
	for si := range d.sents {
		lo, hi := d.sentToks[si][0], d.sentToks[si][1]
		lo = d.skipDateline(lo, hi)
		for _, run := range capRuns(d.toks, lo, hi) {
			i := run.i
			// A capitalised common word opening the sentence is not part of
			// the name ("However", "Following"), but "He Lifeng, ..." is.
			for i < run.j && i == lo && d.toks[i].isCap() && commonWords[d.toks[i].lower()] && !d.chineseSurname(i, run.j) {
				i++
			}
			if i >= run.j {
				continue
			}
			if t := titleBeforeName(d.toks, i, run.j); t > i && isOrgRun(d.toks, i, t) {
				// "Bank of England Governor Andrew Bailey": an organisation
				// qualifying a person's title.
				if name := d.orgName(i, t); name != "" {
					d.reg.addOrg(name).mention(d.toks[i].start)
				}
				i = t
			}
			if run.j < hi && orgTypeNouns[d.toks[run.j].lower()] && !d.toks[run.j].isCap() && r.byName[strings.ToLower(d.orgName(i, run.j))] == nil && !isOrgRun(d.toks, i, run.j) {
				// "whose Civic Voice party won": the name, as a party.
				if p := parseNP(d.toks, i, run.j); p.honor == "" && !hasTitleWord(d.toks, i, run.j) && (len(p.name) != 1 || !givenNames[strings.ToLower(p.name[0])]) {
					if name := d.orgName(i, run.j); name != "" && (len(p.name) == 0 || r.lookup(p.name, "") == nil) {
						e := r.addOrg(name)
						e.addType(d.toks[run.j].lower())
						e.mention(d.toks[i].start)
						continue
					}
				}
			}
			if i > lo && !d.toks[i-1].isCap() && (orgNouns[d.toks[i-1].lower()] || orgTypeNouns[d.toks[i-1].lower()]) && !isRoleHead(d.toks[i-1].lower()) && !hasTitleWord(d.toks, i, run.j) && r.byName[strings.ToLower(d.orgName(i, run.j))] == nil {
				// "the weather agency MeteoAlarm", "the peacekeeping force
				// UNIFIL": a name after what it is.
				if p := parseNP(d.toks, i, run.j); p.honor == "" && len(p.name) > 0 && !givenNames[strings.ToLower(p.name[0])] && r.lookup(p.name, "") == nil {
					if name := d.orgName(i, run.j); name != "" {
						e := r.addOrg(name)
						e.addType(d.toks[i-1].lower())
						e.mention(d.toks[i].start)
						continue
					}
				}
			}
			if isOrgRun(d.toks, i, run.j) {
				name := d.orgName(i, run.j)
				if name == "" {
					continue
				}
				e := r.addOrg(name)
				e.mention(d.toks[i].start)
				// "The Office for Budget Responsibility (OBR)"
				if run.j+2 < len(d.toks) && d.toks[run.j].s == "(" && d.toks[run.j+2].s == ")" && isAllCaps(d.toks[run.j+1].s) {
					r.alias(d.toks[run.j+1].s, e)
				}
				continue
			}
			for _, part := range d.splitCoordination(i, run.j) {
				n := parseNP(d.toks, part.i, part.j)
				if len(part.words) > 0 {
					n.name = part.words
				}
				if len(n.name) == 0 || len(n.name) > 4 {
					continue
				}
				person, sure := personLike(n)
				if part.sure || (person && d.chineseSurname(part.i, part.j)) {
					person, sure = true, true
				}
				if person {
					cands = append(cands, cand{n, d.toks[part.i].start, sure})
				} else if len(n.name) == 1 && knownOrgs[strings.ToLower(n.name[0])] {
					e := r.addOrg(n.name[0])
					e.mention(d.toks[part.i].start)
				}
			}
		}
	}
	// Full names first, so that surnames and honorifics attach to them.
	for _, c := range cands {
		if len(c.n.name) < 2 {
			continue
		}
		if !c.sure && !d.nearSpeech(c.n) && !d.surnameUsed(c.n.name[len(c.n.name)-1], false) {
			continue // two capitalised words that may be a place or a thing
		}
		e := r.addPerson(c.n.name)
		e.mention(c.pos)
		if g := genderOf(c.n); g != 0 && e.gender == 0 {
			e.gender = g
		}
		if c.n.head != "" && c.n.roleFirst {
			r.addRole(e, role{nat: c.n.nat, head: c.n.head, mods: c.n.mods})
		}
	}
	for _, c := range cands {
		if len(c.n.name) != 1 {
			continue
		}
		e := r.lookup(c.n.name, c.n.honor)
		if e == nil {
			if !c.sure {
				continue
			}
			e = r.addPerson(c.n.name)
		}
		if e.kind != entPerson {
			continue
		}
		if c.n.gender != 0 && e.gender != 0 && c.n.gender != e.gender {
			continue // "Mrs Vance" is not JD Vance
		}
		e.mention(c.pos)
		if c.n.gender != 0 && e.gender == 0 {
			e.gender = c.n.gender
		}
		if c.n.head != "" && c.n.roleFirst {
			r.addRole(e, role{nat: c.n.nat, head: c.n.head, mods: c.n.mods})
		}
	}
	r.mergeSuffixNames()
	// Bare surnames and given names count as mentions.
	for k, t := range d.toks {
		if !t.isCap() || (k+1 < len(d.toks) && d.toks[k+1].isCap() && !d.toks[k+1].nl) {
			continue
		}
		b, _ := t.base()
		lb := strings.ToLower(b)
		if len(r.byLast[lb]) > 0 || len(r.byFirst[lb]) == 1 {
			if e := r.lookup([]string{b}, ""); e != nil {
				e.mention(t.start)
			}
		}
	}
	d.findAppositions()
	d.findAliases()
}

// isDocPhrase reports whether toks[k:k+2] is a document standing for its
// issuer: "the statement", "its post".
func isDocPhrase(toks []token, k int) bool {
	if k < 0 || k+1 >= len(toks) || !toks[k].word || !toks[k+1].word || toks[k+1].isCap() {
		return false
	}
	switch toks[k].lower() {
	case "the", "this", "that", "its", "his", "her", "their":
		return docNouns[toks[k+1].lower()]
	}
	return false
}

// hasTitleWord reports whether toks[i:j] holds a title ("President").
func hasTitleWord(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if titleWords[toks[k].lower()] {
			return true
		}
	}
	return false
}

// chineseSurname reports whether a sentence-opening "He" or "She" is a
// surname: "He Lifeng, the Chinese vice premier, ...".
func (d *doc) chineseSurname(i, j int) bool {
	lw := d.toks[i].lower()
	if lw != "he" || j != i+2 {
		return false
	}
	return j < len(d.toks) && d.toks[j].s == ","
}

// coordPart is one conjunct of a coordinated name run.
type coordPart struct {
	i, j  int
	words []string // the name when it is built from shared parts
	sure  bool     // the coordination shows the parts are people
}

// splitCoordination splits "Liam and Noel Gallagher" into Liam Gallagher and
// Noel Gallagher, and "Starmer and Macron" into two runs. Organisation names
// never reach here.
func (d *doc) splitCoordination(i, j int) []coordPart {
	var parts []coordPart
	start := i
	for k := i; k < j; k++ {
		if d.toks[k].word && !d.toks[k].isCap() && (d.toks[k].lower() == "and" || d.toks[k].lower() == "for" || d.toks[k].lower() == "on") {
			parts = append(parts, coordPart{i: start, j: k})
			start = k + 1
		}
	}
	parts = append(parts, coordPart{i: start, j: j})
	if len(parts) == 2 && parts[0].j-parts[0].i == 1 && parts[1].j-parts[1].i >= 2 {
		a := d.toks[parts[0].i]
		b := d.toks[parts[1].i]
		if givenNames[a.lower()] && !givenNames[d.toks[parts[1].j-1].lower()] && b.isCap() {
			var rest []string
			for k := parts[1].i + 1; k < parts[1].j; k++ {
				rest = append(rest, baseOf(d.toks[k]))
			}
			parts[0].words = append([]string{a.s}, rest...)
			parts[0].sure, parts[1].sure = true, true
		}
	}
	return parts
}

// indexWords records, for every capitalised word, whether it stands alone
// (not after another capitalised word other than a title) somewhere, and
// whether it stands next to a speech verb somewhere.
func (d *doc) indexWords() {
	d.aloneCount = map[string]int{}
	d.nearVerb = map[string]bool{}
	for k, t := range d.toks {
		if !t.isCap() {
			continue
		}
		lb := strings.ToLower(baseOf(t))
		alone := true
		if k > 0 && d.toks[k-1].isCap() && !t.nl {
			pb := strings.ToLower(baseOf(d.toks[k-1]))
			alone = isHonorific(pb) || titleWords[pb]
		}
		if alone {
			d.aloneCount[lb]++
		}
		for _, o := range []int{1, 2, -1} {
			if o == 2 && k+1 < len(d.toks) && (orgNouns[d.toks[k+1].lower()] || isRoleHead(d.toks[k+1].lower())) {
				continue // "the Quebec government said": the government speaks
			}
			if k+o >= 0 && k+o < len(d.toks) && d.toks[k+o].word {
				if l, ok := speechVerbs[d.toks[k+o].lower()]; ok && !weakSpeechLemmas[l] {
					d.nearVerb[lb] = true
				}
			}
		}
	}
}

// surnameUsed reports whether w appears alone, capitalised, other than as
// the name's own mention.
func (d *doc) surnameUsed(w string, ownAlone bool) bool {
	n := d.aloneCount[strings.ToLower(w)]
	if ownAlone {
		n--
	}
	return n > 0
}

// nearSpeech reports whether the name's last word directly precedes or
// follows a speech verb somewhere in the article.
func (d *doc) nearSpeech(n np) bool {
	return d.nearVerb[strings.ToLower(n.name[len(n.name)-1])]
}

// findAppositions ties roles to names written side by side: "His defence
// secretary, Pete Hegseth," and "Admiral Sir Tony Radakin, the head of the UK
// armed forces,".
func (d *doc) findAppositions() {
	toks := d.toks
	for si := range d.sents {
		lo, hi := d.sentToks[si][0], d.sentToks[si][1]
		for k := lo; k < hi; k++ {
			if toks[k].s != "," {
				continue
			}
			b := backNP(toks, lo, k-1)
			if b.j <= b.i {
				continue
			}
			left := parseNP(toks, b.i, b.j)
			f := forwardNP(toks, k+1, hi)
			if f.j <= f.i {
				continue
			}
			right := parseNP(toks, f.i, f.j)
			// NAME, the largest party of ...,
			if len(left.name) > 0 && !left.isRole() && right.orgHead != "" && len(right.name) == 0 && right.owner == "" && (right.det == "the" || right.det == "a" || right.det == "an") && orgTypeNouns[right.orgHead] {
				if e := d.orgOfRun(b); e != nil {
					e.addType(right.orgHead)
				} else if d.reg.lookup(left.name, left.honor) == nil && left.honor == "" && !hasTitleWord(toks, b.i, b.j) {
					if name := d.orgName(b.i, b.j); name != "" {
						e := d.reg.addOrg(name)
						e.addType(right.orgHead)
						e.mention(toks[b.i].start)
					}
				}
			}
			after := "" // what follows the right-hand phrase in its sentence
			if f.j < hi {
				after = toks[f.j].lower()
			}
			if !(f.j >= hi || after == "," || after == "." || after == ")" || after == "who") {
				continue
			}
			// NAME, the ROLE,
			if len(left.name) > 0 && !left.isRole() && right.isRole() && !right.indefinite && (len(right.name) == 0 || after == "who") {
				e := d.reg.lookup(left.name, left.honor)
				if person, _ := personLike(left); e == nil && person && len(left.name) >= 2 && !isOrgRun(toks, b.i, b.j) && !orgHeads[right.head] && (personNouns[right.head] || titleWords[right.head]) {
					// "Feargal Sharkey, the former Undertones singer who":
					// the role says the name is a person's.
					e = d.reg.addPerson(left.name)
					e.mention(toks[b.i].start)
				}
				if e != nil && e.kind == entPerson {
					d.reg.addRole(e, role{nat: right.nat, head: right.head, mods: append(right.mods, lowerAll(right.of)...)})
				}
			}
			// the ROLE, NAME,
			if left.isRole() && len(left.name) == 0 && !left.indefinite && len(right.name) > 0 && !right.isRole() && right.head == "" {
				e := d.reg.lookup(right.name, right.honor)
				if person, _ := personLike(right); e == nil && person && len(right.name) >= 2 && !isOrgRun(toks, f.i, f.j) && !orgHeads[left.head] && (personNouns[left.head] || titleWords[left.head]) && (after == "," || f.j >= hi) {
					// "The head of the World Food Programme, Cindy McCain,"
					e = d.reg.addPerson(right.name)
					e.mention(toks[f.i].start)
				}
				if e != nil && e.kind == entPerson {
					d.reg.addRole(e, role{nat: left.nat, head: left.head, mods: append(left.mods, lowerAll(left.of)...)})
				}
			}
		}
	}
}

// findAliases registers names a person takes ("choosing the name Leo XIV").
func (d *doc) findAliases() {
	toks := d.toks
	for k := 0; k+3 < len(toks); k++ {
		w := toks[k].lower()
		if w != "choosing" && w != "chose" && w != "taking" && w != "took" && w != "adopting" && w != "adopted" {
			continue
		}
		if toks[k+1].lower() != "the" || toks[k+2].lower() != "name" || !toks[k+3].isCap() {
			continue
		}
		s := d.tokSent[k]
		if s < 0 {
			continue
		}
		r, ok := d.firstSubjectNP(d.sentToks[s][0], k)
		if !ok {
			continue
		}
		n := parseNP(toks, r.i, r.j)
		e := d.reg.lookup(n.name, n.honor)
		if e == nil {
			continue
		}
		j := k + 3
		for j < len(toks) && toks[j].isCap() {
			j++
		}
		d.reg.alias(d.text[toks[k+3].start:toks[j-1].end], e)
		d.reg.alias(toks[k+3].s, e)
		d.reg.byLast[toks[k+3].lower()] = append(d.reg.byLast[toks[k+3].lower()], e)
	}
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

func baseOf(t token) string { b, _ := t.base(); return b }

// lookupRole finds the entity the article tied a role to. Among several,
// the one mentioned last before pos wins.
func (r *registry) lookupRole(q np, pos int) *entity {
	if q.head == "" {
		return nil
	}
	score := map[*entity]int{}
	top := 0
	for _, e := range r.roled {
		if e.kind == entOrg || (e.kind == entGroup) != q.plural {
			continue
		}
		if len(e.mentions) > 0 && e.mentions[0] > pos {
			continue
		}
		best := 0
		for _, ro := range e.roles {
			if s := roleMatch(ro, q); s > best {
				best = s
			}
		}
		if best > 0 {
			score[e] = best
			top = max(top, best)
		}
	}
	var best *entity
	bestPos := -2
	n := 0
	for e, s := range score {
		if s != top {
			continue
		}
		n++
		p := lastMentionBefore(e, pos)
		if p > bestPos || (p == bestPos && best != nil && e.name < best.name) {
			best, bestPos = e, p
		}
	}
	if n > 1 && bestPos < 0 {
		return nil
	}
	return best
}

// roleMatch scores how well a registered role answers a query; 0 is no match.
func roleMatch(ro role, q np) int {
	if ro.nat != "" && q.nat != "" && ro.nat != q.nat {
		return 0
	}
	if q.nat != "" && ro.nat == "" && len(ro.mods) > 0 {
		// "the French president" is not "the parliament president".
		return 0
	}
	s, needMod := 0, false
	switch {
	case ro.head == q.head:
		s = 4
	case strings.HasSuffix(ro.head, " "+q.head) && !strings.HasPrefix(ro.head, "vice") && !strings.HasPrefix(ro.head, "deputy"):
		s = 2
	case leaderHeads[q.head] && leaderHeads[ro.head] && (q.head == "leader" || ro.head == "leader"):
		s = 2
	case chiefHeads[q.head] && chiefHeads[ro.head]:
		// "the WFP chief" for "WFP head Cindy McCain", but only when the
		// organisation agrees.
		s, needMod = 1, true
	default:
		return 0
	}
	if ro.nat != "" && ro.nat == q.nat {
		s += 2
	}
	qmods := append(append([]string{}, q.mods...), lowerAll(q.of)...)
	matched := false
	for _, m := range qmods {
		if determiners[m] || functionWords[m] {
			continue
		}
		for _, rm := range ro.mods {
			if m == rm {
				s++
				matched = true
			}
		}
		// "the WFP chief" for "the head of the World Food Programme".
		if len(m) >= 2 && m == acronym(ro.mods) {
			s++
			matched = true
		}
	}
	if needMod && !matched {
		return 0
	}
	return s
}

// chiefHeads are interchangeable heads of an organisation.
var chiefHeads = set(`chief, head, boss, leader, director, chairman, chairwoman, chair`)

// acronym returns the initials of the capitalisable words of ws ("wfp" for
// "world food programme"), or "" for fewer than two.
func acronym(ws []string) string {
	var b strings.Builder
	n := 0
	for _, w := range ws {
		if functionWords[w] || determiners[w] || w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}
