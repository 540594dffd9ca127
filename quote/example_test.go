package quote_test

import (
	"fmt"

	"github.com/stancewatch/stance/quote"
)

func ExampleExtract() {
	article := `Defence Secretary John Healey visited Kyiv on Friday.

"We are ready," Mr Healey told the BBC, "to act from day one."

A senior EU diplomat said the mood was 'grim relief'.`

	for _, q := range quote.Extract(article) {
		fmt.Printf("%d %q by %q at %d-%d\n", q.Group, q.Text, q.Speaker, q.Begin, q.End)
	}
	// Output:
	// 1 "We are ready," by "John Healey" at 56-69
	// 1 "to act from day one." by "John Healey" at 96-116
	// 2 "grim relief" by "a senior EU diplomat" at 159-170
}

func ExampleConvertOffset() {
	text := `Zelensky: "We need guarantees 🛡️ now"`
	q := quote.Extract(text)[0]
	fmt.Println(q.Begin, q.End)
	fmt.Println(quote.ConvertOffset(text, q.Begin, quote.UTF16), quote.ConvertOffset(text, q.End, quote.UTF16))
	// Output:
	// 11 41
	// 11 37
}
