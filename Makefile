# Entry points for users and CI. Every target installs what is missing first (scripts/setup.sh).
#   make demo   analyse the bundled sample article: readable table + JSON beside it, then store it
#               in lagebild.db, show the stored events and serve them with the web UI
#               (http://127.0.0.1:$(DEMO_PORT)/ until Ctrl-C; `make demo DEMO_PORT=9000` for another port)
#   make test   everything: unit, golden, CLI tests; then again under ASan/UBSan with fuzz runs
#   make bench  segmentation and whole-pipeline benchmarks over ../shared/data/corpora

SAMPLE := examples/kim-putin-de.txt
SAMPLE_DATE := 2023-09-05
DEMO_PORT ?= 8080
LAGEBILD := build/release/bin/lagebild
FUZZ_SECONDS ?= 1800

.PHONY: all setup build build-sanitize demo test test-release test-sanitize bench fuzz-long clean

all: build

setup:
	@bash scripts/setup.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release

build-sanitize: setup
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize

demo: build
	@$(LAGEBILD) extract --published $(SAMPLE_DATE) --format pretty $(SAMPLE)
	@$(LAGEBILD) extract --published $(SAMPLE_DATE) --format json $(SAMPLE) > examples/kim-putin-de.lagebild.json
	@echo "JSON written to examples/kim-putin-de.lagebild.json"
	@rm -f lagebild.db lagebild.db-wal lagebild.db-shm
	@$(LAGEBILD) ingest --db lagebild.db --published $(SAMPLE_DATE) $(SAMPLE)
	@echo "Events stored in lagebild.db (lagebild export --db lagebild.db --format table; SQL: docs/schema.md):"
	@$(LAGEBILD) export --db lagebild.db --format table
	@echo
	@echo "Web UI and API over lagebild.db: open http://127.0.0.1:$(DEMO_PORT)/ (Ctrl-C stops the server)"
	@$(LAGEBILD) serve --db lagebild.db --port $(DEMO_PORT)

test: test-release test-sanitize

test-release: build
	@ctest --preset release -j2

test-sanitize: build-sanitize
	@ctest --preset sanitize -j2

bench: build
	@build/release/bench/segment_benchmark
	@build/release/bench/pipeline_benchmark --jobs 1
	@build/release/bench/pipeline_benchmark --jobs 2

# Long fuzzing runs (default 30 minutes per target); findings land in fuzz/ as crash-* files
# (docs/fuzzing.md).
fuzz-long: build-sanitize
	@for target in text_reader html_reader jsonl_reader feed_reader warc_reader tabari_reader petrarch_reader \
	              gold_reader source_reader api_request; do \
	  mkdir -p fuzz/corpus-$$target; \
	  build/sanitize/fuzz/fuzz_$${target} -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 \
	    -timeout=10 -artifact_prefix=fuzz/ fuzz/corpus-$$target fuzz/seeds/$${target%_*} || exit 1; \
	done

clean:
	rm -rf build
