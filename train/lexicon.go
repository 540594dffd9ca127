package train

import "strings"

// Lexicon classes give the linear models a handful of features shared by
// every word of a class, so that a phrasing never seen in training ("we
// reject the armistice") still lights up what a seen one ("they refused
// the truce") taught. Words are matched as single WordPiece tokens; a word
// the vocabulary splits is left to the n-gram features.
const (
	lexNone = iota
	lexCeasefire
	lexSanctions
	lexSupport
	lexOppose
	lexNegation
	lexPositive
	lexNegative
	lexWar
	lexClasses // number of classes, including lexNone
)

var lexicon = map[int][]string{
	lexCeasefire: strings.Fields(`ceasefire ceasefires truce truces armistice cessation halt halted halting
		pause paused pauses calm peace peaceful peacekeepers peacekeeping de-escalation deescalation
		hostilities lull standstill stop stopping stopped negotiations negotiate negotiated
		negotiating talks mediation mediator mediators deal agreement accord`),
	lexSanctions: strings.Fields(`sanction sanctions sanctioned sanctioning embargo embargoes blacklist
		blacklisted tariff tariffs levies penalties penalty freeze frozen freezing seized seizure
		confiscate confiscated assets restrictions restrictive curbs cap caps export exports
		designation designations designated swift pressure punitive measures isolation isolate`),
	lexSupport: strings.Fields(`support supports supported supporting welcome welcomes welcomed welcoming
		urge urges urged call calls called calling back backs backed backing endorse endorsed need
		needs needed must should demand demands demanded push pushing secure securing enforce
		enforcing enforced guarantee guarantees implement implemented agree agreed agrees ready
		committed commit hope hoping achieve tighten tightened tightening maintain maintained keep
		keeping impose imposed imposing extend extended strengthen strengthened expand expanded
		increase increased ramp step signed sign accept accepted accepts respect respected uphold
		honour honor protect monitor monitoring preserve`),
	lexOppose: strings.Fields(`reject rejects rejected rejecting oppose opposes opposed opposing refuse
		refuses refused refusing lift lifted lifting ease eased easing scrap scrapped remove removed
		removal drop dropped end ended illegal illegitimate unlawful useless pointless futile
		meaningless failed fail failure trap sham farce ploy trick lie lies violate violated
		violation violations breach breached surrender capitulation continue continued continuing
		fight fighting destroy crush eliminate counterproductive backfire backfired harm hurt
		unacceptable resist resisted`),
	lexNegation: strings.Fields(`not no never without nor cannot neither nothing none nobody won don
		doesn didn isn aren wasn weren shouldn wouldn couldn hardly`),
	lexPositive: strings.Fields(`good great hopeful grateful positive progress success successful pleased
		glad happy proud optimistic encouraging breakthrough historic excellent relief relieved
		thank thanks thankful joy celebrate celebrated constructive promising stable safe safety
		wonderful delighted welcome fruitful productive important forward better best win won
		victory brave courage courageous friendship partners partnership cooperation hope hopes
		heartened heartening satisfied satisfying satisfaction confident confidence appreciate
		appreciated appreciation commend commended praise praised applaud applauded admire
		admirable remarkable impressive achievement achieved milestone landmark triumph
		triumphant opportunity opportunities bright brighter brightest prosperity prosperous
		flourish thrive thriving recovery recover recovered rebuild rebuilding reunited reunion
		freedom free freed released rescue rescued saved survive survived resilience resilient
		solidarity unity united dignity respect respectful honour honored honoured generous
		generosity kind kindness love loved beautiful blessed blessing miracle gift gratitude
		congratulate congratulations excited exciting enthusiastic encouraged reassured reassuring
		calm calmer comfort comforting fair fairness just justice helpful benefit beneficial
		healthy healing heal secure strong stronger strength effective efficient smooth
		warm warmly friendly cordial positively fantastic terrific superb brilliant amazing
		incredible outstanding glorious cheerful smile smiling laugh delight pleasure pleasant
		easier improve improved improvement improving gains gained boost boosted growth` + " " + newsPositive),
	lexNegative: strings.Fields(`bad terrible horrific horror horrible tragic tragedy killed killing
		killings dead death deaths massacre crimes criminal criminals brutal brutality destroyed
		fear afraid angry anger outrage outrageous shame shameful disaster catastrophic catastrophe
		suffering starving hunger famine grief devastating devastated terror terrorist terrorists
		threat threaten threatened dangerous worse worst cynical betrayal betrayed aggression
		genocide atrocities atrocity disgrace disgraceful appalling barbaric sad sadly pain painful
		desperate despair worried concern concerned alarming unbearable nightmare chaos collapse
		crisis lost loss victims blame condemn condemned condemns horrified horrifying shocking
		shocked shock dismayed dismay disappointed disappointing disappointment frustrated
		frustrating frustration furious fury rage hate hatred hostile cruel cruelty evil wicked
		vicious savage ruthless inhumane monstrous sickening disgusting disgusted deplorable
		regrettable regret unacceptable intolerable outrageously scandal scandalous corrupt
		corruption lie lies lying liar liars hypocrisy hypocritical cowardly coward cowards
		arrogant reckless irresponsible incompetent failure failed failing fail weak weakness
		humiliating humiliation insult insulting offensive absurd ridiculous nonsense pathetic
		grim bleak dire gloomy pessimistic hopeless helpless exhausted tired weary broken
		destruction ruin ruined ruins rubble wounded injured injuries bleeding blood bloody
		bloodshed slaughter slaughtered executed torture tortured rape abuse abused displaced
		homeless refugees orphans mourning mourn funeral buried bodies corpses casualties
		victim suffer suffered suffers misery miserable agony anguish trauma traumatized
		scared terrified panic panicked alarm alarmed danger risk risks threatening menace
		warning warn warned escalation escalate escalating provocation provocative
		blackmail extortion theft stolen looting looted bandits thugs gangsters mafia regime
		dictator tyranny tyrant oppression oppressive persecution occupation occupier
		occupiers invaders aggressor aggressors enemy enemies shameless disgraced doomed
		damage damaged harmful toxic poison poisoned crippling crippled collapse collapsed
		shortage shortages starvation poverty unemployment inflation recession` + " " + newsNegative),
	lexWar: strings.Fields(`war wars attack attacks attacked offensive strikes strike struck bombing
		bombed shelling missiles missile drones drone troops army military soldiers frontline front
		battlefield invasion occupation forces weapons rebels militia fighters`),
}

// lexiconTable maps every single-token lexicon word to its class, indexed
// by token id. Ids the lexicon does not name map to lexNone.
func lexiconTable(vocab int64, ids func(string) ([]int, error)) ([]int64, error) {
	table := make([]int64, vocab)
	for class := lexNone + 1; class < lexClasses; class++ {
		for _, w := range lexicon[class] {
			got, err := ids(w)
			if err != nil {
				return nil, err
			}
			if len(got) == 1 && table[got[0]] == lexNone {
				table[got[0]] = int64(class)
			}
		}
	}
	return table, nil
}
