package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadArticles(b *testing.B) []string {
	b.Helper()
	paths, _ := filepath.Glob("testdata/articles/*.txt")
	var texts []string
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	if len(texts) == 0 {
		b.Skip("no articles in testdata/articles")
	}
	return texts
}

// BenchmarkExtract measures typical news articles.
func BenchmarkExtract(b *testing.B) {
	texts := loadArticles(b)
	n := 0
	for b.Loop() {
		for _, t := range texts {
			n += len(Extract(t))
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractRunOn measures text without sentence breaks, where
// attribution must stay linear.
func BenchmarkExtractRunOn(b *testing.B) {
	text := strings.Repeat(`Alpha Beta said "x" and Gamma Delta, who spoke, told Epsilon `, 2000)
	for b.Loop() {
		Extract(text)
	}
	b.ReportMetric(float64(len(text)*b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}
