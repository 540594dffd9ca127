package quote

import "strings"

// knownRoles tie a (nationality, title) to the holder of the office. They
// are used only when the article itself names that person, so "the US
// president" in an article mentioning Trump is Donald Trump.
var knownRoles = map[string]string{
	"us president": "Donald Trump", "us leader": "Donald Trump",
	"russia president": "Vladimir Putin", "russia leader": "Vladimir Putin",
	"ukraine president": "Volodymyr Zelensky", "ukraine leader": "Volodymyr Zelensky",
	"uk prime minister": "Keir Starmer", "uk leader": "Keir Starmer",
	"france president": "Emmanuel Macron", "france leader": "Emmanuel Macron",
	"germany chancellor": "Friedrich Merz", "italy prime minister": "Giorgia Meloni",
	"us secretary of state": "Marco Rubio", "us vice president": "JD Vance",
	"russia foreign minister": "Sergei Lavrov", "israel prime minister": "Benjamin Netanyahu",
	"turkey president": "Recep Tayyip Erdogan", "nato secretary general": "Mark Rutte",
	"nato secretary-general": "Mark Rutte", "un secretary-general": "Antonio Guterres",
	"un secretary general": "Antonio Guterres", "us defence secretary": "Pete Hegseth",
	"us defense secretary": "Pete Hegseth", "uk defence secretary": "John Healey",
	"uk foreign secretary": "David Lammy", "ukraine foreign minister": "Andrii Sybiha",
	"kremlin spokesman": "Dmitry Peskov", "european commission president": "Ursula von der Leyen",
	"eu president": "Ursula von der Leyen", "china president": "Xi Jinping", "china leader": "Xi Jinping",
	"india prime minister": "Narendra Modi", "pakistan prime minister": "Shehbaz Sharif",
	"canada prime minister": "Mark Carney", "poland prime minister": "Donald Tusk",
	"hungary prime minister": "Viktor Orban", "spain prime minister": "Pedro Sanchez",
	"denmark prime minister": "Mette Frederiksen", "france prime minister": "François Bayrou",
	"israel president": "Isaac Herzog", "iran president": "Masoud Pezeshkian",
	"iran foreign minister": "Abbas Araghchi", "germany foreign minister": "Johann Wadephul",
	"france foreign minister": "Jean-Noël Barrot", "uk chancellor": "Rachel Reeves",
	"us treasury secretary": "Scott Bessent", "belarus president": "Alexander Lukashenko",
}

// knownRole returns the holder of the office n names, if the article
// mentions that person: with a nationality or qualifier the office itself
// ("the US president"), without one ("the prime minister") the only
// mentioned person holding such an office, else the latest mentioned.
func (d *doc) knownRole(n np, pos int) *entity {
	if n.head == "" {
		return nil
	}
	heads := []string{n.head}
	if n.head == "leader" {
		heads = append(heads, "president", "prime minister")
	}
	var best *entity
	bestPos := -2
	for key, full := range knownRoles {
		sp := strings.LastIndexByte(key, ' ')
		ok := false
		for _, h := range heads {
			switch {
			case n.nat != "":
				ok = ok || key == n.nat+" "+h
			case len(n.mods) > 0:
				ok = ok || key == strings.Join(n.mods, " ")+" "+h
			default:
				// "the prime minister" for "uk prime minister", but "the
				// general" is not "un secretary general".
				ok = ok || strings.HasSuffix(key, " "+h) && sp > 0 && nationalities[strings.TrimSuffix(key, " "+h)] != ""
			}
		}
		if !ok {
			continue
		}
		e := d.reg.lookup([]string{full[strings.LastIndexByte(full, ' ')+1:]}, "")
		if e == nil || e.kind != entPerson {
			continue
		}
		if p := lastMentionBefore(e, pos); p > bestPos || (p == bestPos && best != nil && e.name < best.name) {
			best, bestPos = e, p
		}
	}
	return best
}
