package quote

import "strings"

// The word lists below encode English news conventions. Every entry is
// lower case; lookups lower-case the word first.

func set(words ...string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range words {
		for _, f := range strings.Split(w, "\n") {
			f = strings.TrimSpace(f)
			if f == "" || strings.HasPrefix(f, "#") {
				continue
			}
			for _, x := range strings.Split(f, ",") {
				if x = strings.TrimSpace(x); x != "" {
					m[x] = true
				}
			}
		}
	}
	return m
}

// speechVerbs maps every inflected form of a verb of saying to its lemma.
var speechVerbs = func() map[string]string {
	m := make(map[string]string)
	// lemma: forms (regular forms are generated when the list is just the lemma).
	irregular := map[string][]string{
		"say":          {"say", "says", "said", "saying"},
		"tell":         {"tell", "tells", "told", "telling"},
		"write":        {"write", "writes", "wrote", "writing", "written"},
		"speak":        {"speak", "speaks", "spoke", "speaking"},
		"cry":          {"cry", "cries", "cried", "crying"},
		"reply":        {"reply", "replies", "replied", "replying"},
		"deny":         {"deny", "denies", "denied", "denying"},
		"testify":      {"testify", "testifies", "testified", "testifying"},
		"quip":         {"quip", "quips", "quipped", "quipping"},
		"admit":        {"admit", "admits", "admitted", "admitting"},
		"vow":          {"vow", "vows", "vowed", "vowing"},
		"tweet":        {"tweet", "tweets", "tweeted", "tweeting"},
		"post":         {"post", "posts", "posted", "posting"},
		"stress":       {"stress", "stresses", "stressed", "stressing"},
		"insist":       {"insist", "insists", "insisted", "insisting"},
		"underscore":   {"underscore", "underscores", "underscored", "underscoring"},
		"emphasise":    {"emphasise", "emphasises", "emphasised", "emphasising", "emphasize", "emphasizes", "emphasized", "emphasizing"},
		"characterise": {"characterise", "characterises", "characterised", "characterising", "characterize", "characterizes", "characterized", "characterizing"},
		"criticise":    {"criticise", "criticises", "criticised", "criticising", "criticize", "criticizes", "criticized", "criticizing"},
		"recognise":    {"recognise", "recognises", "recognised", "recognising", "recognize", "recognizes", "recognized", "recognizing"},
		"summarise":    {"summarise", "summarises", "summarised", "summarising", "summarize", "summarizes", "summarized", "summarizing"},
		"apologise":    {"apologise", "apologises", "apologised", "apologising", "apologize", "apologizes", "apologized", "apologizing"},
		"slam":         {"slam", "slams", "slammed", "slamming"},
		"plead":        {"plead", "pleads", "pleaded", "pled", "pleading"},
		"swear":        {"swear", "swears", "swore", "sworn", "swearing"},
		"forecast":     {"forecast", "forecasts", "forecasted", "forecasting"},
		"read":         {"read", "reads"},
		"sob":          {"sob", "sobs", "sobbed"},
		"chat":         {"chatted"},
		"bid":          {"bid"},
	}
	for lemma, forms := range irregular {
		for _, f := range forms {
			m[f] = lemma
		}
	}
	regular := strings.Fields(`
		add state warn argue note claim respond affirm urge declare explain announce ask answer
		comment remark suggest acknowledge concede confirm maintain contend assert underline
		reiterate repeat recall observe predict promise pledge threaten demand describe dismiss
		accuse blast praise complain lament boast joke exclaim shout yell whisper mutter inform
		report reveal disclose indicate signal mention conclude continue recount caution advise
		propose hint counter retort protest object agree concur reaffirm express reckon estimate
		point mock scoff sneer fume rage thunder hail welcome celebrate announce assure reassure
		explain elaborate clarify allege charge complain insist recommend request implore beg
		appeal call brand label describe characterise condemn denounce decry question query
		wonder muse reflect recount relate narrate highlight flag outline detail list announce
		proclaim pronounce declare warn notify brief update stress emphasise remind tell teach
		interject interrupt chime echo parrot retort rejoin snap snarl growl bark roar scream
		groan sigh laugh chuckle smile grin gush enthuse rave confide confess volunteer offer
		counsel opine posit theorise hypothesise speculate surmise predict project calculate
		reckon judge assess evaluate believe think feel hope fear worry expect acknowledge
		tout trumpet champion defend justify rebut refute reject repudiate contradict dispute
		challenge deny decline refuse order instruct command direct vow guarantee warrant
		affirm certify attest swear undertake commit shrug nod beam`)
	for _, lemma := range regular {
		if _, ok := m[lemma]; ok && m[lemma] != lemma {
			continue
		}
		for _, f := range regularForms(lemma) {
			if _, ok := m[f]; !ok {
				m[f] = lemma
			}
		}
	}
	return m
}()

// weakSpeechLemmas are verbs that take a quote but are not enough on their own
// to make a sentence's subject the speaker of a quote at the far end of the
// sentence; they still count when they sit next to the quote.
var weakSpeechLemmas = set(`believe, think, feel, hope, fear, worry, expect, judge, assess, evaluate,
	calculate, project, estimate, read, offer, order, direct, teach, list, detail,
	laugh, smile, grin, sigh, chuckle, shrug, nod, beam, bid, chat, decline, refuse, welcome, celebrate, hail,
	defend, challenge, question, reject, dispute, commit, undertake`)

// noInversionLemmas are speech verbs after which the next noun phrase is the
// addressee, not the speaker ("told the BBC", "urged Donald Trump").
var noInversionLemmas = set(`tell, urge, warn, inform, assure, reassure, brief, update, notify,
	remind, ask, accuse, blast, slam, praise, criticise, condemn, denounce, implore, beg, call,
	brand, label, describe, characterise, mock, question, instruct, order, command, direct,
	teach, counsel, advise, thank, hail, welcome, caution, query, defend, dismiss, reject,
	challenge, refuse, decline, express, highlight, flag, outline, detail, list, offer,
	reveal, disclose, tout, trumpet, champion, justify, contradict, dispute, rebut, refute,
	commit, promise, pledge, guarantee, propose, recommend, request, demand, mention, report,
	post, tweet, write, read, echo, parrot, point, announce, suggest, signal, indicate,
	summarise, predict, forecast, apologise, recognise, underscore, underline, emphasise,
	stress, acknowledge, confirm, deny, admit, hint, concede`)

func regularForms(lemma string) []string {
	var s, ed, ing string
	switch {
	case strings.HasSuffix(lemma, "e"):
		s, ed, ing = lemma+"s", lemma+"d", lemma[:len(lemma)-1]+"ing"
	case strings.HasSuffix(lemma, "y") && !strings.ContainsAny(lemma[len(lemma)-2:len(lemma)-1], "aeiou"):
		s, ed, ing = lemma[:len(lemma)-1]+"ies", lemma[:len(lemma)-1]+"ied", lemma+"ing"
	case strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "ss") || strings.HasSuffix(lemma, "x"):
		s, ed, ing = lemma+"es", lemma+"ed", lemma+"ing"
	default:
		s, ed, ing = lemma+"s", lemma+"ed", lemma+"ing"
	}
	return []string{lemma, s, ed, ing}
}

// speechNounPhrases introduce a quote without a verb: "in a statement", "in
// a post on X". They mark the sentence as attributive.
var speechNouns = set(`statement, interview, post, tweet, message, letter, speech, remarks, comments,
	address, briefing, press conference, news conference, op-ed, column, essay, blog, video,
	broadcast, podcast, testimony, communique, communiqué, declaration, announcement, readout`)

// anonHeads head descriptions that stand for unnamed people ("the Élysée
// source"), never for a named person the passage is about.
var anonHeads = set(`source, official, diplomat, aide, insider, spokesman, spokeswoman, spokesperson,
	person, resident, witness, negotiator, adviser, advisor, officer, employee, worker`)

// promiseNouns are words somebody gave, quoted after "of": "a promise of
// "homes for all"".
var promiseNouns = set(`promise, pledge, vow, warning, promises, pledges, vows, warnings`)

// pronouns that can stand for a speaker.
var personPronouns = set(`he, she`)

// determiners that open a noun phrase.
var determiners = set(`the, a, an, his, her, its, their, our, this, that, these, those, one, another, some, several, two, three, four, five, many`)

// honorifics precede a name and say the bearer is a person.
var honorifics = map[string]byte{
	"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f',
	"sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f', "dr": 0, "dr.": 0, "prof": 0, "prof.": 0,
	"professor": 0, "baroness": 'f', "baron": 'm', "rev": 0, "rev.": 0, "reverend": 0,
	"father": 'm', "sister": 'f', "brother": 'm', "king": 'm', "queen": 'f', "prince": 'm',
	"princess": 'f', "sheikh": 'm', "sheik": 'm', "emir": 'm', "pope": 'm', "cardinal": 'm',
	"rabbi": 0, "imam": 'm', "mme": 'f', "mme.": 'f', "mlle": 'f', "m.": 'm', "herr": 'm',
	"frau": 'f', "señor": 'm', "señora": 'f', "monsieur": 'm', "madame": 'f', "mx": 0,
	"earl": 'm', "duke": 'm', "duchess": 'f', "countess": 'f', "count": 'm',
}

// titles are role words that can precede a name ("Defence Secretary John
// Healey", "Admiral Sir Tony Radakin") or stand for the person ("the defence
// secretary"). Multi-word titles are matched as a whole.
var titleWords = set(`
	president, vice-president, secretary-general, director-general, president-elect, premier, prime, minister, secretary, chancellor, leader, chief,
	head, general, gen, gen., admiral, adm, adm., colonel, col, col., lieutenant, lt, lt., major,
	maj, maj., captain, capt, capt., sergeant, sgt, sgt., corporal, cpl, private, commander, cmdr,
	marshal, brigadier, senator, sen, sen., representative, rep, rep., congressman,
	congresswoman, governor, gov, gov., mayor, ambassador, envoy, judge, justice, attorney,
	spokesman, spokeswoman, spokesperson, spokespeople, official, officials, adviser, advisor,
	aide, diplomat, negotiator, commissioner, director, chairman, chairwoman, chair, ceo,
	founder, speaker, lawmaker, legislator, mp, mep, councillor, councilor, deputy,
	correspondent, editor, reporter, analyst, expert, economist, researcher, scholar,
	historian, lawyer, prosecutor, investigator, inspector, superintendent, constable,
	detective, officer, agent, source, sources, counterpart, coordinator, administrator,
	executive, manager, president-elect, king, queen, prince, princess, pope, emir, sheikh,
	monarch, sultan, ayatollah, patriarch, metropolitan, archbishop, bishop, cardinal, rabbi,
	imam, cleric, spokesmen, spokeswomen, presidents, ministers, secretaries, leaders, chiefs,
	generals, commanders, diplomats, analysts, experts, journalist, mediator, monitor,
	observer, rapporteur, delegate, delegation, campaigner, activist, resident, witness,
	survivor, soldier, commentator, strategist, pollster, owner, boss, candidate, nominee,
	whip, clerk, treasurer, comptroller, auditor, ombudsman, regent, tsar, czar, viceroy,
	consul, attaché, attache, envoys, ambassadors, mps, lawmakers, senators, governors,
	mayors, premiers, chancellors, negotiators, officers, soldiers, residents, witnesses`)

// titleAbbrevs spell out abbreviated titles, so that "Gen. Burhan" is
// "the general".
var titleAbbrevs = map[string]string{
	"gen": "general", "col": "colonel", "lt": "lieutenant", "sen": "senator",
	"rep": "representative", "gov": "governor", "adm": "admiral", "capt": "captain",
	"sgt": "sergeant", "maj": "major", "cmdr": "commander", "cpl": "corporal",
	"brig": "brigadier", "supt": "superintendent", "insp": "inspector", "det": "detective",
}

// multiTitles are role heads of several words, longest first when matching.
var multiTitles = []string{
	"secretary of state for defence", "secretary of state", "secretary-general", "secretary general",
	"chief of staff", "chief of the defence staff", "chief of defence staff", "national security adviser",
	"national security advisor", "press secretary", "foreign secretary", "home secretary",
	"defence secretary", "defense secretary", "health secretary", "business secretary",
	"treasury secretary", "energy secretary", "culture secretary", "justice secretary",
	"transport secretary", "education secretary", "environment secretary", "work and pensions secretary",
	"northern ireland secretary", "scotland secretary", "wales secretary", "shadow defence secretary",
	"shadow foreign secretary", "shadow home secretary", "shadow chancellor", "first minister",
	"prime minister", "deputy prime minister", "foreign minister", "defence minister", "defense minister",
	"interior minister", "finance minister", "economy minister", "energy minister", "justice minister",
	"health minister", "trade minister", "armed forces minister", "veterans minister", "europe minister",
	"security minister", "foreign affairs minister", "minister of foreign affairs", "minister of defence",
	"minister of defense", "vice president", "vice-president", "attorney general", "attorney-general",
	"solicitor general", "chief executive", "chief executive officer", "general secretary",
	"high representative", "special envoy", "special representative", "foreign policy chief",
	"commander-in-chief", "commander in chief", "army chief", "military chief", "intelligence chief",
	"spy chief", "head of state", "head of government", "house speaker", "senate majority leader",
	"majority leader", "minority leader", "opposition leader", "party leader", "deputy leader",
	"supreme leader", "crown prince", "field marshal", "lieutenant general", "major general",
	"brigadier general", "rear admiral", "vice admiral", "air marshal", "air chief marshal",
	"chief of the general staff", "chief of general staff", "defence chief", "defense chief",
	"police chief", "fire chief", "government spokesman", "government spokeswoman",
	"government spokesperson", "foreign ministry spokesman", "foreign ministry spokeswoman",
	"foreign ministry spokesperson", "kremlin spokesman", "white house press secretary",
	"cabinet minister", "cabinet secretary", "junior minister", "shadow minister", "ceo",
}

// leaderHeads are interchangeable when an article says "the Ukrainian leader"
// for a president or a prime minister.
var leaderHeads = set(`president, prime minister, premier, chancellor, leader, head of state,
	head of government, supreme leader, king, emir, crown prince`)

// modifiers can stand inside a role noun phrase before its head ("the German
// government spokesman", "a senior Ukrainian official").
var roleModifiers = set(`government, foreign, defence, defense, military, senior, top, former,
	deputy, acting, interim, chief, cabinet, interior, home, finance, treasury, justice,
	health, energy, trade, economy, security, intelligence, state, federal, national,
	regional, local, party, opposition, presidential, royal, ministry, army, navy, police,
	press, special, high, vice, shadow, junior, assistant, associate, principal, lead,
	leading, veteran, retired, longtime, long-time, then, new, outgoing, incoming, current,
	first, second, third, sitting, de, facto, unnamed, anonymous, western, eastern, european,
	diplomatic, administration, campaign, union, company, kremlin, palace, embassy, un, eu,
	nato, affairs, public, external, internal, armed, forces, air, naval, presidential,
	prime, ministerial, parliamentary, older, younger, elder, eldest, late, commerce, economic, congressional, senate, house, municipal, city, county,
	provincial, legal, political, economic, financial, humanitarian, ukrainian, russian,
	american, british, french, german, israeli, palestinian`)

// nationalities maps adjectives, demonyms and country names to one key, so
// that "the Russian president", "Russia's president" and "the president of
// Russia" agree.
var nationalities = func() map[string]string {
	m := make(map[string]string)
	groups := []string{
		"us: us, u.s., usa, u.s.a., american, america, united states, washington",
		"uk: uk, u.k., british, britain, great britain, united kingdom, england, english",
		"russia: russia, russian, moscow, kremlin, russian federation",
		"ukraine: ukraine, ukrainian, kyiv, kiev",
		"france: france, french, paris, elysee, élysée",
		"germany: germany, german, berlin",
		"italy: italy, italian, rome",
		"spain: spain, spanish, madrid",
		"poland: poland, polish, warsaw",
		"china: china, chinese, beijing",
		"japan: japan, japanese, tokyo",
		"india: india, indian, delhi",
		"israel: israel, israeli",
		"palestine: palestine, palestinian",
		"iran: iran, iranian, tehran",
		"turkey: turkey, turkish, türkiye, ankara",
		"saudi: saudi, saudi arabia, riyadh",
		"qatar: qatar, qatari, doha",
		"egypt: egypt, egyptian, cairo",
		"syria: syria, syrian, damascus",
		"lebanon: lebanon, lebanese, beirut",
		"jordan: jordan, jordanian",
		"iraq: iraq, iraqi, baghdad",
		"eu: eu, european union, brussels, european commission",
		"nato: nato",
		"un: un, u.n., united nations",
		"canada: canada, canadian, ottawa",
		"australia: australia, australian, canberra",
		"netherlands: netherlands, dutch, the hague",
		"belgium: belgium, belgian",
		"sweden: sweden, swedish, stockholm",
		"finland: finland, finnish, helsinki",
		"norway: norway, norwegian, oslo",
		"denmark: denmark, danish, copenhagen",
		"hungary: hungary, hungarian, budapest",
		"czech: czech, czechia, czech republic, prague",
		"slovakia: slovakia, slovak, slovakian, bratislava",
		"romania: romania, romanian, bucharest",
		"bulgaria: bulgaria, bulgarian, sofia",
		"greece: greece, greek, athens",
		"estonia: estonia, estonian, tallinn",
		"latvia: latvia, latvian, riga",
		"lithuania: lithuania, lithuanian, vilnius",
		"belarus: belarus, belarusian, belarussian, minsk",
		"georgia: georgia, georgian, tbilisi",
		"moldova: moldova, moldovan, chisinau",
		"north korea: north korea, north korean, pyongyang",
		"south korea: south korea, south korean, seoul",
		"brazil: brazil, brazilian, brasilia",
		"mexico: mexico, mexican",
		"ireland: ireland, irish, dublin",
		"scotland: scotland, scottish, edinburgh",
		"wales: wales, welsh, cardiff",
		"switzerland: switzerland, swiss, bern, geneva",
		"austria: austria, austrian, vienna",
		"portugal: portugal, portuguese, lisbon",
		"serbia: serbia, serbian, belgrade",
		"croatia: croatia, croatian, zagreb",
		"pakistan: pakistan, pakistani, islamabad",
		"afghanistan: afghanistan, afghan, kabul",
		"yemen: yemen, yemeni",
		"south africa: south africa, south african",
		"nigeria: nigeria, nigerian",
		"kenya: kenya, kenyan",
		"ethiopia: ethiopia, ethiopian",
		"sudan: sudan, sudanese",
		"venezuela: venezuela, venezuelan",
		"argentina: argentina, argentinian, argentine",
		"colombia: colombia, colombian",
		"taiwan: taiwan, taiwanese, taipei",
		"vietnam: vietnam, vietnamese",
		"indonesia: indonesia, indonesian",
		"azerbaijan: azerbaijan, azerbaijani, baku",
		"armenia: armenia, armenian, yerevan",
		"kazakhstan: kazakhstan, kazakh",
		"uae: uae, emirati, united arab emirates, abu dhabi",
		"gaza: gaza",
		"chile: chile, chilean",
		"peru: peru, peruvian, lima",
		"ecuador: ecuador, ecuadorian, ecuadorean, quito",
		"bolivia: bolivia, bolivian",
		"uruguay: uruguay, uruguayan, montevideo",
		"paraguay: paraguay, paraguayan",
		"cuba: cuba, cuban, havana",
		"haiti: haiti, haitian",
		"guatemala: guatemala, guatemalan",
		"honduras: honduras, honduran",
		"nicaragua: nicaragua, nicaraguan",
		"el salvador: el salvador, salvadoran, salvadorean",
		"panama: panama, panamanian",
		"philippines: philippines, philippine, filipino, manila",
		"thailand: thailand, thai, bangkok",
		"malaysia: malaysia, malaysian, kuala lumpur",
		"singapore: singapore, singaporean",
		"myanmar: myanmar, burma, burmese",
		"cambodia: cambodia, cambodian, phnom penh",
		"bangladesh: bangladesh, bangladeshi, dhaka",
		"sri lanka: sri lanka, sri lankan, colombo",
		"nepal: nepal, nepali, nepalese, kathmandu",
		"mongolia: mongolia, mongolian",
		"new zealand: new zealand",
		"morocco: morocco, moroccan, rabat",
		"algeria: algeria, algerian, algiers",
		"tunisia: tunisia, tunisian, tunis",
		"libya: libya, libyan, tripoli",
		"ghana: ghana, ghanaian, accra",
		"senegal: senegal, senegalese, dakar",
		"mali: mali, malian, bamako",
		"niger: niger, nigerien, niamey",
		"burkina faso: burkina faso, burkinabe",
		"chad: chadian",
		"cameroon: cameroon, cameroonian",
		"somalia: somalia, somali, mogadishu",
		"eritrea: eritrea, eritrean",
		"south sudan: south sudan, south sudanese, juba",
		"congo: congo, congolese, kinshasa",
		"rwanda: rwanda, rwandan, kigali",
		"uganda: uganda, ugandan, kampala",
		"tanzania: tanzania, tanzanian",
		"zimbabwe: zimbabwe, zimbabwean, harare",
		"mozambique: mozambique, mozambican",
		"kosovo: kosovo, pristina",
		"bosnia: bosnia, bosnian, sarajevo",
		"albania: albania, albanian, tirana",
		"north macedonia: north macedonia, macedonian, skopje",
		"montenegro: montenegro, montenegrin",
		"slovenia: slovenia, slovenian, ljubljana",
		"cyprus: cyprus, cypriot, nicosia",
		"iceland: iceland, icelandic, reykjavik",
		"luxembourg: luxembourg",
		"uzbekistan: uzbekistan, uzbek, tashkent",
		"kyrgyzstan: kyrgyzstan, kyrgyz, bishkek",
		"tajikistan: tajikistan, tajik, dushanbe",
		"turkmenistan: turkmenistan, turkmen",
		"kuwait: kuwait, kuwaiti",
		"bahrain: bahrain, bahraini, manama",
		"oman: oman, omani, muscat",
	}
	for _, g := range groups {
		key, list, _ := strings.Cut(g, ":")
		for _, w := range strings.Split(list, ",") {
			m[strings.TrimSpace(w)] = key
		}
	}
	return m
}()

// orgHeads end the name of an organisation ("Foreign Ministry", "State
// Department", "Democratic Party").
var orgHeads = set(`ministry, department, office, council, commission, agency, party, army, forces,
	force, service, services, committee, bank, union, organisation, organization, group, company,
	corporation, corp, inc, ltd, plc, university, institute, centre, center, court, parliament,
	senate, congress, government, administration, embassy, mission, authority, command, guard,
	guards, police, navy, military, cabinet, assembly, coalition, alliance, federation, fund, forum,
	foundation, association, network, agency, bureau, directorate, secretariat, staff,
	presidency, chancellery, kremlin, pentagon, treasury, duma, knesset, rada, bundestag,
	brigade, battalion, regiment, division, corps, fleet, network, channel, news, times, post,
	journal, herald, telegraph, guardian, observer, tribune, agency, press, radio, tv,
	television, broadcasting, media, bbc, cnn, reuters, hospital, school, club, team, league`)

// knownOrgs can speak in their own name ("the Kremlin said").
var knownOrgs = set(`kremlin, hamas, hezbollah, nato, the un, un, eu, european commission, european union,
	pentagon, white house, downing street, élysée, elysee, state department, foreign office,
	home office, ministry of defence, mod, idf, israel defense forces, israel defence forces,
	houthis, taliban, wagner, rosatom, gazprom, opec, who, imf, world bank, iaea, icc, icj,
	red cross, icrc, unicef, unrwa, amnesty international, human rights watch, the kremlin,
	kyiv, moscow, washington, beijing, tehran, brussels, london, paris, berlin, jerusalem,
	ankara, warsaw, minsk, tokyo, seoul, pyongyang, new delhi, riyadh, doha, cairo`)

// placeWords are capitalised words that are never a person's name on their own.
var nonPersonWords = set(`monday, tuesday, wednesday, thursday, friday, saturday, sunday,
	january, february, march, april, may, june, july, august, september, october, november,
	december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec, christmas, easter,
	ramadan, god, allah, bbc, cnn, reuters, ap, afp, nato, eu, un, uk, us, usa, gdp, covid,
	breakfast, news, house, street, square, road, avenue, office, ministry, department, party,
	council, union, nations, states, kingdom, republic, federation, forces, army, navy, bank,
	court, parliament, senate, congress, government, administration, coalition, alliance,
	willing, summit, war, peace, deal, agreement, treaty, plan, act, bill, law, day, week,
	month, year, east, west, north, south, middle, central, northern, southern, eastern,
	western, europe, african, asia, america, africa, pacific, atlantic, arctic, sea, ocean,
	river, island, islands, mountains, bay, gulf, strait, canal, airport, station, hospital,
	school, university, college, institute, centre, center, times, post, journal, telegraph,
	guardian, mail, express, mirror, sun, independent, economist, politico, axios, bloomberg,
	twitter, facebook, telegram, instagram, tiktok, youtube, x, truth, social, internet,
	online, media, press, tv, radio, television, channel, network, website, newsletter,
	watch, live, update, updates, latest, read, more, related, topics, share, comment,
	comments, advertisement, subscribe, sign, login, menu, home, search, video, photo,
	image, getty, images, pa, epa, shutterstock, alamy, copyright, ltd, inc, plc, group`)

// connectors may stand inside a name between capitalised words.
var nameConnectors = set(`de, da, das, do, dos, di, del, della, der, den, van, von, le, la, du,
	bin, ibn, al, el, ben, ter, ten, y, abu, bint, zu, ould, mac`)

// commonCapitalised are words that begin sentences or headlines but are
// never part of a name.
var commonWords = set(`a, an, the, and, or, but, if, then, so, yet, for, nor, as, at, by, in, on, of,
	to, up, with, from, into, onto, over, under, after, before, since, until, while, when,
	where, why, how, what, which, who, whom, whose, that, this, these, those, there, here,
	it, its, he, she, they, we, i, you, his, her, their, our, my, your, him, them, us, me,
	is, are, was, were, be, been, being, has, have, had, do, does, did, will, would, shall,
	should, can, could, may, might, must, not, no, yes, all, any, some, many, much, more,
	most, few, each, every, both, either, neither, other, another, such, only, also, even,
	just, still, already, however, meanwhile, moreover, furthermore, nevertheless,
	nonetheless, although, though, despite, because, unless, whether, instead, indeed,
	perhaps, maybe, now, today, yesterday, tomorrow, tonight, last, next, first, second,
	third, finally, later, earlier, recently, currently, previously, similarly, similar,
	prior, following, regarding, according, speaking, asked, asking, amid, among, amongst,
	about, above, across, against, along, around, behind, below, beside, besides, between,
	beyond, down, during, except, inside, near, off, out, outside, past, per, through,
	throughout, toward, towards, upon, within, without, via, new, old, one, two, three,
	four, five, six, seven, eight, nine, ten, hundreds, thousands, millions, dozens,
	several, according, unlock, read, watch, listen, sign, click, related, more, share,
	diplomatic, tensions, relations, sources, reports, officials, critics, analysts,
	experts, residents, people, ahead, overall, elsewhere, separately, additionally, again,
	once, well, let, let's, it's, that's, there's, here's, what's, don't, we're, they're,
	i'm, i've, we've, you're, can't, won't, isn't, aren't, wasn't, weren't, didn't,
	doesn't, haven't, hasn't, hadn't, wouldn't, couldn't, shouldn't, dear, thanks,
	thank, please, oh, okay, ok, il, elle, ils, elles, nous, vous, je, er, sie, wir, ich, ella,
	ellos, lui, leur`)

// partyWords may qualify a title ("Liberal Democrat leader Sir Ed Davey").
var partyWords = set(`liberal, democrat, democrats, labour, conservative, conservatives, tory, tories,
	republican, republicans, democratic, green, greens, reform, socialist, communist,
	nationalist, independent, snp, plaid, cymru, gop, likud, fidesz, afd, cdu, spd, csu`)

// scareIntro words before a quote mark say the quote is a name, title or
// term rather than somebody's statement.
var scareIntro = set(`so-called, so called, dubbed, nicknamed, codenamed, code-named, titled, entitled,
	headlined, known as, term, phrase, word, slogan, motto, hashtag, banner, a.k.a., aka,
	film, book, song, album, novel, documentary, podcast, newsletter, meaning, spelling,
	spray-painted, graffiti, sign, placard, reading`)

// givenNames are common first names; a capitalised word from this list
// followed by another capitalised word is a person's name.
var givenNames = set(`
	aaron, abbas, abdel, abdul, abdullah, abe, abigail, abraham, adam, adrian, ahmad, ahmed, aidan,
	akira, alan, alberto, alejandro, aleksandr, aleksei, alexei, alex, alexander, alexandra, alexandre,
	alexandria, alexis, ali, alice, alicia, alina, alison, alistair, allison, amanda, amber, amir, amy,
	ana, anatoly, anders, andrea, andreas, andrei, andrew, andrey, andriy, andrzej, angela, angelina,
	ann, anna, anne, annalena, annie, anthony, antonio, antony, anton, anwar, ari, ariel, arnold,
	arseniy, arthur, ashley, ashraf, avi, ayman, barack, barbara, bart, beata, ben, benjamin, benny,
	bernard, bernie, beth, betty, bezalel, bill, billy, bob, bobby, boris, brad, bradley, brandon,
	brenda, brian, bridget, bruce, bruno, caitlin, callum, cameron, carl, carla, carlos, carol,
	caroline, carolyn, catherine, cathy, charles, charlie, charlotte, chloe, chris, christian,
	christina, christine, christopher, chrystia, chuck, claire, clare, claudia, colin, connor,
	cory, craig, cynthia, dan, dana, daniel, danielle, danny, darren, dave, david, dawn, dean, deborah,
	debbie, denis, dennis, denys, derek, diana, diane, dick, dmitri, dmitry, dmytro, dominic,
	donald, donna, doug, douglas, dylan, ebrahim, ed, eddie, edward, elena, eli, elizabeth, ella,
	ellen, elon, emily, emma, emmanuel, enrico, eric, erik, erin, ethan, eugene, eva, evan, evgeny,
	fatima, felix, fernando, filipe, fiona, francesco, francis, francois, françois, frank, fred,
	frederick, friedrich, gabriel, gareth, gary, gavin, gemma, geoffrey, george, georgia, gerald,
	gerhard, giorgia, giorgio, giuseppe, gideon, gina, giles, gilbert, glenn, gordon, grace, graham,
	grant, greg, gregory, grzegorz, gustavo, hakan, hamad, hamid, hannah, hans, harold, harriet,
	harry, hassan, heather, heidi, helen, helena, henry, herman, hillary, hossein, howard, hugh,
	hugo, hunter, hussein, ian, ibrahim, igor, ihor, ilham, imran, ina, irina, isaac, isabel,
	isabella, ismail, itamar, ivan, jack, jackie, jacob, jacqueline, jake, james, jamie, jan, jane,
	janet, janice, jared, jason, javier, jean, jeanne, jeff, jeffrey, jen, jennifer, jens, jeremy,
	jerome, jessica, jill, jim, jimmy, jo, joan, joanna, joe, joel, johann, johannes, john, johnny,
	jon, jonathan, jordan, jorge, jose, josé, joseph, josh, joshua, joyce, juan, judith, judy,
	julia, julian, julie, justin, kaja, kamala, karen, karin, karl, kate, katherine, kathleen,
	kathryn, kathy, katie, keir, keith, kelly, kemi, ken, kenneth, kevin, khalid, kim, kirill,
	kristi, kristen, kurt, kyle, kyrylo, larry, laura, lauren, leo, leon, leonid, lewis, liam,
	linda, lindsey, lisa, liz, lloyd, lorenzo, louis, louise, luca, lucas, lucy, luis,
	luke, lyndon, mahmoud, maia, malcolm, marc, marco, margaret, margarita, maria, marie, marina,
	mario, mark, marta, martin, mary, maryam, masoud, matt, matteo, matthew, matthias, max, maxim,
	megan, mehmet, mel, melania, melanie, michael, michel, michelle, miguel, mike, mikhail,
	mitch, mohamed, mohammad, mohammed, muhammad, murat, mustafa, mykhailo, mykola, nadia,
	nancy, naomi, narendra, natalia, natalie, nathan, neil, nicholas, nick, nicola, nicolas,
	nigel, nikki, nikita, nikolai, nina, noah, noel, liam, jannik, iga, jd, usha, nadia, kemi, yvette, enver, majed, khalil, asaad, hakan, rustem, shehbaz, vikram, omar, nora, norman, oksana, olaf, oleg, oleksandr,
	oleksiy, olena, olga, oliver, olivia, omar, oscar, owen, pam, pamela, paolo, pascal, patricia,
	patrick, paul, paula, pedro, penny, pete, peter, petr, petro, phil, philip, philippe,
	pierre, piers, priti, rachel, rachael, rafael, rahul, ralph, ramzan, randy, raphael, ray,
	raymond, rebecca, recep, reza, richard, rick, rishi, rob, robert, roberta, robin, rod,
	roger, roman, ron, ronald, ross, roy, rudy, rupert, russell, ruslan, ruth, ryan, sadiq,
	sally, sam, samantha, samuel, sandra, sara, sarah, scott, sean, sebastian, serge, sergei,
	sergey, sergiy, serhiy, shabana, shane, sharon, shaun, sheila, shinzo, simon, sophie,
	stanislav, stefan, stephanie, stephen, steve, steven, stuart, sue, susan, suzanne, svetlana,
	sviatoslav, tamara, tanya, taras, ted, teresa, terry, theresa, thomas, tim, timothy, tina,
	toby, todd, tom, tommy, tony, tracy, tulsi, tyler, ulf, ursula, valentina, valerie, valery,
	vanessa, vasyl, victor, victoria, viktor, vince, vincent, virginia, vitali, vitaliy,
	vladimir, vladislav, volodymyr, walter, wayne, wendy, wes, william, willie, wolfgang,
	xavier, yair, yana, yevgeny, yoav, yolanda, yosef, yuri, yuliia, yulia, yves, zach,
	zachary, zoe, yvette, rachel, angela, bridget, jd, j.d., marco,
	lindsey, kristalina, antonio, mette, ulf, petteri, alexander, gitanas, edgars, kaja,
	andrius, karin, radoslaw, radosław, donald, viktor, robert, giorgia, pedro, micheál,
	leo, simon, alar, evika, dick, mark, pieter, ursula, josep, charles, roberta,
	volker, annalena, boris, nikol, ilham, kassym-jomart, shavkat, emomali, sadyr, serdar,
	aleksandar, ivica, milorad, zoran, denis, tigran, ebrahim, abbas, masoud, mojtaba,
	naftali, yair, benny, isaac, itamar, bezalel, yoav, herzi, gadi, eyal, yahya, ismail,
	khalil, hassan, naim, mahmoud, rashid, tedros, antónio, kyriakos, recep, mevlüt, hakan`)

// femaleNames and maleNames give a name's likely gender for pronoun
// resolution; names in neither list are compatible with both pronouns.
var femaleNames = set(`abigail, alexandra, alice, alicia, alina, alison, allison, amanda, amber, amy, ana,
	andrea, angela, angelina, ann, anna, anne, annalena, annie, ashley, barbara, beata, beth,
	betty, brenda, bridget, caitlin, carla, carol, caroline, carolyn, catherine, cathy, charlotte,
	chloe, christina, christine, chrystia, claire, clare, claudia, cynthia, danielle, dawn,
	deborah, debbie, diana, diane, donna, elena, elizabeth, ella, ellen, emily, emma, erin, eva,
	evika, fatima, fiona, gemma, georgia, gina, giorgia, grace, hannah, harriet, heather, heidi,
	helen, helena, hillary, ina, irina, isabel, isabella, jackie, jacqueline, jane, janet, janice,
	jeanne, jen, jennifer, jessica, jill, joan, joanna, joyce, judith, judy, julia, julie, kaja,
	kamala, karen, karin, kate, katherine, kathleen, kathryn, kathy, katie, kemi, kristi,
	kristalina, kristen, laura, lauren, linda, lindsey, lisa, liz, louise, lucy, maia, margaret,
	margarita, maria, marie, marina, marta, mary, maryam, megan, melania, melanie, mette,
	michelle, nadia, nancy, naomi, natalia, natalie, nicola, nikki, nina, nora, oksana, olena,
	olga, olivia, pam, pamela, patricia, paula, penny, priti, rachel, rachael, rebecca,
	roberta, ruth, sally, samantha, sandra, sara, sarah, shabana, sharon, sheila, sophie,
	stephanie, sue, susan, suzanne, svetlana, tamara, tanya, teresa, theresa, tina, tracy,
	tulsi, ursula, valentina, valerie, vanessa, victoria, virginia, wendy, yana, yolanda,
	yuliia, yulia, yvette, zoe`)

// personNouns head descriptions of unnamed people ("a fisherman", "a
// senior EU diplomat", "a mother of three").
var personNouns = set(`man, woman, men, women, boy, girl, mother, father, son, daughter, wife, husband,
	brother, sister, mum, mom, dad, grandmother, grandfather, grandson, granddaughter, fisherman,
	fishermen, shopkeeper, shopkeepers, nun, nuns, priest, monk, carer, carers, teacher, teachers,
	student, students, doctor, doctors, nurse, nurses, farmer, farmers, worker, workers, driver,
	drivers, villager, villagers, voter, voters, protester, protesters, protestor, pilgrim, pilgrims,
	refugee, refugees, migrant, migrants, veteran, veterans, fan, fans, spectator, spectators,
	passenger, passengers, tourist, tourists, neighbour, neighbours, neighbor, neighbors, relative,
	relatives, friend, friends, colleague, colleagues, activist, activists, engineer, engineers,
	businessman, businesswoman, businessmen, trader, traders, vendor, vendors, merchant, customer,
	customers, employee, employees, parent, parents, pensioner, pensioners, widow, widower,
	elector, electors, volunteer, volunteers, exporter, exporters, importer, baker, lecturer,
	academic, academics, scientist, scientists, insider, insiders, member, members, supporter,
	supporters, opponent, opponents, organiser, organizer, writer, author, artist, musician,
	singer, player, players, coach, athlete, person, people, individual, citizen, citizens,
	local, locals, mourner, mourners, shopper, shoppers, commuter, commuters, victim, victims,
	hostage, hostages, prisoner, prisoners, detainee, inmate, guard, guards, policeman,
	policewoman, firefighter, medic, medics, paramedic, surgeon, pharmacist, pastor, critic,
	critics, deacon, elder, elders, mediator, mediators, investor, investors, banker, bankers,
	trader, landlord, tenant, tenants, chef, waiter, owner, owners, holder, holders, family, families, backbencher, backbenchers,
	passer-by, broker, brokers, underwriter, underwriters, shipowner, shipowners, ally, allies, loyalist, loyalists, rebel, rebels, bystander, bystanders, onlooker, onlookers, mp, mps, councillor, councillors`)

// pluralHeads are role heads that name several people.
var pluralHeads = set(`officials, sources, diplomats, analysts, experts, residents, witnesses, leaders,
	ministers, officers, soldiers, negotiators, lawmakers, senators, governors, mps, aides,
	advisers, advisors, spokesmen, spokespeople, members, critics, activists, workers, people,
	men, women, villagers, voters, protesters, refugees, migrants, fans, investors, economists,
	strategists, executives, mediators, elders, survivors, relatives, families, campaigners`)

// demonyms are nouns for a person of a nationality; "the Spaniard" refers
// back like "the defence secretary" does.
var demonyms = set(`spaniard, briton, brit, frenchman, frenchwoman, dutchman, dutchwoman, dane, swede, finn,
	pole, scot, turk, welshman, irishman, englishman, englishwoman, norwegian, kiwi, aussie,
	serb, croat, czech, slovak, greek, russian, ukrainian, american, italian, german,
	australian, canadian, israeli, palestinian, iranian, chinese, japanese, indian, pakistani,
	brazilian, argentine, argentinian, mexican, belgian, swiss, austrian, portuguese, kazakh,
	georgian, armenian, egyptian, saudi, qatari, syrian, lebanese, iraqi, afghan, nigerian,
	kenyan, estonian, latvian, lithuanian, hungarian, romanian, bulgarian, belarusian, moldovan,
	slovenian, colombian, venezuelan, chilean, peruvian, cuban, korean, vietnamese, thai,
	indonesian, filipino, malaysian, texan, californian, londoner, parisian, muscovite`)

// orgNouns head organisation noun phrases written in lower case ("Russia's
// foreign ministry", "the regulator").
var orgNouns = set(`ministry, department, government, military, army, navy, council, regulator,
	forecaster, charity, watchdog, group, body, organisation, organization, agency, company,
	firm, bank, union, party, embassy, commission, committee, authority, court, parliament,
	cabinet, administration, coalition, alliance, bloc, newspaper, paper, broadcaster,
	network, militia, movement, foundation, institute, federation, association, presidency,
	office, palace, kremlin, insurer, lender, retailer, manufacturer, carmaker, airline,
	operator, club, team, league, board, panel, tribunal, command, prosecutor's office, prosecutors,
	police, junta, regime, opposition, campaign, trust, think-tank, forum, federation`)

// docNouns are documents that speak for whoever issued them: "the
// statement said".
var docNouns = set(`statement, post, message, letter, communique, communiqué, declaration, readout,
	tweet, release, memo, notice`)

// orgTypeNouns say what kind of organisation a name is ("the Civic Voice
// party", "the Green Front, the largest party on the council"), so that
// "the party" refers back to it.
var orgTypeNouns = set(`party, movement, militia, group, alliance, coalition, bloc, faction, front,
	network, organisation, organization, union, federation, association, force, command`)

// nounGender gives the gender of role nouns that carry one.
var nounGender = map[string]byte{
	"man": 'm', "boy": 'm', "father": 'm', "son": 'm', "husband": 'm', "brother": 'm',
	"dad": 'm', "grandfather": 'm', "grandson": 'm', "fisherman": 'm', "businessman": 'm',
	"monk": 'm', "priest": 'm', "widower": 'm', "king": 'm', "prince": 'm', "emir": 'm',
	"sheikh": 'm', "pope": 'm', "congressman": 'm', "chairman": 'm', "spokesman": 'm',
	"sultan": 'm', "tsar": 'm', "czar": 'm', "policeman": 'm', "frenchman": 'm', "dutchman": 'm',
	"welshman": 'm', "irishman": 'm', "englishman": 'm',
	"woman": 'f', "girl": 'f', "mother": 'f', "daughter": 'f', "wife": 'f', "sister": 'f',
	"mum": 'f', "mom": 'f', "grandmother": 'f', "granddaughter": 'f', "nun": 'f',
	"businesswoman": 'f', "widow": 'f', "queen": 'f', "princess": 'f', "congresswoman": 'f',
	"chairwoman": 'f', "spokeswoman": 'f', "policewoman": 'f', "frenchwoman": 'f',
	"dutchwoman": 'f', "englishwoman": 'f',
}
