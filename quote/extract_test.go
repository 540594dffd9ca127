package quote

import (
	"fmt"
	"strings"
	"testing"
)

// want is an expected quote. Its offsets are found by searching Text in the
// input from the end of the previous expected quote, as the gold files do,
// so every case checks exact offsets without spelling them out.
type want struct {
	Text    string
	Speaker string
	Group   int
}

// locate turns wants into Quotes with offsets; it fails the test when a
// text does not occur in order.
func locate(t *testing.T, text string, ws []want) []Quote {
	t.Helper()
	var out []Quote
	pos := 0
	for _, w := range ws {
		i := strings.Index(text[pos:], w.Text)
		if i < 0 {
			t.Fatalf("bad test: %q not found in input after byte %d", w.Text, pos)
		}
		b := pos + i
		out = append(out, Quote{Text: w.Text, Begin: b, End: b + len(w.Text), Speaker: w.Speaker, Group: w.Group})
		pos = b + len(w.Text)
	}
	return out
}

func format(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "\n  [%d:%d] %q speaker=%q group=%d", q.Begin, q.End, q.Text, q.Speaker, q.Group)
	}
	if b.Len() == 0 {
		return " none"
	}
	return b.String()
}

// runCases checks Extract against each case, ignoring Context.
func runCases(t *testing.T, cases []struct {
	name string
	text string
	want []want
}) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wantQ := locate(t, tc.text, tc.want)
			got := Extract(tc.text)
			checkWellFormed(t, tc.text, got)
			for i := range got {
				got[i].Context = ""
			}
			if format(got) != format(wantQ) {
				t.Errorf("Extract(%q) =%s\nwant%s", tc.text, format(got), format(wantQ))
			}
		})
	}
}

func TestExtractMarks(t *testing.T) {
	runCases(t, []struct {
		name string
		text string
		want []want
	}{
		{
			name: "straight double",
			text: `Healey said "we are ready" on Friday.`,
			want: []want{{"we are ready", "Healey", 1}},
		},
		{
			name: "curly double",
			text: "“We are ready,” Healey said.",
			want: []want{{"We are ready,", "Healey", 1}},
		},
		{
			name: "curly single British style",
			text: "‘We are ready,’ the minister said.",
			want: []want{{"We are ready,", "", 1}},
		},
		{
			name: "straight single headline",
			text: "Starmer says UK 'ready to act' in Ukraine",
			want: []want{{"ready to act", "Starmer", 1}},
		},
		{
			name: "apostrophes are not quotes",
			text: "Ukraine's allies don't recall the '90s, the ’80s or the Joneses' car; rock 'n' roll.",
			want: nil,
		},
		{
			name: "apostrophes inside single quotes",
			text: "'It's the Joneses' fault, not ours,' she said.",
			want: []want{{"It's the Joneses' fault, not ours,", "", 1}},
		},
		{
			name: "curly apostrophes inside curly single quotes",
			text: "‘It’s the allies’ plan that’s failing,’ said Jane Doe.",
			want: []want{{"It’s the allies’ plan that’s failing,", "Jane Doe", 1}},
		},
		{
			name: "guillemets",
			text: "«Nous sommes prêts», a déclaré Emmanuel Macron.",
			want: []want{{"Nous sommes prêts", "", 1}},
		},
		{
			name: "spaced guillemets",
			text: "Il a dit : « Nous sommes prêts ».",
			want: []want{{"Nous sommes prêts", "", 1}},
		},
		{
			name: "reversed guillemets",
			text: "Politiken quoted her as saying: »Man kan ikke annektere et andet land.«",
			want: []want{{"Man kan ikke annektere et andet land.", "", 1}}, // "her" has no antecedent
		},
		{
			name: "German low quotes with nested single",
			text: "Pistorius sagte: „Viele schreiben mir: ‚Ich will helfen.‘ Das macht Mut.“",
			want: []want{{"Viele schreiben mir: ‚Ich will helfen.‘ Das macht Mut.", "Pistorius", 1}},
		},
		{
			name: "nested single inside double is one quote",
			text: `"He told me, 'No way,' and left," said Anna Smith.`,
			want: []want{{"He told me, 'No way,' and left,", "Anna Smith", 1}},
		},
		{
			name: "nested double inside single is one quote",
			text: `'They called it "a disgrace",' said Anna Smith.`,
			want: []want{{`They called it "a disgrace",`, "Anna Smith", 1}},
		},
		{
			name: "mixed curly and straight marks pair",
			text: "Baghaei said the move was “a political act with no legal validity\" and left.",
			want: []want{{"a political act with no legal validity", "Baghaei", 1}},
		},
		{
			name: "ellipsis inside",
			text: "“We need time … and patience,” said John Smith.",
			want: []want{{"We need time … and patience,", "John Smith", 1}},
		},
		{
			name: "empty quotes are skipped",
			text: `He said "" and then "ok".`,
			want: []want{{"ok", "", 1}},
		},
	})
}

func TestExtractStructure(t *testing.T) {
	runCases(t, []struct {
		name string
		text string
		want []want
	}{
		{
			name: "split by attribution",
			text: `"We are ready," Defence Secretary John Healey said, "from day one."`,
			want: []want{{"We are ready,", "John Healey", 1}, {"from day one.", "John Healey", 1}},
		},
		{
			name: "split across sentences",
			text: "“I am wary of a fortress Europe,” Radakin said. “We need to defend forward.”",
			want: []want{{"I am wary of a fortress Europe,", "Radakin", 1}, {"We need to defend forward.", "Radakin", 1}},
		},
		{
			name: "second quote with its own attribution is a new group",
			text: "“We are ready,” Healey said. “So are they,” Smith added.",
			want: []want{{"We are ready,", "Healey", 1}, {"So are they,", "Smith", 2}},
		},
		{
			name: "partial then colon is not split",
			text: "Healey said forces were “ready to act,” adding: “The plans are complete.”",
			want: []want{{"ready to act,", "Healey", 1}, {"The plans are complete.", "Healey", 2}},
		},
		{
			name: "multi-paragraph quote",
			text: "Mr Zelensky said:\n\n“Our meeting did not go well.\n\n“It is time to make things right.\n\n“We will work together.”\n",
			want: []want{
				{"Our meeting did not go well.", "Zelensky", 1},
				{"It is time to make things right.", "Zelensky", 1},
				{"We will work together.", "Zelensky", 1},
			},
		},
		{
			name: "multi-paragraph with single newlines and attribution at the end",
			text: "Intro line.\n\"The first part.\n\"The second part,\" Reeves told MPs.\nNext paragraph.",
			want: []want{{"The first part.", "Reeves", 1}, {"The second part,", "Reeves", 1}},
		},
		{
			name: "line break inside a quote",
			text: "Trump wrote on Truth Social:\n“After a long night, I am pleased to announce a CEASEFIRE.\nCongratulations to both Countries.”\n",
			want: []want{{"After a long night, I am pleased to announce a CEASEFIRE.\nCongratulations to both Countries.", "Trump", 1}},
		},
		{
			name: "hard-wrapped text",
			text: "The minister said \"we will\nnot give up\" on Monday.",
			want: []want{{"we will\nnot give up", "", 1}},
		},
		{
			name: "unclosed quote is capped at its paragraph",
			text: "“She promised growth,” Stride said. “Britain is going backwards.\nConservative leader Kemi Badenoch said it was “a pale imitation”.",
			want: []want{
				{"She promised growth,", "Stride", 1},
				{"Britain is going backwards.", "Stride", 1},
				{"a pale imitation", "Kemi Badenoch", 2},
			},
		},
		{
			name: "stray opener opens nothing",
			text: "Healey said “over 200 planners had worked on “detailed planning for a ceasefire”.",
			want: []want{{"detailed planning for a ceasefire", "Healey", 1}},
		},
		{
			name: "stray closer pairs with nothing",
			text: `Russia said the move had no legal force" and would be ignored. Its envoy, Dmitry Polyanskiy, said Moscow would "not recognise" it.`,
			want: []want{{"not recognise", "Dmitry Polyanskiy", 1}},
		},
		{
			name: "unclosed quote at the end of the text",
			text: `"Banks don't move on speeches," the official said. "They move on paperwork.`,
			want: []want{{"Banks don't move on speeches,", "", 1}, {"They move on paperwork.", "", 1}},
		},
		{
			name: "front matter values are titles",
			text: "---\ntitle: \"Peace talks resume\"\nauthor: \"staff\"\n---\n\nHealey said \"yes\".",
			want: []want{{"Peace talks resume", "", 1}, {"staff", "", 2}, {"yes", "Healey", 3}},
		},
	})
}

func TestExtractAttribution(t *testing.T) {
	runCases(t, []struct {
		name string
		text string
		want []want
	}{
		{
			name: "X said with title",
			text: "Defence Secretary John Healey said the UK was “ready to put boots on the ground”.",
			want: []want{{"ready to put boots on the ground", "John Healey", 1}},
		},
		{
			name: "said X inverted",
			text: "“This is a pilot,” said Sir Keir Starmer.",
			want: []want{{"This is a pilot,", "Keir Starmer", 1}},
		},
		{
			name: "X says present tense",
			text: "‘I don’t like it,’ says Bernd Lange.",
			want: []want{{"I don’t like it,", "Bernd Lange", 1}},
		},
		{
			name: "X told the BBC",
			text: "“We are ready,” Healey told the BBC.",
			want: []want{{"We are ready,", "Healey", 1}},
		},
		{
			name: "X added colon",
			text: "Mette Frederiksen spoke first. She added: “We decide our own future.”",
			want: []want{{"We decide our own future.", "Mette Frederiksen", 1}},
		},
		{
			name: "according to X",
			text: "The meeting “could be the first step”, according to Defence Secretary John Healey.",
			want: []want{{"could be the first step", "John Healey", 1}},
		},
		{
			name: "X, who ..., said",
			text: "Healey, who was in Kyiv on Friday, said the plan was “complete”.",
			want: []want{{"complete", "Healey", 1}},
		},
		{
			name: "X wrote on Telegram",
			text: "Maria Zakharova wrote on Telegram that the West was “trying to sabotage” talks.",
			want: []want{{"trying to sabotage", "Maria Zakharova", 1}},
		},
		{
			name: "in a statement, X said",
			text: "In a statement, Hamas said the plan was “a positive step”.",
			want: []want{{"a positive step", "Hamas", 1}},
		},
		{
			name: "apposition role then name",
			text: "His defence secretary, Pete Hegseth, told reporters the talks were “certainly not a betrayal”.",
			want: []want{{"certainly not a betrayal", "Pete Hegseth", 1}},
		},
		{
			name: "colon introduction in the previous paragraph",
			text: "Speaking about the meeting, Mr Zelensky said:\n“It did not go the way it was supposed to.”",
			want: []want{{"It did not go the way it was supposed to.", "Zelensky", 1}},
		},
		{
			name: "surname and honorific resolve to the full name",
			text: "Defence Secretary John Healey visited Kyiv. Mr Healey said it was “vital”. “We stand with Ukraine,” Healey added.",
			want: []want{{"vital", "John Healey", 1}, {"We stand with Ukraine,", "John Healey", 2}},
		},
		{
			name: "Sir and given name",
			text: "Prime Minister Sir Keir Starmer met the president. Sir Keir said the talks were “constructive”.",
			want: []want{{"constructive", "Keir Starmer", 1}},
		},
		{
			name: "role tied to a person",
			text: "Defence Secretary John Healey flew to Brussels. The defence secretary said allies were “united”.",
			want: []want{{"united", "John Healey", 1}},
		},
		{
			name: "nationality role",
			text: "US President Donald Trump met Russian President Vladimir Putin. The Russian president said he was “satisfied”.",
			want: []want{{"satisfied", "Vladimir Putin", 1}},
		},
		{
			name: "pronoun resolves to the last speaker",
			text: "“We are counting on America,” said Volodymyr Zelensky. “We need guarantees,” he added.",
			want: []want{{"We are counting on America,", "Volodymyr Zelensky", 1}, {"We need guarantees,", "Volodymyr Zelensky", 2}},
		},
		{
			name: "pronoun resolves past an object",
			text: "Alcaraz congratulated Sinner at the net. Then, turning to Sinner, he said: “Enjoy it.”",
			want: []want{{"Enjoy it.", "Alcaraz", 1}},
		},
		{
			name: "she skips a male speaker",
			text: "“No,” said John Smith. Mary Jones shook her head. “Yes,” she said.",
			want: []want{{"No,", "John Smith", 1}, {"Yes,", "Mary Jones", 2}},
		},
		{
			name: "organisation speaker",
			text: "The Kremlin said the sanctions were “illegal”.",
			want: []want{{"illegal", "Kremlin", 1}},
		},
		{
			name: "organisation with possessive nationality",
			text: "Russia's foreign ministry said it welcomed Turkey's \"constructive mediation\".",
			want: []want{{"constructive mediation", "Russia's foreign ministry", 1}},
		},
		{
			name: "anonymous source keeps its description",
			text: "A senior EU diplomat said the mood was ‘grim relief’. ‘We avoided the worst,’ the diplomat said.",
			want: []want{{"grim relief", "a senior EU diplomat", 1}, {"We avoided the worst,", "a senior EU diplomat", 2}},
		},
		{
			name: "scare quote has no speaker",
			text: "Healey said the so-called “Coalition of the Willing” was ready.",
			want: []want{{"Coalition of the Willing", "", 1}},
		},
		{
			name: "title has no speaker",
			text: "Liam told the crowd before launching into ‘Don't Look Back in Anger’ with Noel.",
			want: []want{{"Don't Look Back in Anger", "", 1}},
		},
		{
			name: "question put to a speaker has no speaker",
			text: "When asked whether the UK would “watch and wait,” Healey responded: “No.”",
			want: []want{{"watch and wait,", "", 1}, {"No.", "Healey", 2}},
		},
		{
			name: "unattributed quote paragraph continues the speaker",
			text: "“We are ready,” said Sir Ed Davey.\n\n“But I am not very hopeful.”",
			want: []want{{"We are ready,", "Ed Davey", 1}, {"But I am not very hopeful.", "Ed Davey", 2}},
		},
		{
			name: "no speaker when none is given",
			text: "The word “Enough” was painted on a wall.",
			want: []want{{"Enough", "", 1}},
		},
	})
}

// TestExtractAttributionPatterns covers news conventions beyond the basic
// forms: unnamed speakers with their descriptions, organisations named by
// what they are, documents speaking for their issuer, role references,
// nested reporting and names used as modifiers.
func TestExtractAttributionPatterns(t *testing.T) {
	runCases(t, []struct {
		name string
		text string
		want []want
	}{
		{
			name: "dateline agency is not a speaker",
			text: `LIMA, May 3 (AFP) - Peruvian President Dina Boluarte on Friday closed the border, accusing gangs of "terror".`,
			want: []want{{"terror", "Dina Boluarte", 1}},
		},
		{
			name: "hyphenated place adjective heads an unnamed speaker",
			text: `"Prices will rise," a Rotterdam-based grain trader told Reuters.`,
			want: []want{{"Prices will rise,", "a Rotterdam-based grain trader", 1}},
		},
		{
			name: "restrictive clause belongs to the unnamed speaker",
			text: `"We had nothing left," a man who had queued since dawn told AFP.`,
			want: []want{{"We had nothing left,", "a man who had queued since dawn", 1}},
		},
		{
			name: "participle phrase after an unnamed speaker",
			text: "In Gdansk, a port city, a dock worker wearing a union badge said he was worried.\n\n\"Nobody listens to us,\" he said.",
			want: []want{{"Nobody listens to us,", "a dock worker", 1}},
		},
		{
			name: "unnamed source introduced after the quote is referred back to",
			text: `The raid hit three depots, an army source told local media. "It was planned for months," the army source said.`,
			want: []want{{"It was planned for months,", "an army source", 1}},
		},
		{
			name: "one of the officials speaks for the group",
			text: `Two officials familiar with the plan said talks had resumed. "We are close," one of the officials said.`,
			want: []want{{"We are close,", "two officials familiar with the plan", 1}},
		},
		{
			name: "the statement speaks for its issuer",
			text: `The health ministry said in a statement that the outbreak was "contained". "No new cases were found," the statement said.`,
			want: []want{{"contained", "health ministry", 1}, {"No new cases were found,", "health ministry", 2}},
		},
		{
			name: "the party refers to the party named before",
			text: `Jan Novak, whose Civic Voice party leads the polls, spoke first. The party said the vote was "rigged".`,
			want: []want{{"rigged", "Civic Voice", 1}},
		},
		{
			name: "organisation named after what it is",
			text: `The national weather agency MeteoAlarm issued a warning. The agency said the storm was "exceptional".`,
			want: []want{{"exceptional", "MeteoAlarm", 1}},
		},
		{
			name: "place-named government keeps its noun",
			text: `The Scottish government said the plan was "unworkable". It said: "We will not implement it."`,
			want: []want{{"unworkable", "Scottish government", 1}, {"We will not implement it.", "Scottish government", 2}},
		},
		{
			name: "role synonym and acronym",
			text: `The head of the World Food Programme, Cindy McCain, visited the camp. "Children are starving," the WFP chief said.`,
			want: []want{{"Children are starving,", "Cindy McCain", 1}},
		},
		{
			name: "nationality rules out another office",
			text: `Roberta Metsola, the parliament president, spoke first. Emmanuel Macron, who hosted the summit, was next. "Europe must wake up," the French president said.`,
			want: []want{{"Europe must wake up,", "Emmanuel Macron", 1}},
		},
		{
			name: "abbreviated title is the role",
			text: `Gen. Mark Milley visited the base. "We are ready," the general said.`,
			want: []want{{"We are ready,", "Mark Milley", 1}},
		},
		{
			name: "name in apposition to a role",
			text: `"The door is open," a senior union official, Maria Lopez, told reporters.`,
			want: []want{{"The door is open,", "Maria Lopez", 1}},
		},
		{
			name: "nested reporting goes to the outer speaker",
			text: `The Finance Ministry said in a statement that the minister had urged banks to "act responsibly".`,
			want: []want{{"act responsibly", "Finance Ministry", 1}},
		},
		{
			name: "a second partial in a that-clause keeps the speaker",
			text: `Spokeswoman Anna Berg said the plan was "fair" and that the company would respond "promptly".`,
			want: []want{{"fair", "Anna Berg", 1}, {"promptly", "Anna Berg", 2}},
		},
		{
			name: "name modifying a noun is a scare quote",
			text: `The mayor said his flagship "green streets" scheme would continue.`,
			want: []want{{"green streets", "", 1}},
		},
		{
			name: "title in a sentence before an attribution",
			text: `Troops took part in "Iron Shield," officials said.`,
			want: []want{{"Iron Shield,", "", 1}},
		},
		{
			name: "fragment does not inherit across a new subject",
			text: `"We will win," said Ana Costa. Luis Mendes, who chairs the "future fund" committee, disagreed.`,
			want: []want{{"We will win,", "Ana Costa", 1}, {"future fund", "", 2}},
		},
		{
			name: "document issued by somebody",
			text: `The guidelines, published by the Health Department on Monday, tell schools to "stay open".`,
			want: []want{{"stay open", "Health Department", 1}},
		},
		{
			name: "United States is not a verb",
			text: `Spokesman John Kirby said the United States believed "a deal is possible".`,
			want: []want{{"a deal is possible", "John Kirby", 1}},
		},
	})
}

func TestExtractContext(t *testing.T) {
	text := "First sentence. Healey said it was “vital” for peace. Last sentence."
	got := Extract(text)
	if len(got) != 1 {
		t.Fatalf("Extract(%q) = %d quotes, want 1", text, len(got))
	}
	if want := "Healey said it was “vital” for peace."; got[0].Context != want {
		t.Errorf("Context = %q, want %q", got[0].Context, want)
	}

	long := "“" + strings.Repeat("We will keep going. ", 60) + "”"
	got = Extract("Before. " + long + " After.")
	if len(got) != 1 {
		t.Fatalf("long quote: %d quotes, want 1", len(got))
	}
	if c := got[0].Context; len(c) > maxContext || c == "" {
		t.Errorf("long quote: Context of %d bytes, want 1..%d", len(c), maxContext)
	}
}

func TestExtractNoQuotes(t *testing.T) {
	for _, text := range []string{"", "No quotes here.", "Don't, won't, can't.", "\xff\xfe"} {
		if got := Extract(text); got != nil {
			t.Errorf("Extract(%q) = %v, want nil", text, got)
		}
	}
}
