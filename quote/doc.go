// Package quote finds the quoted statements in a news article and who made
// them.
//
// Extract returns one Quote per contiguous quoted span, in document order,
// with the quoted words, their UTF-8 byte offsets (without the quote
// marks), the canonical name of the speaker, the sentence around the quote
// for a classifier to read, and a group number shared by the parts of one
// statement:
//
//	for _, q := range quote.Extract(article) {
//		fmt.Printf("%s: %q (%d-%d)\n", q.Speaker, q.Text, q.Begin, q.End)
//	}
//
// Offsets count UTF-8 bytes, so article[q.Begin:q.End] == q.Text. A caller
// in another language converts them with ConvertOffset:
//
//	begin16 := quote.ConvertOffset(article, q.Begin, quote.UTF16)
//
// # What it recognises
//
// Quote marks: straight and curly double and single quotes, guillemets in
// either direction, German low-9 quotes, and quotes nested in quotes of the
// other kind (the outer one is returned). Apostrophes ("don't", "Ukraine's",
// "'90s", "the Joneses' car") are told apart from single quotes. A quote
// split by its attribution ("We are ready," he said, "from day one.") gives
// one Quote per part in one group; so does a multi-paragraph quote whose
// paragraphs each open a mark and only the last closes it. An unclosed mark
// is capped at the end of its paragraph, and a stray opening mark before
// another opens nothing, so one typo never swallows the article.
//
// Speakers: the common patterns of news copy ("X said", "said X", "X told
// the BBC", "according to X", "X, who ..., said", "X wrote on Telegram:",
// a colon introduction in the previous paragraph, "X quoted Y as saying").
// Names resolve to the fullest form the article gives ("Mr Healey",
// "Healey" and "the defence secretary" become "John Healey"; "the WFP
// chief" is the head of the World Food Programme named before), pronouns
// and roles to the person the passage is about, organisations to their
// name as introduced ("Russia's foreign ministry"; "the party" to the name
// in "the Civic Voice party"), documents to whoever issued them ("the
// statement said"), and unnamed sources to their description ("a senior EU
// diplomat", "a man who had queued since dawn"; "one of the officials" to
// the officials named before). Words reported inside another speaker's
// "that" clause belong to that speaker ("The ministry said that the
// minister had urged banks to "..."). Scare quotes, titles, names used as
// modifiers ("his flagship "green streets" scheme") and the words of a
// question put to somebody get an empty speaker, as does anything the
// extractor cannot attribute with confidence: an empty speaker is better
// than a wrong one.
//
// The package is pure Go, uses no model, and keeps no state: Extract and
// ConvertOffset are safe for concurrent use.
package quote
