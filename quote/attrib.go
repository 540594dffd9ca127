package quote

import (
	"slices"
	"strings"
	"unicode"
)

// auxAdverbs may stand between a speaker and a speech verb ("Healey further
// stated", "Trump has said").
var auxAdverbs = set(`also, further, later, then, has, have, had, was, were, is, are, would, will, did,
	does, do, previously, again, once, repeatedly, reportedly, recently, separately, earlier,
	subsequently, quickly, simply, openly, publicly, privately, bluntly, flatly, firmly,
	angrily, proudly, clearly, himself, herself, itself, themselves, since, not, never,
	always, often, already, even, still, just, too, may, might, could, should, can, shall,
	been, went, yesterday, today, tonight, however, meanwhile, immediately, swiftly,
	promptly, directly, personally, now, indeed, typically, characteristically, afterward,
	afterwards, instead, only, first, finally, initially, formally, officially, jointly`)

// timeWords may stand between a speaker and a verb inside "on Monday", "last
// week", "earlier this month".
var timeWords = set(`monday, tuesday, wednesday, thursday, friday, saturday, sunday, week, weekend,
	month, year, night, morning, afternoon, evening, day, today, yesterday, tonight, earlier,
	later, last, this, next, on, in, at, early, late, recently, january, february, march, april,
	may, june, july, august, september, october, november, december`)

// toPreceders, followed by "to", lead to a speech verb: "was quick to point
// out", "went on to say".
var toPreceders = set(`quick, keen, eager, swift, happy, careful, ready, forced, able, moved, on,
	continued, rushed, hastened, sought, wanted, wished, chose, decided, appeared, seemed, tried,
	attempted, used, went, goes, proceeded, took, time, want, wants, wish, wishes, sure, set,
	due, expected, likely, going, about, anxious`)

// prepositions put the noun phrase after them out of subject position.
var prepositions = set(`to, of, with, from, for, about, by, at, in, on, between, against, towards, toward,
	after, before, like, unlike, than, into, onto, over, under, among, amid, during, without,
	within, through, across, around, behind, beyond, near, upon, via, including, regarding,
	concerning, despite, alongside, besides, except, per, versus, vs, beside, past, since,
	until, amongst, throughout, inside, outside, following, ahead, as`)

var irregularPast = set(`said, told, wrote, written, spoke, spoken, read, swore, sworn, pled, bid,
	forecast`)

// isSpeechAt reports whether toks[k] is a speech verb, and its lemma.
func (d *doc) isSpeechAt(k int) (string, bool) {
	if k < 0 || k >= len(d.toks) || !d.toks[k].word {
		return "", false
	}
	lw := d.toks[k].lower()
	if lw == "wanted" || lw == "wants" {
		if k+2 < len(d.toks) && d.toks[k+1].lower() == "to" && d.toks[k+2].lower() == "know" {
			return "ask", true
		}
	}
	if lw == "know" && k >= 2 && d.toks[k-1].lower() == "to" && (d.toks[k-2].lower() == "wanted" || d.toks[k-2].lower() == "wants") {
		return "ask", true
	}
	lemma, ok := speechVerbs[lw]
	if !ok {
		return "", false
	}
	if d.toks[k].isCap() && k > 0 && d.toks[k-1].isCap() && !d.titleCaseAround(k) {
		return "", false // "the United States", "the Washington Post"
	}
	if lemma == "point" {
		if k+1 < len(d.toks) && d.toks[k+1].lower() == "out" {
			return lemma, true
		}
		return "", false
	}
	return lemma, true
}

// titleCaseAround reports whether the words around token k, in its line,
// are all capitalised, as in a headline ("Trump Says Tariffs Will Stay").
func (d *doc) titleCaseAround(k int) bool {
	lo, hi := k, k
	for lo > 0 && k-lo < 8 && !d.toks[lo].nl {
		lo--
	}
	for hi+1 < len(d.toks) && hi-k < 8 && !d.toks[hi+1].nl {
		hi++
	}
	for x := lo; x <= hi; x++ {
		t := d.toks[x]
		if t.word && !t.isCap() && !titleSmallWords[t.lower()] && d.inSpan[x] < 0 && !unicode.IsDigit(firstRune(t.s)) {
			return false
		}
	}
	return true
}

// isVerbUse reports whether the speech word at k is used as a verb, not a
// noun ("he comments" vs "his comments").
func (d *doc) isVerbUse(k int) bool {
	lw := d.toks[k].lower()
	prev := token{}
	pl := ""
	if k > 0 {
		prev = d.toks[k-1]
		pl = prev.lower()
	}
	if _, poss := prev.base(); (prev.word && poss) || articles[pl] || pl == "social" || pl == "media" {
		return false
	}
	switch {
	case irregularPast[lw] || strings.HasSuffix(lw, "ed"):
		return true
	case strings.HasSuffix(lw, "ing"):
		return true
	case lw == "says":
		return true
	case strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss"):
		// "Healey warns", "he adds": a noun phrase or an adverb before it.
		return prev.isCap() || pl == "he" || pl == "she" || pl == "it" || pl == "also" ||
			isRoleHead(pl) || (strings.HasSuffix(pl, "ly") && len(pl) > 3) || pl == "now" || pl == "then"
	}
	switch pl {
	case "to", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does",
		"do", "they", "we", "i", "you", "not", "never":
		return true
	}
	return false
}

// articles make the word after them a noun: "his comments", "the said".
var articles = set(`the, a, an, his, her, its, their, our, my, your, this, these, those`)

// isPassive reports whether the verb at k is a passive or reduced clause
// ("When asked", "was told"), whose subject is not the speaker.
func (d *doc) isPassive(k, lo int) bool {
	lw := d.toks[k].lower()
	if !(irregularPast[lw] || strings.HasSuffix(lw, "ed")) {
		return false
	}
	j := k - 1
	for j >= lo && d.toks[j].word && strings.HasSuffix(d.toks[j].lower(), "ly") {
		j--
	}
	if j < lo {
		return k == lo // "Asked whether ..."
	}
	switch d.toks[j].lower() {
	case "was", "were", "been", "being", "be", "is", "are", "when", "if", "once", "unless", "as",
		"get", "got", "getting", "having":
		return true
	}
	return false
}

// skipAuxBack moves k back over auxiliaries, adverbs and time phrases that
// may separate a subject from its verb.
func (d *doc) skipAuxBack(lo, k int) int {
	for k >= lo {
		t := d.toks[k]
		if !t.word {
			return k
		}
		lw := t.lower()
		switch {
		case auxAdverbs[lw] && !t.isCap():
			k--
		case timeWords[lw] && (t.isCap() && nonPersonWords[lw] || !t.isCap() && k+1 < len(d.toks) && (timeWords[d.toks[k+1].lower()] || isSpeechWord(d.toks[k+1]))):
			k--
		case strings.HasSuffix(lw, "ly") && len(lw) > 4 && !t.isCap():
			k--
		case lw == "to" && k-1 >= lo && toPreceders[d.toks[k-1].lower()]:
			k -= 2
		default:
			return k
		}
	}
	return k
}

func isSpeechWord(t token) bool {
	_, ok := speechVerbs[t.lower()]
	return ok
}

// skipAuxFwd moves k forward over auxiliaries and adverbs.
func (d *doc) skipAuxFwd(k, hi int) int {
	for k < hi {
		t := d.toks[k]
		if !t.word {
			return k
		}
		lw := t.lower()
		switch {
		case auxAdverbs[lw] && !t.isCap():
			k++
		case timeWords[lw] && (t.isCap() && nonPersonWords[lw] || k+1 < hi && timeWords[d.toks[k+1].lower()]):
			k++
		case strings.HasSuffix(lw, "ly") && len(lw) > 4 && !t.isCap():
			k++
		case toPreceders[lw] && k+1 < hi && d.toks[k+1].lower() == "to":
			k += 2
		default:
			return k
		}
	}
	return k
}

func isPronounWord(lw string) bool {
	switch lw {
	case "he", "she", "they", "it", "we", "i":
		return true
	}
	return false
}

// backNP returns the noun phrase ending at toks[k], not reaching before lo.
func backNP(toks []token, lo, k int) nameRun {
	if k < lo || k >= len(toks) {
		return nameRun{k + 1, k + 1}
	}
	if k-1 >= lo && isDocPhrase(toks, k-1) {
		return nameRun{k - 1, k + 1}
	}
	if t := toks[k]; t.word && isPronounWord(t.lower()) {
		return nameRun{k, k + 1}
	}
	j := k
	for j >= lo && k-j < 12 {
		t := toks[j]
		if t.s == "." {
			if j > lo && j != k && isAbbrevTitle(toks[j-1].lower()) {
				j--
				continue
			}
			break
		}
		lw := t.lower()
		if t.word && npWord(t) && !(isPronounWord(lw) && !t.isCap()) {
			if _, poss := t.base(); poss && j != k && !t.isCap() {
				break
			}
			j--
			continue
		}
		if isHyphenAdj(t) && j < k {
			j-- // "the Geneva-based Alpine Water Council"
			continue
		}
		if t.word && determiners[lw] && j < k {
			j--
			// "the head of the armed forces", "a spokesman for the Kremlin"
			if j-1 >= lo && (toks[j].lower() == "of" || toks[j].lower() == "for") && isRoleHead(toks[j-1].lower()) {
				j--
				continue
			}
			break
		}
		if t.word && (lw == "of" || lw == "for") && j-1 >= lo && j < k && (isRoleHead(toks[j-1].lower()) || isTitlePart(toks[j-1].lower())) {
			j--
			continue
		}
		if t.word && nameConnectors[lw] && j < k && j-1 >= lo && (toks[j-1].isCap() || nameConnectors[toks[j-1].lower()]) && (toks[j+1].isCap() || nameConnectors[toks[j+1].lower()]) {
			j--
			continue
		}
		break
	}
	i := j + 1
	// "the music critic", "China’s commerce ministry": back over modifiers
	// outside the lexicon to a determiner or possessive.
	if i <= k && (isRoleHead(toks[k].lower()) || orgNouns[toks[k].lower()]) && !toks[i].isCap() {
		for x := i - 1; x >= lo && i-x <= 4; x-- {
			t := toks[x]
			if isHyphenAdj(t) {
				// "a New York-based political scientist"
				for x-1 >= lo && toks[x-1].isCap() && !toks[x].nl && i-x < 8 {
					x--
				}
				continue
			}
			if !t.word || t.isCap() && !isPossTok(t) && !determiners[t.lower()] || functionWords[t.lower()] && !determiners[t.lower()] || isSpeechWord(t) {
				if isPossTok(t) {
					r := backNP(toks, lo, x)
					i = r.i
				}
				break
			}
			if determiners[t.lower()] || isPossTok(t) {
				i = x
				if isPossTok(t) {
					i = backNP(toks, lo, x).i // "the prime minister's official spokesman"
				}
				break
			}
		}
	}
	// Drop sentence-opening common words ("But Healey said"), but not the
	// surname He of "He Lifeng".
	for i < k && toks[i].isCap() && commonWords[toks[i].lower()] && !determiners[toks[i].lower()] && !(toks[i].lower() == "he" && k == i+1 && !isSpeechWord(toks[k]) && !commonWords[toks[k].lower()]) {
		i++
	}
	return nameRun{i, k + 1}
}

func isPossTok(t token) bool {
	_, poss := t.base()
	return t.word && poss
}

// forwardNP returns the noun phrase starting at toks[k], before hi.
func forwardNP(toks []token, k, hi int) nameRun {
	if k >= hi || k >= len(toks) {
		return nameRun{k, k}
	}
	if k+1 < hi && isDocPhrase(toks, k) {
		return nameRun{k, k + 2}
	}
	start := k
	if particleName(toks, k, hi) {
		// "del Campo told", "van der Berg said": a surname with its
		// particles.
		j := k
		for j < hi && toks[j].word && nameConnectors[toks[j].lower()] && !toks[j].isCap() {
			j++
		}
		for j < hi && toks[j].isCap() && j-k < 6 {
			j++
		}
		return nameRun{k, j}
	}
	if t := toks[k]; t.word && !t.isCap() && !npWord(t) && !functionWords[t.lower()] && !determiners[t.lower()] && !isPronounWord(t.lower()) && !isSpeechWord(t) {
		// "works council chief Daniela Cavallo": modifiers the lexicon
		// lacks before a title and a name.
		for y := k + 1; y < hi && y-k <= 3; y++ {
			u := toks[y]
			if !u.word || u.isCap() || functionWords[u.lower()] || isSpeechWord(u) {
				break
			}
			if titleWords[u.lower()] && y+1 < hi && toks[y+1].isCap() {
				k = y
				break
			}
		}
		if k == start {
			return nameRun{start, start}
		}
	}
	if t := toks[k]; t.word && isPronounWord(t.lower()) {
		if !(t.lower() == "he" && k+1 < hi && toks[k+1].isCap() && k+2 < hi && toks[k+2].s == ",") {
			return nameRun{k, k + 1}
		}
	}
	if t := toks[k]; t.word && (t.lower() == "him" || t.lower() == "them" || t.lower() == "her" && (k+1 >= hi || !npWord(toks[k+1]))) {
		return nameRun{k, k + 1} // "quoted her as saying"
	}
	j := k
	if toks[j].word && determiners[toks[j].lower()] {
		j++
		if j+1 < hi && toks[j].lower() == "of" && (toks[j+1].lower() == "them" || toks[j+1].lower() == "those") {
			return nameRun{k, j + 2} // "one of them"
		}
		if j+1 < hi && toks[k].lower() == "one" && toks[j].lower() == "of" && (toks[j+1].lower() == "the" || toks[j+1].lower() == "these") {
			// "one of the officials": a member of a group named before.
			if r := forwardNP(toks, j+1, hi); r.j > r.i+1 && parseNP(toks, r.i, r.j).plural {
				return nameRun{k, r.j}
			}
		}
		// "a wine exporter", "the music critic": modifiers outside the
		// lexicon before a role head.
		if j < hi && !npWord(toks[j]) {
			for x := j; x < hi && x-j < 3 && toks[x].word && !toks[x].isCap() && !functionWords[toks[x].lower()] && !isSpeechWord(toks[x]); x++ {
				if x+1 < hi && (isRoleHead(toks[x+1].lower()) || orgNouns[toks[x+1].lower()]) {
					j = x + 1
					break
				}
				// "one backbencher said", "a passer-by, who": an indefinite
				// noun the lexicon lacks, before a verb of saying.
				if indefiniteDet[toks[k].lower()] && x+1 < hi && (isSpeechWord(toks[x+1]) && !toks[x+1].isCap() || toks[x+1].s == ",") {
					return nameRun{k, x + 1}
				}
			}
		}
	}
	for j < hi && j-k < 12 {
		t := toks[j]
		if t.s == "." {
			if j > k && isAbbrevTitle(toks[j-1].lower()) {
				j++
				continue
			}
			break
		}
		lw := t.lower()
		if t.word && npWord(t) && !isPronounWord(lw) {
			j++
			continue
		}
		if isHyphenAdj(t) {
			// "a New York-based political scientist"
			if h := modifiersToHead(toks, j+1, hi); h > 0 || j+1 < hi && npWord(toks[j+1]) {
				j++
				continue
			}
		}
		if j > k && isPossTok(toks[j-1]) {
			// "the union's district head"
			if h := modifiersToHead(toks, j, hi); h > 0 {
				j = h + 1
				continue
			}
		}
		if t.word && (lw == "of" || lw == "for") && j > k && (isRoleHead(toks[j-1].lower()) || isTitlePart(toks[j-1].lower())) && j+1 < hi && (toks[j+1].isCap() || determiners[toks[j+1].lower()]) {
			j++
			if j < hi && toks[j].word && determiners[toks[j].lower()] {
				j++
			}
			continue
		}
		if t.word && nameConnectors[lw] && j > k && toks[j-1].isCap() && j+1 < hi && (toks[j+1].isCap() || nameConnectors[toks[j+1].lower()] && j+2 < hi && toks[j+2].isCap()) {
			j++
			if !toks[j].isCap() {
				j++
			}
			continue
		}
		break
	}
	if j == k+1 && toks[k].word && determiners[toks[k].lower()] {
		return nameRun{k, k}
	}
	return nameRun{start, j}
}

// particleName reports whether toks[k] is a lower-case name particle
// starting a surname: "del Campo", "van der Berg", "de Moraes".
func particleName(toks []token, k, hi int) bool {
	j := k
	for j < hi && j-k < 3 && toks[j].word && !toks[j].isCap() && nameConnectors[toks[j].lower()] && !functionWords[toks[j].lower()] {
		j++
	}
	return j > k && j < hi && toks[j].isCap() && !toks[j].nl
}

// isAbbrevTitle reports whether w, followed by a dot, abbreviates a title
// or honorific ("Mr.", "Sen.", "Gov.", "Lt.").
func isAbbrevTitle(w string) bool {
	return isHonorific(w+".") || titleWords[w+"."] || (titleWords[w] && abbreviations[w])
}

// indefiniteDet introduce a new, unnamed referent.
var indefiniteDet = set(`a, an, one, another`)

// extendAnon extends a description of an unnamed speaker over the phrase
// that completes it: "a diplomat in Vienna", "a mother of three", "two
// officials briefed on the talks", "another woman, a carer".
func (d *doc) extendAnon(r nameRun, hi int) nameRun {
	toks := d.toks
	j := r.j
	if j < hi && toks[j].word {
		switch toks[j].lower() {
		case "briefed", "familiar", "close", "involved", "knowledgeable", "based":
			if j+1 < hi && toks[j+1].word && prepositions[toks[j+1].lower()] {
				j++
			}
		case "with":
			// "officials with direct knowledge of the talks"
			for x := j + 1; x < hi && x-j <= 3; x++ {
				if toks[x].lower() == "knowledge" && x+1 < hi && toks[x+1].lower() == "of" {
					j = x + 1
					break
				}
			}
		}
	}
	if j < hi && toks[j].word {
		switch toks[j].lower() {
		case "in", "at", "from", "of", "for", "on", "with", "inside", "within", "near", "to":
			if toks[j].lower() == "to" && (j == r.j || toks[j-1].lower() != "close") {
				break // only "close to the Kremlin"
			}
			if j+1 < hi && (timeWords[toks[j+1].lower()] || unicode.IsDigit(firstRune(toks[j+1].s))) {
				break // "on Monday", "in 2024" say when, not who
			}
			k := j + 1
			if k < hi && toks[k].word && determiners[toks[k].lower()] {
				k++
			}
			n := 0
			for k < hi && n < 5 && toks[k].word {
				lw := toks[k].lower()
				if isSpeechWord(toks[k]) && !toks[k].isCap() || auxAdverbs[lw] && !toks[k].isCap() || lw == "who" || lw == "which" || lw == "that" || lw == "whose" || (prepositions[lw] && !toks[k].isCap()) || lw == "and" {
					break
				}
				if strings.HasSuffix(lw, "ing") && !toks[k].isCap() && n > 0 {
					break
				}
				k++
				n++
				if determiners[lw] {
					n--
				}
			}
			if n > 0 {
				j = k
			}
		}
	}
	// "another woman, a carer,"
	if j+1 < hi && toks[j].s == "," {
		f := forwardNP(toks, j+1, hi)
		if f.j > f.i && f.j < hi && toks[f.j].s == "," {
			if fn := parseNP(toks, f.i, f.j); fn.indefinite && fn.isRole() && len(fn.name) == 0 {
				j = f.j
			}
		}
	}
	return nameRun{r.i, j}
}

// validSpeakerNP reports whether n can name a speaker.
func validSpeakerNP(n np) bool {
	if n.poss {
		return false
	}
	if n.pron != "" {
		return n.pron == "he" || n.pron == "she" || n.pron == "they" || n.pron == "it"
	}
	return len(n.name) > 0 || n.head != "" || n.orgHead != "" || n.docNoun != ""
}

// subjectBefore finds the subject of the speech verb at v, looking back to
// lo: the noun phrase just before it, past auxiliaries, past an apposition or
// relative clause set off by commas, or before "who".
func (d *doc) subjectBefore(v, lo int) (nameRun, bool) {
	toks := d.toks
	k := d.skipAuxBack(lo, v-1)
	if k < lo {
		return nameRun{}, false
	}
	switch toks[k].s {
	case ",", ")", "—", "–", "-":
		return d.appositionSubject(k, lo)
	}
	if toks[k].word && (toks[k].lower() == "who" || toks[k].lower() == "that") && k-1 >= lo {
		// "a nun from Illinois who said", "Donald Trump, who wrote"
		if toks[k-1].s == "," && k-2 >= lo {
			return d.anonBefore(k-2, lo)
		}
		return d.anonBefore(k-1, lo)
	}
	if r, ok := d.anonBefore(k, lo); ok && !d.conjoined(r) {
		return r, true
	}
	// A speech noun owned by the speaker: "His original post, in French,
	// read:".
	if r, ok := d.speechNounOwner(k, lo); ok {
		return r, true
	}
	// "a woman from Buenos Aires who had flown in for the weekend said"
	for x := k; x >= lo && k-x < 15; x-- {
		t := toks[x]
		if !t.word || d.inSpan[x] >= 0 {
			break
		}
		if t.lower() == "who" && x-1 >= lo {
			return d.anonBefore(x-1, lo)
		}
	}
	// "a retired teacher tending her garden said", "a student wrapped in
	// a flag said": a participle phrase after the speaker.
	for x := k; x > lo && k-x < 12; x-- {
		t := toks[x]
		if !t.word || d.inSpan[x] >= 0 {
			break
		}
		lw := t.lower()
		if t.isCap() || len(lw) <= 4 || isSpeechWord(t) || !strings.HasSuffix(lw, "ing") && !strings.HasSuffix(lw, "ed") {
			continue
		}
		if r, ok := d.anonBefore(x-1, lo); ok {
			if n := parseNP(toks, r.i, r.j); n.isRole() && n.det != "" && !n.poss {
				return r, true
			}
		}
	}
	return nameRun{}, false
}

// anonBefore finds the noun phrase ending at k, including a completing
// prepositional phrase ("a resident of Gaza City").
func (d *doc) anonBefore(k, lo int) (nameRun, bool) {
	toks := d.toks
	r := d.bwdNP(lo, k)
	if r.j > r.i {
		n := parseNP(toks, r.i, r.j)
		// "a woman from Buenos Aires": back over the preposition.
		if !n.isRole() && r.i-2 >= lo && toks[r.i-1].word && (toks[r.i-1].lower() == "from" || toks[r.i-1].lower() == "in" || toks[r.i-1].lower() == "at" || toks[r.i-1].lower() == "of") {
			r2 := d.bwdNP(lo, r.i-2)
			if r2.j > r2.i {
				n2 := parseNP(toks, r2.i, r2.j)
				if n2.isRole() && n2.det != "" {
					return nameRun{r2.i, r.j}, true // "a woman from Buenos Aires"
				}
				if e := d.orgOfRun(r2); e != nil || (len(n2.name) > 0 && !n2.nameMod && d.reg.lookup(n2.name, n2.honor) != nil) {
					return r2, true // "Gov. Gavin Newsom of California", "the Russian Embassy in Washington"
				}
			}
		}
		if validSpeakerNP(n) {
			return r, true
		}
	}
	return nameRun{}, false
}

// speechNounOwner handles "his original post", "Zelensky's declaration":
// the owner of a speech noun ending at k is the speaker.
func (d *doc) speechNounOwner(k, lo int) (nameRun, bool) {
	toks := d.toks
	if k < lo || !toks[k].word || !speechNouns[toks[k].lower()] && !speechNouns[strings.TrimSuffix(toks[k].lower(), "s")] && !promiseNouns[toks[k].lower()] {
		return nameRun{}, false
	}
	for x := k - 1; x >= lo && k-x <= 4; x-- {
		t := toks[x]
		if !t.word || prepositions[t.lower()] || t.lower() == "a" || t.lower() == "an" || t.lower() == "the" {
			return nameRun{}, false // "her campaign on a promise"
		}
		switch t.lower() {
		case "his", "her", "its", "their":
			return nameRun{x, x + 1}, true
		}
		if b, poss := t.base(); poss {
			_ = b
			r := backNP(toks, lo, x)
			if r.j > r.i {
				n := parseNP(toks, r.i, r.j)
				if n.owner != "" || len(n.name) > 0 {
					return nameRun{r.i, r.j}, true
				}
			}
			return nameRun{}, false
		}
	}
	return nameRun{}, false
}

// relativeAntecedent returns the noun phrase a relative clause holding
// token k is about: "the mayor, who built her campaign on ...".
func (d *doc) relativeAntecedent(k, lo int) (nameRun, bool) {
	toks := d.toks
	for x := k - 1; x > lo && k-x < 20; x-- {
		if d.inSpan[x] >= 0 || !toks[x].word && toks[x].s != "," {
			return nameRun{}, false
		}
		if toks[x].lower() == "who" && toks[x-1].s == "," && x-2 >= lo {
			return d.anonBefore(x-2, lo)
		}
	}
	return nameRun{}, false
}

// conjoined reports whether the noun phrase r is one of several joined by
// "and" ("Starmer and Macron agree"), which no single speaker said.
func (d *doc) conjoined(r nameRun) bool {
	if r.i-2 >= 0 && d.toks[r.i-1].word && d.toks[r.i-1].lower() == "and" && npWord(d.toks[r.i-2]) && !d.toks[r.i-1].nl && !d.toks[r.i].nl {
		return true
	}
	if r.j+1 < len(d.toks) && d.toks[r.j].word && d.toks[r.j].lower() == "and" && d.toks[r.j+1].isCap() {
		return true
	}
	return false
}

// appositionSubject handles "Healey, who ..., said" and "His defence
// secretary, Pete Hegseth, told": c is the comma before the verb.
func (d *doc) appositionSubject(c, lo int) (nameRun, bool) {
	toks := d.toks
	closer := toks[c].s
	// A relative clause may hold commas of its own: find ", who|which|whose".
	if closer == "," {
		for x := c - 1; x > lo && c-x < 40; x-- {
			if d.inSpan[x] >= 0 {
				break
			}
			if toks[x].word && (toks[x].lower() == "who" || toks[x].lower() == "whose" || toks[x].lower() == "which") && toks[x-1].s == "," {
				if r, ok := d.anonBefore(x-2, lo); ok {
					return r, true
				}
				// "A senior Egyptian official involved in the mediation, who"
				if r, ok := d.firstSubjectNP(lo, x-1); ok {
					return r, true
				}
				break
			}
			if toks[x].s == ";" || toks[x].s == ":" {
				break
			}
		}
	}
	opener := ","
	if closer == ")" {
		opener = "("
	}
	c2 := c - 1
	for c2 >= lo && c-c2 < 40 {
		s := toks[c2].s
		if d.inSpan[c2] >= 0 {
			return nameRun{}, false
		}
		if s == opener || (closer != ")" && (s == "," || s == "—" || s == "–" || s == "-")) {
			break
		}
		c2--
	}
	if c2 < lo || c-c2 >= 40 {
		return nameRun{}, false
	}
	segLo, segHi := c2+1, c
	if segLo >= segHi {
		return nameRun{}, false
	}
	first := toks[segLo].lower()
	// "the three European countries - known as the E3 - said"
	if (first == "known" && segLo+1 < segHi && toks[segLo+1].lower() == "as") || first == "dubbed" {
		x := segLo + 1
		if first == "known" {
			x++
		}
		r := forwardNP(toks, x, segHi)
		if r.j > r.i && validSpeakerNP(parseNP(toks, r.i, r.j)) {
			return r, true
		}
	}
	// The segment itself is a name: "His defence secretary, Pete Hegseth, told".
	if r := backNP(toks, segLo, segHi-1); r.i == segLo && r.j == segHi {
		n := parseNP(toks, r.i, r.j)
		if len(n.name) > 0 && !n.isRole() && n.head == "" && !n.poss {
			return r, true
		}
	}
	skippable := allCapsSegment(toks, segLo, segHi) || first == "who" || first == "whose" || first == "which" || first == "whom" ||
		prepositions[first] || determiners[first] || first == "speaking" || first == "writing" ||
		first == "himself" || first == "herself" || first == "according" || first == "like" ||
		unicode.IsDigit(firstRune(toks[segLo].s)) || strings.HasSuffix(first, "ing")
	if !skippable {
		// A role or an owner's description, not a clause that merely starts
		// with one ("Chilean President Ana Soto on Friday suspended talks
		// with the union,").
		n := parseNP(toks, segLo, segHi)
		r := d.extendAnon(d.fwdNP(segLo, segHi), segHi)
		covers := r.j >= segHi || r.j < segHi && toks[r.j].word && prepositions[toks[r.j].lower()] && segHi-r.j <= 6
		skippable = covers && (n.isRole() || n.owner != "" || n.nat != "")
	}
	if !skippable {
		return nameRun{}, false
	}
	k := c2 - 1
	if k < lo {
		return nameRun{}, false
	}
	// "One of them, a man from Lyon whose shop was burned, said": the
	// description says more than the pronoun it follows.
	if indefiniteDet[first] && toks[k].word {
		if n := parseNP(toks, segLo, segHi); n.isRole() && n.indefinite {
			if b := backNP(toks, lo, k); b.j > b.i && parseNP(toks, b.i, b.j).pron != "" {
				return nameRun{segLo, segHi}, true
			}
		}
	}
	if toks[k].s == "," || toks[k].s == ")" {
		return d.appositionSubject(k, lo) // two parentheticals
	}
	if r, ok := d.anonBefore(k, lo); ok {
		return r, true
	}
	return d.speechNounOwner(k, lo) // "His original post, in French, read:"
}

// allCapsSegment reports whether toks[i:j] is an abbreviation such as a
// US party and state ("R-S.C.", "D-N.Y.").
func allCapsSegment(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].word && !isAllCaps(toks[k].s) {
			return false
		}
	}
	return j > i
}

// clauseSubject finds the subject of the clause containing the verb at v:
// the first speaker-like noun phrase after the last clause boundary before
// it.
func (d *doc) clauseSubject(v, lo int) (nameRun, bool) {
	toks := d.toks
	b := lo
	for k := v - 1; k >= lo; k-- {
		t := toks[k]
		if d.inSpan[k] >= 0 || (!t.word && markFamily(firstRune(t.s)) != famNone) {
			b = k + 1
			break
		}
		if t.s == ";" || t.s == ":" || t.s == "—" || t.s == "–" || t.s == "(" {
			b = k + 1
			break
		}
		if t.word && !t.isCap() {
			switch t.lower() {
			case "although", "though", "while", "whereas", "because", "but", "when", "after", "before", "if", "unless", "that", "which", "who", "whether":
				b = k + 1
			}
			if b == k+1 {
				break
			}
		}
	}
	return d.firstSubjectNP(b, v)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return -1
}

// firstSubjectNP returns the subject of the clause toks[lo:hi]: its first
// noun phrase after any introductory phrase set off by a comma, when that
// phrase can name a speaker.
func (d *doc) firstSubjectNP(lo, hi int) (nameRun, bool) {
	toks := d.toks
	k := d.skipDateline(lo, hi)
	for k < hi && (!toks[k].word || d.inSpan[k] >= 0) {
		k++
	}
	if k >= hi {
		return nameRun{}, false
	}
	// An introductory phrase ("In response,", "Speaking to the Observer,",
	// "Asked whether ..., he") ends at the first comma.
	lw := toks[k].lower()
	intro := prepositions[lw] || strings.HasSuffix(lw, "ing") || (strings.HasSuffix(lw, "ed") && !toks[k].isCap()) || lw == "asked" ||
		lw == "when" || lw == "while" || lw == "if" || lw == "although" || lw == "though" || lw == "as" ||
		lw == "after" || lw == "before" || lw == "since" || lw == "because" || lw == "unlike" || lw == "similar" ||
		lw == "last" || lw == "earlier" || lw == "later" || lw == "then" || lw == "but" || lw == "and" || lw == "however" ||
		lw == "meanwhile" || lw == "still" || lw == "yet" || lw == "so" || lw == "now" || lw == "for" || lw == "not" ||
		lw == "prior" || lw == "back" || lw == "instead" || lw == "indeed" || lw == "also" || lw == "among"
	if intro {
		if lw == "but" || lw == "and" || lw == "yet" || lw == "so" || lw == "however" || lw == "meanwhile" || lw == "still" || lw == "now" || lw == "also" || lw == "indeed" {
			if k+1 < hi && toks[k+1].s == "," {
				k += 2
			} else {
				k++
			}
			intro = false
		}
	}
	if intro {
		x := k
		for x < hi && toks[x].s != "," && d.inSpan[x] < 0 && x-k < 40 {
			x++
		}
		if x < hi && toks[x].s == "," {
			k = x + 1
		} else if lw == "among" || lw == "in" || lw == "at" {
			// "Among the crowd ... was a nun": the subject follows the verb.
			moved := false
			for y := k; y < hi && y-k < 30; y++ {
				if toks[y].word && (toks[y].lower() == "was" || toks[y].lower() == "were") {
					k, moved = y+1, true
					break
				}
			}
			if !moved {
				k = d.skipPP(k, hi)
			}
		} else if prepositions[lw] {
			k = d.skipPP(k, hi) // "Between songs he thanked"
		} else {
			return nameRun{}, false
		}
	}
	for k < hi && !toks[k].word {
		k++
	}
	if k >= hi {
		return nameRun{}, false
	}
	r := d.fwdNP(k, hi)
	if r.j <= r.i {
		return nameRun{}, false
	}
	for r.i < r.j-1 && toks[r.i].isCap() && commonWords[toks[r.i].lower()] && !determiners[toks[r.i].lower()] {
		r.i++
	}
	n := parseNP(toks, r.i, r.j)
	x := r.j
	if (n.isRole() || n.owner != "") && x < hi && toks[x].word && prepositions[toks[x].lower()] {
		// "Ukraine's ambassador to the U.S., Oksana Markarova, said"
		for y := x; y < hi && y-x < 8; y++ {
			if toks[y].s == "," {
				x = y
				break
			}
		}
	}
	if n.pron != "" && x+1 < hi && toks[x].s == "," && indefiniteDet[toks[x+1].lower()] {
		// "One of them, a man from Lyon whose shop was burned, said": the
		// description says more than the pronoun.
		for y := x + 1; y < hi && y-x <= 25 && d.inSpan[y] < 0; y++ {
			if toks[y].s == "," {
				if an := parseNP(toks, x+1, y); an.isRole() && an.indefinite && y > x+2 {
					return nameRun{x + 1, y}, true
				}
				break
			}
		}
	}
	if (n.isRole() || n.owner != "") && x+1 < hi && toks[x].s == "," {
		// "The pope's older brother, John Prevost, told"
		f := d.fwdNP(x+1, hi)
		if f.j > f.i && f.j < hi && toks[f.j].s == "," {
			if fn := parseNP(toks, f.i, f.j); len(fn.name) > 0 && !fn.isRole() && !fn.poss {
				return f, true
			} else if fn.isRole() && fn.indefinite && len(fn.name) == 0 && (n.det == "his" || n.det == "her" || n.det == "their" || n.owner != "") {
				// "Her neighbour, a retired teacher, agreed": the
				// description names the speaker the possessive cannot.
				return f, true
			}
		}
	}
	if n.poss || d.conjoined(r) {
		return nameRun{}, false
	}
	if r.j < hi && toks[r.j].word && toks[r.j].lower() == "and" {
		return nameRun{}, false
	}
	if validSpeakerNP(n) && (n.pron == "" || n.pron == "he" || n.pron == "she" || n.pron == "it" || n.pron == "they") {
		if n.isRole() && n.det != "" && n.det != "the" && n.det != "his" && n.det != "her" && n.det != "its" && n.det != "their" || len(n.of) > 0 {
			r = d.extendAnon(r, hi)
		} else if n.isRole() && r.j < hi && toks[r.j].word && prepositions[toks[r.j].lower()] {
			r = d.extendAnon(r, hi)
		}
		return r, true
	}
	return nameRun{}, false
}

// skipPP returns the token after the prepositional phrase at k.
func (d *doc) skipPP(k, hi int) int {
	r := forwardNP(d.toks, k+1, hi)
	if r.j > r.i {
		return r.j
	}
	if k+2 <= hi {
		return k + 2
	}
	return hi
}

// skipDateline returns the first token after a wire dateline opening the
// sentence at lo ("BERLIN, Aug 27 (Reuters) -", "VATICAN CITY (AP) —"), or lo.
func (d *doc) skipDateline(lo, hi int) int {
	toks := d.toks
	if lo >= hi || !toks[lo].word || !isAllCaps(toks[lo].s) || len(toks[lo].s) < 2 {
		return lo
	}
	for k := lo + 1; k < hi && k-lo < 16; k++ {
		t := toks[k]
		switch {
		case t.s == "—" || t.s == "–" || t.s == "-":
			return k + 1
		case t.word && (t.isCap() || unicode.IsDigit(firstRune(t.s))):
		case t.s == "," || t.s == "(" || t.s == ")" || t.s == "." || t.s == "/":
		default:
			return lo
		}
	}
	return lo
}

// fwdNP is forwardNP extended over a registered organisation name with
// small words inside ("the Hostages and Missing Families Forum").
func (d *doc) fwdNP(k, hi int) nameRun {
	r := forwardNP(d.toks, k, hi)
	if e := d.orgSpanAt(k, hi); e > r.j {
		r.j = e
	}
	return r
}

// bwdNP is backNP extended over a registered organisation name.
func (d *doc) bwdNP(lo, k int) nameRun {
	r := backNP(d.toks, lo, k)
	if b := d.orgSpanEnding(lo, k); b >= lo && b < r.i {
		r.i = b
	}
	return r
}

// orgSpanAt returns the end of a registered organisation's name starting
// at token k (after an optional "the"), or -1.
func (d *doc) orgSpanAt(k, hi int) int {
	if d.reg == nil || k >= hi || k >= len(d.toks) {
		return -1
	}
	if d.toks[k].lower() == "the" {
		k++
	}
	for _, n := range d.reg.orgLens {
		if k+n <= hi && d.orgWordsAt(k, n) != nil {
			return k + n
		}
	}
	return -1
}

// orgSpanEnding returns the start of a registered organisation's name
// ending at token k, or -1.
func (d *doc) orgSpanEnding(lo, k int) int {
	if d.reg == nil || k < 0 || k >= len(d.toks) {
		return -1
	}
	for _, n := range d.reg.orgLens {
		if b := k + 1 - n; b >= lo && d.orgWordsAt(b, n) != nil {
			return b
		}
	}
	return -1
}

// orgWordsAt returns the organisation whose name is the n tokens from k.
func (d *doc) orgWordsAt(k, n int) *entity {
	if k < 0 || k+n > len(d.toks) {
		return nil
	}
	var b strings.Builder
	for x := k; x < k+n; x++ {
		t := d.toks[x]
		if !t.word {
			return nil
		}
		if x > k {
			b.WriteByte(0)
		}
		b.WriteString(t.lower())
	}
	return d.reg.orgsByWords[b.String()]
}

// attrRange looks for an attribution at the start of toks[lo:hi], the words
// right after a quote: "he said", "said Healey", "Healey told the BBC",
// "according to X", "the statement said, quoting X".
func (d *doc) attrRange(lo, hi int) (nameRun, bool) {
	toks := d.toks
	k := lo
	for k < hi && !toks[k].word && markFamily(firstRune(toks[k].s)) == famNone && toks[k].s != "(" {
		k++
	}
	if k >= hi || k-lo > 3 {
		return nameRun{}, false
	}
	// "quoting X" overrides the document that quotes.
	for x := k; x+1 < hi; x++ {
		if toks[x].lower() == "quoting" {
			r := forwardNP(toks, x+1, hi)
			if r.j > r.i && validSpeakerNP(parseNP(toks, r.i, r.j)) {
				return r, true
			}
		}
	}
	// Verb first: "said Healey".
	v := d.skipAuxFwd(k, hi)
	if lemma, ok := d.isSpeechAt(v); ok && v < hi && !noInversionLemmas[lemma] {
		r := forwardNP(toks, v+1, hi)
		if r.j > r.i {
			n := parseNP(toks, r.i, r.j)
			if validSpeakerNP(n) && n.pron != "it" {
				if n.isRole() || n.orgHead != "" || n.indefinite {
					r = d.extendAnon(r, hi)
				}
				return r, true
			}
		}
	}
	// Speaker first: "Healey said", "the Élysée source said".
	if r, ok := d.speakerThenVerb(k, hi); ok {
		return r, true
	}
	return nameRun{}, false
}

// anonymityClause reports whether a relative clause only explains why a
// source is unnamed ("who asked not to be named", "who spoke on condition
// of anonymity"), which describes nobody.
func anonymityClause(toks []token) bool {
	for _, t := range toks {
		switch t.lower() {
		case "named", "identified", "anonymity", "authorised", "authorized", "anonymous":
			return true
		}
	}
	return false
}

// npAfter parses the speaker noun phrase starting at k.
func (d *doc) npAfter(k, hi int) (nameRun, bool) {
	r := d.fwdNP(k, hi)
	if r.j <= r.i {
		return nameRun{}, false
	}
	n := parseNP(d.toks, r.i, r.j)
	if !validSpeakerNP(n) {
		return nameRun{}, false
	}
	if n.isRole() || n.orgHead != "" || n.indefinite {
		r = d.extendAnon(r, hi)
	}
	return r, true
}

// finalClause looks for a sentence-final attribution after a quote:
// "..., the Élysée source said." or ", Ukraine's foreign minister was quick
// to point out."
func (d *doc) finalClause(lo, hi int) (nameRun, bool) {
	toks := d.toks
	for x := hi - 1; x > lo; x-- {
		if d.inSpan[x] >= 0 {
			break
		}
		s := toks[x].s
		if s != "," && s != "—" && s != "–" && s != "-" && s != ";" {
			continue
		}
		if r, ok := d.speakerThenVerb(x+1, hi); ok {
			// Nothing much may follow the verb.
			return r, true
		}
	}
	return nameRun{}, false
}

// speakerThenVerb matches a speaker noun phrase at toks[k] followed by a
// speech verb (allowing an apposition in commas and auxiliaries between).
func (d *doc) speakerThenVerb(k, hi int) (nameRun, bool) {
	toks := d.toks
	r := d.fwdNP(k, hi)
	if r.j <= r.i {
		return nameRun{}, false
	}
	n := parseNP(toks, r.i, r.j)
	if !validSpeakerNP(n) {
		return nameRun{}, false
	}
	if n.isRole() || n.indefinite || len(n.of) > 0 {
		r = d.extendAnon(r, hi)
	}
	m := r.j
	if m < hi && toks[m].s == "," {
		// "Healey, who was in Kyiv, said"
		x := m + 1
		for x < hi && toks[x].s != "," && x-m < 30 {
			x++
		}
		if x < hi && toks[x].s == "," {
			if w := d.skipAuxFwd(x+1, hi); w < hi {
				if _, ok := d.isSpeechAt(w); ok {
					// "a senior union official, Maria Lopez, told": the name
					// in apposition to a role is the speaker.
					if a := forwardNP(toks, m+1, x); n.isRole() && a.i == m+1 && a.j == x {
						if an := parseNP(toks, a.i, a.j); len(an.name) > 0 && !an.isRole() && !an.poss && an.pron == "" {
							return a, true
						}
					}
					return r, true
				}
			}
		}
		return nameRun{}, false
	}
	if m < hi && n.indefinite && n.isRole() && toks[m].word && (toks[m].lower() == "who" || toks[m].lower() == "whose") {
		// "a man who had queued since dawn told AFP": a restrictive
		// clause belongs to the description of an unnamed speaker.
		for x := m + 1; x < hi && x-m <= 25; x++ {
			if d.inSpan[x] >= 0 || toks[x].s == "," || toks[x].s == ";" {
				break
			}
			if _, ok := d.isSpeechAt(x); !ok || !d.isVerbUse(x) {
				continue
			}
			if e := d.skipAuxBack(m, x-1); e > m+1 {
				if anonymityClause(toks[m+1 : e+1]) {
					return r, true // "a diplomat who asked not to be named said"
				}
				return nameRun{r.i, e + 1}, true
			}
		}
		return nameRun{}, false
	}
	m = d.skipAuxFwd(m, hi)
	if _, ok := d.isSpeechAt(m); ok && m < hi {
		return r, true
	}
	return nameRun{}, false
}

// preAttribution finds the speaker of a quote from the words before it in
// toks[lo:hi]: "according to X,", "X quoted Y as saying", a passive "told by
// X", "statements by X", or the subject of the nearest speech verb.
func (d *doc) preAttribution(lo, hi int) (nameRun, bool) {
	toks := d.toks
	lo = d.skipDateline(lo, hi) // "LIMA, May 3 (AFP) -" names no speaker
	for x := lo; x+1 < hi; x++ {
		if d.inSpan[x] < 0 && toks[x].lower() == "according" && toks[x+1].lower() == "to" {
			if r, ok := d.npAfter(x+2, hi); ok {
				return r, true
			}
		}
	}
	if r, ok := d.verbAttribution(lo, hi, false); ok {
		return r, true
	}
	return d.verbAttribution(lo, hi, true)
}

// verbAttribution scans toks[lo:hi] back from the quote for the nearest
// speech verb or speech noun and returns its speaker. Weak verbs ("hope",
// "believe") count only when weak is set.
func (d *doc) verbAttribution(lo, hi int, weak bool) (nameRun, bool) {
	toks := d.toks
	tried := 0
	for v := hi - 1; v >= lo; v-- {
		if d.inSpan[v] >= 0 {
			continue
		}
		t := toks[v]
		lw := t.lower()
		// "statements by President Donald Trump", "comments from X"
		if t.word && (speechNouns[lw] || speechNouns[strings.TrimSuffix(lw, "s")]) && v+2 < hi && (toks[v+1].lower() == "by" || toks[v+1].lower() == "from") {
			if r, ok := d.npAfter(v+2, hi); ok {
				return r, true
			}
		}
		// "her promise of "...", "who built her campaign on a promise of
		// "...": the promise is its maker's words.
		if t.word && promiseNouns[lw] && v+2 == hi && toks[v+1].lower() == "of" {
			if r, ok := d.speechNounOwner(v, lo); ok {
				return r, true
			}
			if r, ok := d.relativeAntecedent(v, lo); ok {
				return r, true
			}
		}
		// "Ukrainian President Volodymyr Zelensky’s declaration that"
		if t.word && (speechNouns[lw] || speechNouns[strings.TrimSuffix(lw, "s")]) && v+1 < hi && toks[v+1].word && toks[v+1].lower() == "that" {
			if r, ok := d.speechNounOwner(v, lo); ok {
				return r, true
			}
		}
		lemma, ok := d.isSpeechAt(v)
		if !ok || !d.isVerbUse(v) || weakSpeechLemmas[lemma] != weak {
			continue
		}
		// A sentence names its speaker near one of its first few verbs of
		// saying; text made of nothing else must not cost more.
		if tried++; tried > maxVerbsTried {
			break
		}
		if u := d.outerReport(v, lemma, lo); u >= 0 {
			// "The ministry said in a statement that the minister had urged
			// banks to "...": the words are the statement's.
			v, lw = u, toks[u].lower()
		}
		if d.isPassive(v, lo) {
			// "had been told by one US negotiator"
			if v+2 < hi && toks[v+1].lower() == "by" {
				if r, ok := d.npAfter(v+2, hi); ok {
					return r, true
				}
			}
			continue
		}
		// "X quoted Y as saying", "Y was quoted as saying"
		if (lw == "saying" || lw == "telling") && v-1 >= lo && toks[v-1].lower() == "as" {
			if r, ok := d.quotedAs(v-1, lo, hi); ok {
				return r, true
			}
		}
		if r, ok := d.subjectBefore(v, lo); ok {
			if r.i > lo && toks[r.i-1].word {
				switch toks[r.i-1].lower() {
				case "how", "whether", "why", "if":
					// An indirect question: "struck by how many young
					// people had written to him".
					continue
				}
			}
			return r, true
		}
		if pv := d.skipAuxBack(lo, v-1); pv >= lo && toks[pv].word && (toks[pv].lower() == "and" || toks[pv].lower() == "but" || toks[pv].lower() == "then") {
			// "A senior EU diplomat said ... but described", "although Healey
			// struck a tone and told": the verbs share their clause's subject.
			if r, ok := d.clauseSubject(pv, lo); ok {
				return r, true
			}
			continue
		}
		if strings.HasSuffix(lw, "ing") && v > lo && (toks[v-1].s == "," || prepositions[toks[v-1].lower()]) {
			// "..., adding that", "by telling": the sentence's subject speaks.
			if r, ok := d.firstSubjectNP(lo, v); ok {
				return r, true
			}
			continue
		}
		if r, ok := d.clauseSubject(v, lo); ok {
			return r, true
		}
	}
	return nameRun{}, false
}

// coreReportLemmas put words in somebody's mouth directly.
var coreReportLemmas = set(`say, tell, write, add, state, declare, announce, post, tweet, claim,
	insist, argue, note, report, confirm, explain`)

// outerReport returns the verb of saying whose "that" clause holds the verb
// at v, when v itself does not report words ("said ... and that the
// company would respond "promptly""), or -1.
func (d *doc) outerReport(v int, lemma string, lo int) int {
	if coreReportLemmas[lemma] {
		return -1
	}
	toks := d.toks
	for t := v - 1; t > lo && v-t < 30; t-- {
		if d.inSpan[t] >= 0 || toks[t].s == ";" || toks[t].s == ":" {
			return -1
		}
		if toks[t].lower() != "that" || !toks[t].word {
			continue
		}
		for u := t - 1; u >= lo && t-u < 30; u-- {
			if d.inSpan[u] >= 0 {
				continue
			}
			if toks[u].s == ";" || toks[u].s == ":" {
				return -1
			}
			if l, ok := d.isSpeechAt(u); ok && coreReportLemmas[l] && d.isVerbUse(u) && !d.isPassive(u, lo) {
				return u
			}
		}
		return -1
	}
	return -1
}

// maxVerbsTried bounds the verbs of saying verbAttribution examines.
const maxVerbsTried = 8

// quotedAs handles "Corriere della Sera quoted a cardinal elector, who was
// not identified, as saying" and "Pistorius was quoted as saying"; as is the
// index of "as".
func (d *doc) quotedAs(as, lo, hi int) (nameRun, bool) {
	toks := d.toks
	for x := as - 1; x >= lo && as-x < 30; x-- {
		lw := toks[x].lower()
		if lw != "quoted" && lw != "cited" && lw != "quotes" && lw != "cites" {
			continue
		}
		if x-1 >= lo && (toks[x-1].lower() == "was" || toks[x-1].lower() == "were" || toks[x-1].lower() == "been") {
			return d.subjectBefore(x-1, lo)
		}
		return d.npAfter(x+1, as)
	}
	return nameRun{}, false
}

// noSpeaker reports whether the quote of span i names or labels something
// rather than reporting speech: a scare quote ("the so-called", "dubbed"),
// a title in title case, a name used as a modifier ("the "one in, one out"
// arrangement"), or the words of a question put to somebody ("When asked
// whether the UK's role was to "watch and wait"").
func (d *doc) noSpeaker(i int) bool {
	o := d.spanTok[i][0]
	s := d.tokSent[o]
	lo := 0
	if s >= 0 {
		lo = d.sLo(s, o)
	}
	sp := d.spans[i]
	words := quoteWords(d.text[sp.begin:sp.end])
	inside := d.hasWordsBefore(lo, o) || d.wordsAfterInSentence(i)
	colon := o > 0 && d.toks[o-1].s == ":"
	if inside && !colon && len(words) >= 2 && len(words) <= 7 && titleCase(words) {
		return true
	}
	if inside && !colon && len(words) == 1 && titleCase(words) && !d.speechJustBefore(o, lo) {
		return true
	}
	// "the “one in, one out” arrangement", "his flagship "green streets"
	// scheme": a name modifying a noun, with the determiner outside.
	if len(words) >= 2 && d.modifierSlot(o, lo) && !slices.ContainsFunc(words, func(w string) bool {
		// "the "deeply flawed" plan" judges; it names nothing.
		w = strings.ToLower(w)
		return w == "and" || w == "but" || w == "or" || w == "not" || len(w) > 4 && strings.HasSuffix(w, "ly")
	}) {
		if c := d.spanTok[i][1]; c >= 0 && c+1 < len(d.toks) && d.toks[c+1].word {
			nx := d.toks[c+1].lower()
			if !d.toks[c+1].isCap() && !functionWords[nx] && !isSpeechWord(d.toks[c+1]) && !strings.HasSuffix(nx, "ing") && !strings.HasSuffix(nx, "ed") && !strings.HasSuffix(nx, "ly") {
				return true
			}
		}
	}
	return false
}

// modifierSlot reports whether the quote opening at token o follows a
// determiner ("the") or a determiner and one modifier ("his flagship"), so
// that the quote stands inside a noun phrase.
func (d *doc) modifierSlot(o, lo int) bool {
	p := o - 1
	if p < lo || !d.toks[p].word {
		return false
	}
	switch d.toks[p].lower() {
	case "the", "his", "her", "its", "their", "our":
		// Not "a "very serious" situation": an indefinite article
		// introduces a judgement more often than a name.
		return true
	}
	t := d.toks[p]
	if t.isCap() || functionWords[t.lower()] || isSpeechWord(t) || strings.HasSuffix(t.lower(), "ly") || p-1 < lo {
		return false
	}
	switch d.toks[p-1].lower() {
	case "the", "his", "her", "its", "their", "our":
		return true
	}
	return false
}

// titleInSentence reports whether the quote of span i is a title or name
// in a reporter's sentence: two to seven words in title case, with words
// before it in its sentence and no colon introducing it ("troops took part
// in "Iron Shield," officials said", "Under the 1998 "Harbour Accord," the
// city agreed"). Whatever verb of saying follows, it is nobody's
// statement.
func (d *doc) titleInSentence(i int) bool {
	o := d.spanTok[i][0]
	s := d.tokSent[o]
	if s < 0 || o == 0 || d.toks[o-1].s == ":" {
		return false
	}
	sp := d.spans[i]
	words := quoteWords(d.text[sp.begin:sp.end])
	// In a headline written in title case every phrase looks like a name.
	return len(words) >= 2 && len(words) <= 7 && titleCase(words) && d.hasWordsBefore(d.sLo(s, o), o) && !d.titleCaseAround(o)
}

// introducedAsTerm reports whether the quote of span i is a scare quote
// ("the so-called", "dubbed") or the words of a question put to somebody
// ("When asked whether the UK's role was to "watch and wait""): whoever
// the sentence goes on to quote, these words are nobody's statement.
func (d *doc) introducedAsTerm(i int) bool {
	o := d.spanTok[i][0]
	s := d.tokSent[o]
	lo := 0
	if s >= 0 {
		lo = d.sLo(s, o)
	}
	if d.scareQuote(o, lo) {
		return true
	}
	for k := o - 1; k >= lo; k-- {
		t := d.toks[k]
		if !t.word {
			if t.s == "," || t.s == ":" || t.s == ";" || d.inSpan[k] >= 0 {
				break
			}
			continue
		}
		if t.lower() == "asked" || t.lower() == "asking" {
			for x := k + 1; x < o && x-k <= 8; x++ {
				switch d.toks[x].lower() {
				case "whether", "if", "about", "what", "how", "why", "when", "who":
					return true
				}
			}
		}
	}
	return false
}

// functionWords may follow a quote without making it a modifier.
var functionWords = set(`of, to, and, or, but, that, which, who, was, is, were, are, has, had, have, with,
	for, in, on, at, by, as, from, would, will, could, should, can, may, might, must, be, been,
	than, then, if, so, because, while, when, where, into, onto, over, under, after, before,
	about, against, between, regarding, not, nor, yet, its, it, he, she, they, we, i, you, his,
	her, their, our, the, a, an, this, that, these, those, there, here, now, also, even, just,
	does, did, do, toward, towards, across, through, despite, during, since, until, upon, via,
	per, like, unlike, whether, said, says, say, told`)

// speechJustBefore reports whether a speech verb stands within two words
// before the quote ("what Olaf Scholz called the “Zeitenwende”").
func (d *doc) speechJustBefore(o, lo int) bool {
	n := 0
	for k := o - 1; k >= lo && n < 3; k-- {
		if !d.toks[k].word {
			continue
		}
		n++
		if isSpeechWord(d.toks[k]) {
			return true
		}
	}
	return false
}

func (d *doc) wordsAfterInSentence(i int) bool {
	c := d.spanTok[i][1]
	if c < 0 {
		return false
	}
	s := d.tokSent[c]
	if s < 0 {
		return false
	}
	for k := c + 1; k < d.sHi(s, c); k++ {
		if d.toks[k].word {
			return true
		}
	}
	return false
}

// quoteWords splits a quote into words, dropping punctuation.
func quoteWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '-' && r != '\'' && r != '’')
	})
}

// titleCase reports whether every word starts with a capital, except short
// function words.
func titleCase(words []string) bool {
	caps := 0
	for _, w := range words {
		r := firstRune(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r):
		case titleSmallWords[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return caps > 0
}

var titleSmallWords = set(`of, the, and, a, an, in, on, for, to, at, by, with, from, or, nor, but, de, du, la,
	le, um, el, al, von, van, der, des, di, da, y, et, und`)

// scareQuote reports whether the quote opening at token o is introduced as a
// name or term ("the so-called", "dubbed", "titled").
func (d *doc) scareQuote(o, lo int) bool {
	toks := d.toks
	var ws []string
	for k := o - 1; k >= lo && len(ws) < 3; k-- {
		if !toks[k].word {
			if len(ws) == 0 && (toks[k].s == "," || toks[k].s == ":") {
				return false
			}
			break
		}
		ws = append(ws, toks[k].lower())
	}
	if len(ws) == 0 {
		return false
	}
	if scareIntro[ws[0]] {
		return true
	}
	if len(ws) >= 2 {
		if scareIntro[ws[1]+" "+ws[0]] {
			return true
		}
		if determiners[ws[0]] && (scareIntro[ws[1]] || ws[1] == "called" && len(ws) >= 3 && (ws[2] == "is" || ws[2] == "was" || ws[2] == "been")) {
			return true // "dubbed the", "what has been called the"
		}
	}
	return false
}
