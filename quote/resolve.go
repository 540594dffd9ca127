package quote

import (
	"slices"
	"strings"
	"unicode"
)

// groupSpans numbers statements. A span joins its predecessor's group when
// it continues a multi-paragraph quote, or when the predecessor opened its
// sentence, was attributed right after it, and this span follows in the
// same paragraph without an attribution of its own: "We are ready," he
// said, "from day one."
func (d *doc) groupSpans() {
	d.group = make([]int, len(d.spans))
	g := 0
	for i := range d.spans {
		if i == 0 || !(d.spans[i].contPrev || d.isSplit(i-1, i)) {
			g++
		}
		d.group[i] = g
	}
}

// isSplit reports whether span b continues the statement of span a.
func (d *doc) isSplit(a, b int) bool {
	sa, sb := d.spans[a], d.spans[b]
	if sa.close < 0 || d.inFrontMatter(sa.open) {
		return false
	}
	oa, ca, ob := d.spanTok[a][0], d.spanTok[a][1], d.spanTok[b][0]
	if ca < 0 || ob <= ca+1 {
		return false
	}
	s0 := d.tokSent[oa]
	sA, sB := d.sentAt(sa.close), d.sentAt(sb.open)
	if s0 < 0 || d.sents[sA].para != d.sents[sB].para {
		return false
	}
	// a opens its sentence (or its paragraph, after a colon).
	if d.hasWordsBefore(d.sLo(s0, oa), oa) {
		return false
	}
	attrSent := -1
	if lo, hi := d.postRange(a); lo < hi {
		if _, ok := d.attrRange(lo, hi); ok {
			attrSent = sA
		}
	}
	if attrSent < 0 {
		if _, ok, s := d.nextSentence(a); ok {
			attrSent = s
		}
	}
	if attrSent < 0 || sB > attrSent+1 {
		return false
	}
	if sB > attrSent && d.hasWordsBefore(d.sLo(sB, ob), ob) {
		return false
	}
	if sB == attrSent && sB != sA {
		return false
	}
	if sB == sA {
		// The continuation follows punctuation or the verb: "he said, “…”",
		// "he said, before threatening: “…”"; not "launching into 'Hello'".
		p := d.toks[ob-1]
		if p.word && !isSpeechWord(p) {
			return false
		}
	}
	// b must not have an attribution of its own.
	if lo, hi := d.postRange(b); lo < hi {
		if _, ok := d.attrRange(lo, hi); ok {
			return false
		}
	}
	return true
}

// attribute assigns a speaker to every group, in document order so that
// pronouns resolve to speakers already seen.
func (d *doc) attribute() {
	d.speaker = make([]string, len(d.spans))
	d.ent = make([]*entity, len(d.spans))
	d.trace = make([]string, len(d.spans))
	var groups [][]int
	for i := range d.spans {
		if i == 0 || d.group[i] != d.group[i-1] {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], i)
	}
	found := make([]bool, len(groups))
	prev := -1
	for gi, g := range groups {
		d.how, d.step, d.attrPos = "", "", -1
		name, e, ok := d.attributeGroup(g)
		found[gi] = ok
		if !ok && prev >= 0 {
			d.how = "inherit"
			name, e = d.inherit(groups[prev], g, d.speaker[groups[prev][0]], d.ent[groups[prev][0]])
		}
		for _, i := range g {
			d.speaker[i] = name
			d.ent[i] = e
			d.trace[i] = d.how + " " + d.step
		}
		if e != nil {
			d.lastSpeaker = e
			d.lastSpeakerSent = d.sentAt(d.spans[g[len(g)-1]].outerEnd() - 1)
			d.lastSpeakerPos = d.spans[g[0]].open
			if d.attrPos > d.lastSpeakerPos {
				d.lastSpeakerPos = d.attrPos
			}
		}
		prev = gi
	}
	// A quote with no attribution that repeats an attributed one, as a
	// headline repeats the body, has its speaker. Exact repeats count
	// anywhere; a headline may also shorten the body's words.
	norm := make([]string, len(d.spans))
	said := map[string]string{}
	for i, sp := range d.spans {
		norm[i] = normQuote(d.text[sp.begin:sp.end])
	}
	// The body's attributions first: a headline repeats them.
	for _, body := range []bool{true, false} {
		for i, sp := range d.spans {
			if _, ok := said[norm[i]]; !ok && d.speaker[i] != "" && (d.sents[d.sentAt(sp.open)].para > 0) == body {
				said[norm[i]] = d.speaker[i]
			}
		}
	}
	for gi, g := range groups {
		if e := d.ent[g[0]]; d.sents[d.sentAt(d.spans[g[0]].open)].para == 0 && e != nil && e.kind != entPerson && e.kind != entOrg {
			// A headline's "Minister's ally says ..." is whoever the body
			// quotes saying the same words.
			if name := said[norm[g[0]]]; name != "" && name != d.speaker[g[0]] {
				for _, k := range g {
					d.speaker[k] = name
				}
			}
			continue
		}
		if found[gi] || d.speaker[g[0]] != "" {
			continue
		}
		name := said[norm[g[0]]]
		if name == "" && d.sents[d.sentAt(d.spans[g[0]].open)].para <= 2 {
			for i := range d.spans[:min(len(d.spans), 200)] {
				if d.group[i] != d.group[g[0]] && d.speaker[i] != "" && sameWords(norm[i], norm[g[0]]) {
					name = d.speaker[i]
					break
				}
			}
		}
		for _, k := range g {
			d.speaker[k] = name
		}
	}
}

// sameWords reports whether two quotes say the same thing: equal, or one
// of at least three words contained in the other ("We will not be
// bullied" and "will not be bullied").
func sameWords(a, b string) bool {
	if a == b {
		return true
	}
	words := func(s string) string {
		return " " + strings.Join(strings.FieldsFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
		}), " ") + " "
	}
	short, long := words(a), words(b)
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(strings.Fields(short)) >= 3 && strings.Contains(long, short)
}

func normQuote(s string) string {
	return strings.ToLower(strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }))
}

// inFrontMatter reports whether pos lies in the article's metadata header.
func (d *doc) inFrontMatter(pos int) bool { return pos < d.frontMatter }

// attributeGroup finds the speaker of one statement. found reports whether
// the text settles it, to somebody or (for scare quotes, titles and
// unresolved pronouns) to nobody.
func (d *doc) attributeGroup(g []int) (string, *entity, bool) {
	first, last := g[0], g[len(g)-1]
	if d.inFrontMatter(d.spans[first].open) {
		return "", nil, true
	}
	o := d.spanTok[first][0]
	si := d.tokSent[o]
	if si < 0 {
		si = d.sentAt(d.spans[first].open)
	}
	lo := d.sLo(si, o)
	res := func(r nameRun, s int) (string, *entity, bool) {
		name, e := d.resolveRun(r, s)
		d.step = d.text[d.toks[r.i].start:d.toks[r.j-1].end]
		d.attrPos = d.toks[r.i].start
		return name, e, true
	}
	if d.introducedAsTerm(first) {
		d.how = "term"
		return "", nil, true
	}
	if len(g) == 1 && d.titleInSentence(first) {
		d.how = "nospeaker"
		return "", nil, true
	}
	plo, phi := d.postRange(first)
	// Right after the first part: "“...,” he said".
	d.how = "post"
	if plo < phi {
		if r, ok := d.attrRange(plo, phi); ok {
			return res(r, d.sentAt(d.spans[first].close))
		}
	}
	// Between later parts of a split quote.
	d.how = "between"
	for k := 1; k+1 < len(g); k++ {
		if d.spans[g[k+1]].contPrev {
			continue
		}
		if a, b := d.postRange(g[k]); a < b {
			if r, ok := d.attrRange(a, b); ok {
				return res(r, d.sentAt(d.spans[g[k]].close))
			}
		}
	}
	if d.noSpeaker(first) {
		d.how = "nospeaker"
		return "", nil, true
	}
	// A clause ending the sentence: "..., the Élysée source said."
	d.how = "final"
	if plo < phi {
		if r, ok := d.finalClause(plo, phi); ok {
			return res(r, d.sentAt(d.spans[first].close))
		}
	}
	// Before the quote in its sentence.
	d.how = "pre"
	if lo < o {
		if r, ok := d.preAttribution(lo, o); ok {
			return res(r, si)
		}
	}
	// "according to X" anywhere after it.
	d.how = "according"
	if plo < phi {
		for x := plo; x+1 < phi; x++ {
			if d.toks[x].lower() == "according" && d.toks[x+1].lower() == "to" {
				if r, ok := d.npAfter(x+2, phi); ok {
					return res(r, si)
				}
			}
		}
	}
	// A colon introduction closing the previous sentence.
	d.how = "colon"
	if r, ok, s := d.colonIntro(o); ok {
		return res(r, s)
	}
	// After the last part of a multi-paragraph quote.
	d.how = "postlast"
	if last != first {
		if a, b := d.postRange(last); a < b {
			if r, ok := d.attrRange(a, b); ok {
				return res(r, d.sentAt(d.spans[last].close))
			}
			if r, ok := d.finalClause(a, b); ok {
				return res(r, d.sentAt(d.spans[last].close))
			}
		}
	}
	// The next sentence, after a question or exclamation: "“...?” Ihor
	d.how = "next"
	// wanted to know."
	if r, ok, s := d.nextSentence(first); ok {
		return res(r, s)
	}
	// A partial quote inside a reporter's sentence: the clause's subject,
	// unless a passive verb of saying makes it the target ("Reeves was
	// accused of 'betraying' pensioners").
	d.how = "subject"
	if lo < o && d.hasWordsBefore(lo, o) && !d.passiveSpeech(lo, o) {
		r, ok := d.clauseSubject(o, lo)
		if d.toks[o-1].s == ":" {
			// "Asked whether ..., he was unequivocal: 'No.'"
			r, ok = d.firstSubjectNP(lo, o-1)
		}
		if ok {
			if e := d.resolveKnown(r, si); e != nil {
				return e.name, e, true
			}
		}
		// "The guidelines, published by the health department, tell schools
		// to "...": the words are whoever issued them.
		if a, ok := d.issuedBy(lo, o); ok {
			return res(a, si)
		}
	}
	return "", nil, false
}

// issuedBy finds the agent of a participle clause set off after the noun
// phrase opening toks[lo:hi]: "The guidelines, published by the health
// department,".
func (d *doc) issuedBy(lo, hi int) (nameRun, bool) {
	toks := d.toks
	k := d.skipDateline(lo, hi)
	if k >= hi || !toks[k].word || !determiners[toks[k].lower()] {
		return nameRun{}, false
	}
	for x := k + 1; x+3 < hi && x-k <= 4; x++ {
		if !toks[x].word {
			if toks[x].s != "," || toks[x+2].lower() != "by" {
				return nameRun{}, false
			}
			switch toks[x+1].lower() {
			case "announced", "issued", "released", "published", "unveiled", "drafted", "circulated", "posted", "signed":
				return d.npAfter(x+3, hi)
			}
			return nameRun{}, false
		}
	}
	return nameRun{}, false
}

// inherit gives group g, which has no attribution of its own, the speaker
// of the statement before it when news convention says it goes on: a quote
// paragraph after a quote or after a sentence about its speaker, or a
// fragment in the sentence right after an attributed quote.
func (d *doc) inherit(prev, g []int, prevName string, prevEnt *entity) (string, *entity) {
	sp := d.spans[g[0]]
	o := d.spanTok[g[0]][0]
	si := d.tokSent[o]
	if si < 0 {
		return "", nil
	}
	ps := d.sentAt(d.spans[prev[len(prev)-1]].outerEnd() - 1)
	opens := !d.hasWordsBefore(d.sLo(si, o), o)
	if !opens {
		if prevName != "" && (ps == si || ps == si-1) && !d.hasSpeechVerb(d.sLo(si, o), o) {
			// Not when the sentence is about somebody else: "Luis Mendes,
			// who chairs the "future fund" committee, disagreed".
			if e := d.subject(si); e != nil && e != prevEnt && ps != si {
				return "", nil
			}
			return prevName, prevEnt
		}
		return "", nil
	}
	if prevName != "" && ps <= si && si-ps <= 3 {
		ok := true
		for s := ps + 1; s < si; s++ {
			if e := d.subject(s); e == nil || e != prevEnt {
				ok = false
			}
		}
		if ok {
			return prevName, prevEnt
		}
	}
	// A quote paragraph after a sentence about somebody.
	if si > 0 && d.sents[si].start == d.paraStart(sp.open) {
		if e := d.subject(si - 1); e != nil {
			return e.name, e
		}
	}
	return "", nil
}

// window bounds, in tokens, how far attribution looks from a quote inside
// its sentence, so that run-on text without sentence breaks stays linear.
const window = 60

// sLo returns the start of the search window before token k in sentence s.
func (d *doc) sLo(s, k int) int { return max(d.sentToks[s][0], k-window) }

// sHi returns the end of the search window after token k in sentence s.
func (d *doc) sHi(s, k int) int { return min(d.sentToks[s][1], k+window) }

// passiveSpeech reports whether toks[lo:hi] holds a passive verb of saying.
func (d *doc) passiveSpeech(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if _, ok := d.isSpeechAt(k); ok && d.inSpan[k] < 0 && d.isPassive(k, lo) {
			return true
		}
	}
	return false
}

// hasSpeechVerb reports whether toks[lo:hi] holds a verb of saying outside
// quotes.
func (d *doc) hasSpeechVerb(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if _, ok := d.isSpeechAt(k); ok && d.inSpan[k] < 0 && d.isVerbUse(k) {
			return true
		}
	}
	return false
}

// paraStart returns the start of the sentence that begins pos's paragraph.
func (d *doc) paraStart(pos int) int {
	s := d.sentAt(pos)
	for s > 0 && d.sents[s-1].para == d.sents[s].para {
		s--
	}
	return d.sents[s].start
}

func (d *doc) hasWordsBefore(lo, o int) bool {
	for k := lo; k < o; k++ {
		if d.toks[k].word && d.inSpan[k] < 0 {
			return true
		}
	}
	return false
}

// postRange returns the tokens after span i's closing mark up to the end of
// its sentence or the next quote.
func (d *doc) postRange(i int) (int, int) {
	c := d.spanTok[i][1]
	if c < 0 {
		return 0, 0
	}
	s := d.tokSent[c]
	if s < 0 {
		return 0, 0
	}
	hi := d.sHi(s, c)
	for k := c + 1; k < hi; k++ {
		if d.inSpan[k] >= 0 || (!d.toks[k].word && markFamily(firstRune(d.toks[k].s)) != famNone && d.isOpenMarkTok(k)) {
			hi = k
			break
		}
	}
	return c + 1, hi
}

// isOpenMarkTok reports whether token k is the opening mark of a span.
func (d *doc) isOpenMarkTok(k int) bool {
	return k+1 < len(d.inSpan) && d.inSpan[k+1] >= 0 && d.spanTok[d.inSpan[k+1]][0] == k
}

// colonIntro handles a quote opening a paragraph after a sentence that ends
// with a colon ("Speaking about the meeting, Mr Zelensky said:").
func (d *doc) colonIntro(o int) (nameRun, bool, int) {
	if o <= 0 || d.toks[o-1].s != ":" {
		return nameRun{}, false, 0
	}
	s := d.tokSent[o-1]
	if s < 0 {
		return nameRun{}, false, 0
	}
	lo := d.sLo(s, o-1)
	if r, ok := d.preAttribution(lo, o-1); ok {
		return r, true, s
	}
	if r, ok := d.firstSubjectNP(lo, o-1); ok {
		return r, true, s
	}
	return nameRun{}, false, 0
}

// nextSentence looks for "NAME said" opening the sentence after span i when
// the quote, a question or exclamation, ended its own sentence.
func (d *doc) nextSentence(i int) (nameRun, bool, int) {
	sp := d.spans[i]
	if sp.close < 0 {
		return nameRun{}, false, 0
	}
	inner := strings.TrimSpace(d.text[sp.begin:sp.end])
	if !strings.HasSuffix(inner, "?") && !strings.HasSuffix(inner, "!") {
		return nameRun{}, false, 0
	}
	c := d.spanTok[i][1]
	s := d.tokSent[c]
	if s < 0 || s+1 >= len(d.sents) || d.sents[s+1].para != d.sents[s].para {
		return nameRun{}, false, 0
	}
	for k := c + 1; k < d.sHi(s, c); k++ {
		if d.toks[k].word {
			return nameRun{}, false, 0
		}
	}
	lo := d.sentToks[s+1][0]
	hi := d.sHi(s+1, lo)
	if r, ok := d.speakerThenVerb(lo, hi); ok {
		return r, true, s + 1
	}
	return nameRun{}, false, 0
}

// resolveRun turns a speaker noun phrase into a canonical name.
func (d *doc) resolveRun(r nameRun, si int) (string, *entity) {
	if e := d.orgOfRun(r); e != nil {
		return e.name, e
	}
	n := parseNP(d.toks, r.i, r.j)
	pos := d.toks[r.i].start
	switch {
	case n.docNoun != "":
		if e := d.resolveDoc(n, r, si); e != nil {
			return e.name, e
		}
		return "", nil
	case n.pron != "":
		if e := d.resolvePronounAt(n.pron, si, r.i); e != nil {
			return e.name, e
		}
		return "", nil
	case len(n.name) > 0 && !n.nameMod:
		if e := d.reg.lookup(n.name, n.honor); e != nil {
			return e.name, e
		}
		if len(n.name) == 1 && n.head == "" && n.honor == "" && commonWords[strings.ToLower(n.name[0])] {
			return "", nil
		}
		var e *entity
		if person, sure := personLike(n); person && sure || len(n.name) == 1 && givenNames[strings.ToLower(n.name[0])] {
			e = d.reg.addPerson(n.name)
			if e.gender == 0 {
				e.gender = genderOf(n)
			}
		} else if person && !isOrgRun(d.toks, r.i, r.j) {
			// "Feargal Sharkey ... called": two capitalised words speaking
			// are a person or an organisation ("Thames Water").
			e = d.reg.addPerson(n.name)
			e.kind = entUnknown
		} else {
			e = d.reg.addOrg(strings.Join(n.name, " "))
			if lw := strings.ToLower(e.name); len(n.name) == 1 && e.kind == entOrg && len(e.mentions) == 0 &&
				!knownOrgs[lw] && nationalities[lw] == "" && !nonPersonWords[lw] && !orgHeads[lw] && !isAllCaps(e.name) {
				e.kind = entUnknown // "Alcaraz said": a person, most likely
			}
		}
		e.mention(pos)
		return e.name, e
	case n.head != "":
		if e := d.resolveRole(n, r, si); e != nil {
			return e.name, e
		}
	case n.orgHead != "":
		if e := d.resolveOrg(n, r, si); e != nil {
			return e.name, e
		}
	}
	return "", nil
}

// resolveDoc resolves a document standing for its issuer ("the statement
// said") to whoever the passage says issued it: the speaker of a sentence
// shortly before that mentions such a document ("The EU said in a
// statement ...", "A statement from the ministry ..."), else to the owner
// ("its statement").
func (d *doc) resolveDoc(n np, r nameRun, si int) *entity {
	switch n.det {
	case "its", "his", "her", "their":
		p := map[string]string{"its": "it", "his": "he", "her": "she", "their": "they"}[n.det]
		return d.resolvePronoun(p, si, r.i, 0)
	}
	if si < 0 || si >= len(d.sents) || d.docDepth > 1 {
		return nil
	}
	d.docDepth++
	defer func() { d.docDepth-- }()
	for s := si; s >= 0 && s >= si-3; s-- {
		lo, hi := d.sentToks[s][0], d.sentToks[s][1]
		if s == si {
			hi = r.i
		}
		// Only the words near the end of the passage: run-on text stays
		// linear.
		lo = max(lo, hi-window)
		for k := lo; k < hi; k++ {
			if d.inSpan[k] >= 0 || !d.toks[k].word || strings.TrimSuffix(d.toks[k].lower(), "s") != n.docNoun {
				continue
			}
			// "a statement from the ministry", "a post by Trump"
			if k+2 < hi && (d.toks[k+1].lower() == "from" || d.toks[k+1].lower() == "by") {
				if rr, ok := d.npAfter(k+2, hi); ok && !isDocPhrase(d.toks, rr.i) {
					if _, e := d.resolveRun(rr, s); e != nil {
						return e
					}
				}
			}
			if e := d.subject(s); e != nil {
				return e
			}
			if r2, ok := d.verbAttribution(lo, min(d.sentToks[s][1], lo+window), false); ok && !isDocPhrase(d.toks, r2.i) && r2.i != r.i {
				if _, e := d.resolveRun(r2, s); e != nil {
					return e
				}
			}
		}
	}
	return nil
}

// resolveKnown resolves a noun phrase only to a speaker the article has
// already introduced: it never makes up a new one from a description.
func (d *doc) resolveKnown(r nameRun, si int) *entity {
	if e := d.orgOfRun(r); e != nil {
		return e
	}
	n := parseNP(d.toks, r.i, r.j)
	switch {
	case n.pron != "":
		return d.resolvePronounAt(n.pron, si, r.i)
	case len(n.name) > 0 && !n.nameMod:
		return d.reg.lookup(n.name, n.honor)
	case n.isRole() && !n.indefinite:
		if e := d.reg.lookupRole(n, d.toks[r.i].start); e != nil {
			return e
		}
		return d.knownRole(n, d.toks[r.i].start)
	}
	return nil
}

// orgOfRun returns the registered organisation whose name the run spells,
// after an optional "the".
func (d *doc) orgOfRun(r nameRun) *entity {
	k := r.i
	if k < r.j && d.toks[k].lower() == "the" {
		k++
	}
	if k >= r.j {
		return nil
	}
	if e := d.orgWordsAt(k, r.j-k); e != nil {
		return e
	}
	if r.j-k == 1 {
		if e := d.reg.byName[strings.ToLower(baseOf(d.toks[k]))]; e != nil && e.kind == entOrg {
			return e
		}
	}
	// "Disability charity Scope": an organisation after what it is.
	for x := k + 1; x < r.j && x-k <= 4; x++ {
		if p := d.toks[x-1]; p.word && !p.isCap() && (orgNouns[p.lower()] || orgTypeNouns[p.lower()]) {
			if e := d.orgWordsAt(x, r.j-x); e != nil {
				return e
			}
			if r.j-x == 1 {
				if e := d.reg.byName[strings.ToLower(baseOf(d.toks[x]))]; e != nil && e.kind == entOrg {
					return e
				}
			}
		}
	}
	return nil
}

// resolveRole resolves a role noun phrase: to the person the article tied
// the role to, to the office holder the article names, to a new unnamed
// speaker for an indefinite description ("a senior EU diplomat"), or to the
// person the passage is about ("the Spaniard", "the cabinet minister").
func (d *doc) resolveRole(n np, r nameRun, si int) *entity {
	pos := d.toks[r.i].start
	if !n.indefinite {
		if e := d.reg.lookupRole(n, pos); e != nil {
			return e
		}
		if e := d.knownRole(n, pos); e != nil {
			return e
		}
		if si >= 0 && si < len(d.sents) && d.sents[si].para == 0 && !n.plural {
			// A headline names by role whom the article introduces
			// later: "Chile's president vows ...".
			if e := d.reg.lookupRole(n, len(d.text)); e != nil && e.kind == entPerson {
				return e
			}
		}
	}
	hi := len(d.toks)
	if si >= 0 && si < len(d.sentToks) {
		hi = d.sHi(si, r.j)
	}
	if n.nameMod && n.det == "the" && !n.plural && len(n.of) == 0 && !anonHeads[n.head] {
		// "the former Arsenal manager" refers back to the person the
		// passage is about, when it is about one.
		if e := d.resolvePronoun("", si, r.i, nounGender[n.head]); e != nil && e.kind == entPerson && !otherOffice(e, n) {
			return e
		}
	}
	if n.indefinite || len(n.of) > 0 || n.nameMod || (n.nat != "" && n.det == "") || n.plural ||
		n.owner != "" || n.det == "his" || n.det == "her" || n.det == "its" || n.det == "their" {
		// A description of somebody new: "a senior EU diplomat", "the PM's
		// spokesman", "his chief of staff".
		if n.det == "his" || n.det == "her" || n.det == "its" || n.det == "their" {
			return nil
		}
		rr := d.extendAnon(r, max(hi, r.j))
		name := d.anonText(rr)
		e := d.reg.addAnon(name, parseNP(d.toks, rr.i, rr.j), n.plural)
		e.mention(pos)
		return e
	}
	return d.resolvePronoun("", si, r.i, nounGender[n.head])
}

// otherOffice reports whether e holds the office n names for another body:
// "the Labour leader" is not the "Conservative leader" the passage is about.
func otherOffice(e *entity, n np) bool {
	for _, ro := range e.roles {
		if ro.head != n.head || len(ro.mods) == 0 || len(n.mods) == 0 {
			continue
		}
		shared := false
		for _, m := range n.mods {
			shared = shared || slices.Contains(ro.mods, m)
		}
		if !shared {
			return true
		}
	}
	return false
}

// resolveOrg resolves a lower-case organisation phrase: "the council" to the
// council the article named, "the regulator" to the organisation it last
// named, "Russia's foreign ministry" to itself.
func (d *doc) resolveOrg(n np, r nameRun, si int) *entity {
	pos := d.toks[r.i].start
	bare := n.nat == "" && n.owner == "" && len(n.mods) == 0 && len(n.name) == 0 && (n.det == "the" || n.det == "its" || n.det == "their")
	if bare || (n.det == "the" && len(n.name) == 0 && n.owner == "") {
		var best *entity
		bestPos := -1
		for _, e := range d.reg.ents {
			if e.kind != entOrg {
				continue
			}
			match := genericOrgNouns[n.orgHead] || slices.Contains(e.types, n.orgHead)
			for _, w := range e.words {
				if w == n.orgHead {
					match = true
				}
			}
			if !match {
				continue
			}
			if p := lastMentionBefore(e, pos); p > bestPos && pos-p < 2500 {
				best, bestPos = e, p
			}
		}
		if best != nil || bare {
			return best
		}
	}
	name := d.orgName(r.i, r.j)
	if name == "" {
		return nil
	}
	e := d.reg.addOrg(name)
	e.mention(pos)
	return e
}

// genericOrgNouns may stand for any organisation the article named.
var genericOrgNouns = set(`regulator, forecaster, charity, watchdog, group, body, organisation,
	organization, agency, company, firm, bank, union, federation, association, foundation,
	institute, insurer, lender, retailer, manufacturer, carmaker, airline, operator, club,
	team, league, newspaper, paper, broadcaster, network, militia, movement, trust, bloc,
	alliance, coalition, forum, think-tank`)

// anonText is the description of an unnamed speaker as the article wrote
// it, with a sentence-initial determiner in lower case.
func (d *doc) anonText(r nameRun) string {
	s := d.text[d.toks[r.i].start:d.toks[r.j-1].end]
	if d.toks[r.i].word && determiners[d.toks[r.i].lower()] {
		fr := firstRune(s)
		s = string(unicode.ToLower(fr)) + s[len(string(fr)):]
	}
	return s
}

// subject returns the entity sentence s is about: its grammatical subject
// when that names a person or organisation.
func (d *doc) subject(s int) *entity {
	if s < 0 || s >= len(d.sents) {
		return nil
	}
	if d.subjDone[s] {
		return d.subjMemo[s]
	}
	d.subjDone[s] = true
	lo, hi := d.sentToks[s][0], d.sentToks[s][1]
	var e *entity
	if r, ok := d.firstSubjectNP(lo, hi); ok {
		_, e = d.resolveRun(r, s)
	}
	if e == nil {
		// "In Gdansk, a port city, a dock worker wearing a union badge
		// said ...": the subject of its verb of saying.
		for v := lo; v < hi && v-lo < 2*window; v++ {
			if _, ok := d.isSpeechAt(v); !ok || d.inSpan[v] >= 0 || !d.isVerbUse(v) || d.isPassive(v, lo) {
				continue
			}
			if r, ok := d.subjectBefore(v, lo); ok {
				_, e = d.resolveRun(r, s)
			}
			break
		}
	}
	d.subjMemo[s] = e
	return e
}

// resolvePronounAt resolves the pronoun token at k. An object pronoun ("Politiken
// quoted her") never refers to the subject of its own clause.
func (d *doc) resolvePronounAt(pron string, s, k int) *entity {
	switch d.toks[k].lower() {
	case "her", "him", "them":
		d.objectPron = true
		defer func() { d.objectPron = false }()
	}
	return d.resolvePronoun(pron, s, k, 0)
}

// resolvePronoun resolves a pronoun at token k of sentence s. he and she
// (and "" for a definite role, g its gender) go to the sentence's own
// subject, or to the more recent of the last speaker and the last person a
// sentence was about; it goes to an organisation, they to a group.
func (d *doc) resolvePronoun(pron string, s, k int, g byte) *entity {
	if s < 0 || s >= len(d.sents) {
		return nil
	}
	want := func(e *entity) bool {
		if e == nil {
			return false
		}
		switch pron {
		case "it":
			return e.kind == entOrg || e.kind == entUnknown
		case "they":
			return e.kind == entGroup || e.kind == entOrg
		case "he":
			return e.isPerson() && e.gender != 'f'
		case "she":
			return e.isPerson() && e.gender != 'm'
		case "":
			return e.isPerson() && (g == 0 || e.gender == 0 || e.gender == g)
		}
		return false
	}
	if pron == "we" || pron == "i" || pron == "you" {
		return nil
	}
	lo := d.sLo(s, k)
	if pron == "they" && d.coordinatedSubject(lo, k) {
		return nil // "London and Paris said that they were": both
	}
	if r, ok := d.firstSubjectNP(lo, k); ok && r.i < k && !d.parentheticalAttribution(k) && !d.objectPron {
		n := parseNP(d.toks, r.i, r.j)
		if n.pron == pron && pron != "" {
			k = r.i // "He also praised Trump, who he said ..."
		} else if n.pron == "" {
			if _, e := d.resolveRun(r, s); want(e) {
				return e
			}
		}
	}
	var best *entity
	bestSent := -1
	if d.lastSpeaker != nil && d.lastSpeakerSent <= s && s-d.lastSpeakerSent <= 8 && d.lastSpeakerPos < d.toks[k].start && want(d.lastSpeaker) {
		best, bestSent = d.lastSpeaker, d.lastSpeakerSent
	}
	limit := 6
	if pron == "it" || pron == "they" {
		limit = 3
	}
	for p := s - 1; p >= 0 && p >= s-limit && p > bestSent; p-- {
		if e := d.subject(p); want(e) {
			return e
		}
		if p == s-1 {
			// The only such person the previous sentence mentions at all
			// ("For the prime minister, who ..., the episode ...").
			if e := d.onlyMention(p, want); e != nil {
				return e
			}
		}
	}
	return best
}

// coordinatedSubject reports whether the clause toks[lo:k] opens with
// names joined by "and" ("London and Paris said").
func (d *doc) coordinatedSubject(lo, k int) bool {
	x := d.skipDateline(lo, k)
	r := d.fwdNP(x, k)
	return r.j > r.i && r.j+1 < k && d.toks[r.j].lower() == "and" && d.toks[r.j+1].isCap()
}

// onlyMention returns the one entity sentence s names that satisfies want,
// resolving names and roles without looking further back, or nil when it
// names none or several.
func (d *doc) onlyMention(s int, want func(*entity) bool) *entity {
	lo, hi := d.sentToks[s][0], d.sentToks[s][1]
	hi = min(hi, lo+2*window)
	var found *entity
	for k := lo; k < hi; k++ {
		t := d.toks[k]
		if !t.word || d.inSpan[k] >= 0 {
			continue
		}
		if !(t.isCap() || (t.lower() == "the" && k+1 < hi && npWord(d.toks[k+1]))) {
			continue
		}
		r := d.fwdNP(k, hi)
		if r.j <= r.i {
			continue
		}
		k = r.j - 1
		n := parseNP(d.toks, r.i, r.j)
		var e *entity
		switch {
		case len(n.name) > 0 && !n.nameMod:
			e = d.reg.lookup(n.name, n.honor)
		case n.isRole() && !n.indefinite:
			if e = d.reg.lookupRole(n, t.start); e == nil {
				e = d.knownRole(n, t.start)
			}
		}
		if e == nil || !want(e) {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// parentheticalAttribution reports whether the pronoun at k sits in a
// comment clause ("Zelensky could go to Moscow, he said –"), where it does
// not refer to the sentence's subject.
func (d *doc) parentheticalAttribution(k int) bool {
	if k == 0 || (d.toks[k-1].s != "," && d.toks[k-1].s != "—" && d.toks[k-1].s != "–") {
		return false
	}
	_, ok := d.isSpeechAt(k + 1)
	return ok
}

// registerAnons registers the unnamed speakers the article introduces ("A
// source at the Élysée, Macron's office, has said ..."), so that a later
// "the Élysée source" refers back to them.
func (d *doc) registerAnons() {
	for s := range d.sents {
		lo, hi := d.sentToks[s][0], d.sentToks[s][1]
		var runs []nameRun
		if r, ok := d.firstSubjectNP(lo, hi); ok {
			runs = append(runs, r)
		}
		for x := lo; x+1 < hi; x++ {
			if d.toks[x].lower() == "according" && d.toks[x+1].lower() == "to" {
				if r, ok := d.npAfter(x+2, hi); ok {
					runs = append(runs, r)
				}
			}
			// "citing two sources close to the Kremlin"
			if lw := d.toks[x].lower(); (lw == "citing" || lw == "quoting") && d.inSpan[x] < 0 && determiners[d.toks[x+1].lower()] {
				if r, ok := d.npAfter(x+1, hi); ok {
					runs = append(runs, r)
				}
			}
			// "..., an army source told local media.", "said a
			// Rotterdam-based analyst": an unnamed speaker out of subject
			// position.
			if _, ok := d.isSpeechAt(x); !ok || d.inSpan[x] >= 0 || !d.isVerbUse(x) {
				continue
			}
			if k := d.skipAuxBack(lo, x-1); k > lo && d.toks[k].word {
				if r := d.bwdNP(lo, k); r.j > r.i && indefiniteDet[d.toks[r.i].lower()] {
					runs = append(runs, r)
				}
			}
			// "three government officials with direct knowledge of the
			// talks said"
			for y := x - 1; y >= lo && x-y <= 16 && d.inSpan[y] < 0; y-- {
				if t := d.toks[y]; !t.word || !determiners[t.lower()] {
					continue
				}
				if n := parseNP(d.toks, y, min(y+6, x)); n.plural && n.indefinite {
					if r, ok := d.speakerThenVerb(y, hi); ok && d.skipAuxFwd(r.j, hi) == x {
						runs = append(runs, r)
					}
					break
				}
			}
			if x+1 < hi && indefiniteDet[d.toks[x+1].lower()] {
				if r, ok := d.npAfter(x+1, hi); ok {
					runs = append(runs, r)
				}
			}
		}
		for _, r := range runs {
			n := parseNP(d.toks, r.i, r.j)
			if !n.isRole() || !n.indefinite {
				continue
			}
			rr := d.extendAnon(r, hi)
			e := d.reg.addAnon(d.anonText(rr), parseNP(d.toks, rr.i, rr.j), n.plural)
			e.mention(d.toks[r.i].start)
		}
	}
}
