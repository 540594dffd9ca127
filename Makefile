# Stance and sentiment service. `make run` serves the default models,
# `make test` runs every test. Everything either needs is fetched here.

SHELL      := /bin/bash
GO         ?= go
ORT_LIB    := third_party/onnxruntime/libonnxruntime.so.1
BIN        := bin
LISTEN     ?= localhost:50051
FUZZTIME   ?= 30s

BUF_VERSION                ?= v1.75.0
PROTOC_GEN_GO_VERSION      ?= v1.36.12
PROTOC_GEN_GO_GRPC_VERSION ?= v1.6.2
GRPCURL_VERSION            ?= v1.9.3
GHZ_VERSION                ?= v0.93.0

export ONNXRUNTIME_LIB ?= $(CURDIR)/$(ORT_LIB)

.PHONY: all run build test test-short fuzz model eval eval-quotes generate lint bench tools ort check-imports clean

all: build

## ort: fetch the ONNX Runtime shared library (npm pack onnxruntime-node)
ort: $(ORT_LIB)

$(ORT_LIB):
	./scripts/fetch-ort.sh $@

## build: build stanced, stancectl and stance-train into bin/
build:
	$(GO) build -o $(BIN)/ ./cmd/stanced ./cmd/stancectl

## run: serve the default models on $(LISTEN)
run: $(ORT_LIB) build
	$(BIN)/stanced -listen $(LISTEN)

## test: vet, import rules, race tests, a bounded fuzz run of the quote extractor
test: $(ORT_LIB) check-imports
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...
	$(GO) test -run '^$$' -fuzz FuzzExtract -fuzztime $(FUZZTIME) ./quote/

## check-imports: model and quote never import gRPC
check-imports:
	@! $(GO) list -deps ./model/... ./quote/... | grep -q google.golang.org/grpc || \
		{ echo "model/ or quote/ imports gRPC; keep them transport-free" >&2; exit 1; }

## model: retrain the default models from data/ (deterministic)
model: $(ORT_LIB)
	$(GO) run ./cmd/stance-train -out models

## eval: classification metrics of the committed models on dev and seed quotes
eval: $(ORT_LIB)
	$(GO) run ./cmd/stance-eval

## eval-quotes: quote extraction and attribution metrics on annotated articles
eval-quotes:
	$(GO) run ./cmd/quote-eval

## tools: install code generators and load tools into bin/
tools:
	GOBIN=$(CURDIR)/$(BIN) $(GO) install github.com/bufbuild/buf/cmd/buf@$(BUF_VERSION)
	GOBIN=$(CURDIR)/$(BIN) $(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@$(PROTOC_GEN_GO_VERSION)
	GOBIN=$(CURDIR)/$(BIN) $(GO) install google.golang.org/grpc/cmd/protoc-gen-go-grpc@$(PROTOC_GEN_GO_GRPC_VERSION)

$(BIN)/buf $(BIN)/protoc-gen-go $(BIN)/protoc-gen-go-grpc:
	$(MAKE) tools

$(BIN)/grpcurl:
	GOBIN=$(CURDIR)/$(BIN) $(GO) install github.com/fullstorydev/grpcurl/cmd/grpcurl@$(GRPCURL_VERSION)

$(BIN)/ghz:
	GOBIN=$(CURDIR)/$(BIN) $(GO) install github.com/bojand/ghz/cmd/ghz@$(GHZ_VERSION)

## generate: regenerate gen/ and internal/onnxpb/ and prove they are current
generate: $(BIN)/buf $(BIN)/protoc-gen-go $(BIN)/protoc-gen-go-grpc
	PATH=$(CURDIR)/$(BIN):$$PATH buf generate
	cd internal/onnxpb && PATH=$(CURDIR)/$(BIN):$$PATH buf generate --template buf.gen.yaml
	git diff --exit-code gen/ internal/onnxpb/

## lint: buf lint, go vet, gofmt, import rules
lint: $(BIN)/buf check-imports
	$(BIN)/buf lint
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

## bench: Go benchmarks and load tests (see README, Performance)
bench: $(ORT_LIB) build $(BIN)/ghz
	./scripts/bench.sh

clean:
	rm -rf $(BIN)
