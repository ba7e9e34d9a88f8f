# sineng — build, test and benchmark.
GO      ?= go
BIN     := bin/sineng
PKGS    := ./...

.PHONY: site test race build bench clean fmt

## site: build the example site into public/
site: build
	./$(BIN) build --source .

## build: compile the sineng binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/sineng

## test: vet and run every test
test:
	$(GO) vet $(PKGS)
	$(GO) test $(PKGS)

## race: the generator's tests under the race detector (short mode)
race:
	$(GO) test -race -short ./generator/...

## bench: sineng against Hugo and the floor on generated sites (→ bench/results.md),
## then the Go benchmarks of the hot paths; outputs go to /dev/shm
bench:
	$(GO) run ./cmd/sineng-bench
	$(GO) test -run '^$$' -bench . -benchmem ./bench/floor/
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...

fmt:
	gofmt -l -w cmd generator themes

clean:
	rm -rf bin public public-funders public-team
