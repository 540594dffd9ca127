package client_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"

	"github.com/stancewatch/stance/client"
	stancev1 "github.com/stancewatch/stance/gen/stance/v1"
)

// The examples talk to the server TestMain starts; in a program, addr is
// where stanced listens, "localhost:50051" by default.

func Example() {
	ctx := context.Background()
	c, err := client.Dial(ctx, addr)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	res, err := c.Classify(ctx, &stancev1.Statement{
		Id:      "q1",
		Text:    "We will step up economic sanctions and pressure on the Kremlin.",
		Context: "The foreign secretary spoke after the talks collapsed.",
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, st := range res.GetStances() {
		fmt.Println(res.GetId(), st.GetTarget(), len(st.GetScores()), "scores")
	}
	fmt.Println(res.GetId(), "sentiment", len(res.GetSentiment().GetScores()), "scores")
	// Output:
	// q1 ceasefire 3 scores
	// q1 sanctions 3 scores
	// q1 sentiment 3 scores
}

func ExampleClient_BatchClassify() {
	ctx := context.Background()
	c, err := client.Dial(ctx, addr)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	stmts := []*stancev1.Statement{
		{Id: "a", Text: "The sanctions must be lifted."},
		{Id: "b", Text: "We call for an immediate ceasefire."},
	}
	// Any number of statements: the client splits them into chunks the
	// server accepts and keeps the order.
	res, err := c.BatchClassify(ctx, stmts, "sanctions")
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res {
		fmt.Println(r.GetId(), r.GetStances()[0].GetTarget())
	}
	// Output:
	// a sanctions
	// b sanctions
}

func ExampleClient_AnalyzeDocument() {
	ctx := context.Background()
	c, err := client.Dial(ctx, addr)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	text := "“We will not accept a ceasefire on these terms,” the minister said."
	resp, err := c.AnalyzeDocument(ctx, &stancev1.AnalyzeDocumentRequest{
		Text:         text,
		EncodingType: stancev1.EncodingType_ENCODING_TYPE_UTF16, // offsets for a JavaScript caller
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range resp.GetQuotes() {
		fmt.Printf("%d-%d %q\n", q.GetBeginOffset(), q.GetEndOffset(), q.GetText())
	}
	// Output:
	// 1-47 "We will not accept a ceasefire on these terms,"
}

func ExampleClient_Stream() {
	ctx := context.Background()
	c, err := client.Dial(ctx, addr)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	s, err := c.Stream(ctx, 256)
	if err != nil {
		log.Fatal(err)
	}
	texts := []string{"Lift the sanctions now.", "", "The truce must hold."}
	go func() { // send on one goroutine, receive in order on another
		for i, text := range texts {
			if err := s.Send(&stancev1.Statement{Id: fmt.Sprint(i), Text: text}); err != nil {
				return // Recv reports the stream's error
			}
		}
		s.CloseSend()
	}()
	for {
		res, err := s.Recv()
		var itemErr *client.ItemError
		switch {
		case errors.Is(err, io.EOF):
			return
		case errors.As(err, &itemErr):
			fmt.Println(itemErr.ID, "failed:", itemErr.Code) // the stream goes on
		case err != nil:
			log.Fatal(err)
		default:
			fmt.Println(res.GetId(), "classified")
		}
	}
	// Output:
	// 0 classified
	// 1 failed: InvalidArgument
	// 2 classified
}
