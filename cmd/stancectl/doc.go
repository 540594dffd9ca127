// Command stancectl is the command-line client of the stance service.
//
//	stancectl classify [-addr A] [-target T]... [-json] TEXT
//	stancectl analyze  [-addr A] [-target T]... [-encoding utf8|utf16|utf32] [-json] FILE|-
//	stancectl batch    [-addr A] [-target T]... -in IN.jsonl -out OUT.jsonl [-resume] [-chunk N] [-window N]
//
// classify prints one statement's stance toward each target and its
// sentiment; analyze prints the quotes, speakers and labels of an article.
// batch scores a JSON Lines file of Statements (protobuf JSON, e.g.
// {"id":"q1","text":"...","context":"..."}) into a JSON Lines file of
// Classifications, one output line per input line in input order; a line
// that cannot be classified becomes {"id":...,"line":N,"error":"..."}.
// With -resume it continues an interrupted job from the output it wrote.
// It is pipelined: BatchClassify calls of -chunk statements (256), up to
// -window/-chunk of them in flight (4), answers written in input order, so
// memory stays bounded however large the input; a call rejected for what is
// in it is retried statement by statement, so only the bad statements
// become error records. The last stderr line reports statements/s.
package main
