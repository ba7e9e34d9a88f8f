# sineng — build, test and benchmark.
GO      ?= go
BIN     := bin/sineng
PKGS    := ./...

.PHONY: site test race lint build bench pgo clean fmt

## site: build the example site into public/
site: build
	./$(BIN) build --source .

## build: compile the sineng binary into bin/, static (no C library: the
## binary runs on any Linux of its architecture and starts ≈1 ms sooner
## than one linked against libc)
build:
	CGO_ENABLED=0 $(GO) build -o $(BIN) ./cmd/sineng

## test: vet and run every test
test:
	$(GO) vet $(PKGS)
	$(GO) test $(PKGS)

## race: the generator's tests under the race detector (short mode)
race:
	$(GO) test -race -short ./generator/...

## lint: staticcheck over every package; the tool comes through the Go module
## proxy the first time (the tests need no network, so it is not part of test)
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	$(GO) run $(STATICCHECK) $(PKGS)

## bench: sineng against Hugo and the floor on generated sites (→ bench/results.md),
## then the Go benchmarks of the hot paths and of start-up; outputs go to /dev/shm
bench:
	$(GO) run ./cmd/sineng-bench
	$(GO) test -run '^$$' -bench . -benchmem ./bench/floor/
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...
	$(GO) test -run '^$$' -bench Startup ./cmd/sineng/

## pgo: refresh cmd/sineng/default.pgo, the CPU profile go build optimises the
## binary with (profile-guided optimisation): four cold builds of a generated
## 10k-page site by a binary built without it; work files go to /dev/shm
PGO_DIR := /dev/shm/sineng-pgo
pgo:
	rm -rf $(PGO_DIR) && mkdir -p $(PGO_DIR)
	$(GO) run ./cmd/sineng-corpus -pages 10000 -out $(PGO_DIR)/site
	CGO_ENABLED=0 $(GO) build -pgo=off -o $(PGO_DIR)/sineng ./cmd/sineng
	for i in 1 2 3 4; do \
		rm -rf $(PGO_DIR)/out; \
		$(PGO_DIR)/sineng build --source $(PGO_DIR)/site --out $(PGO_DIR)/out --audience team --cpuprofile $(PGO_DIR)/cpu$$i.prof >/dev/null || exit 1; \
	done
	$(GO) tool pprof -proto $(PGO_DIR)/cpu*.prof > $(PGO_DIR)/merged.pgo
	mv $(PGO_DIR)/merged.pgo cmd/sineng/default.pgo
	rm -rf $(PGO_DIR)

fmt:
	gofmt -l -w cmd generator themes

clean:
	rm -rf bin public public-funders public-team
