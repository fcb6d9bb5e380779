# The two commands a newcomer needs: `make run` and `make test` (see README.md).
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS ?= $(shell nproc)
# Seconds of new inputs per fuzz target: `make fuzz FUZZ_SECONDS=3600`.
FUZZ_SECONDS ?= 300

.PHONY: all deps configure build run test lint bench clean sanitize fuzz

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

run: build
	@mkdir -p data
	@echo "Starting Tisheng; stop it with Ctrl-C."
	@./$(BUILD)/server/tisheng serve --demo

# Every test: the g++ build (style, browser and deploy tests included), then the same C++ tests
# under ASan + UBSan with the fuzz targets over their corpora and 10 s of new inputs each.
test: build sanitize
	@cd $(BUILD) && ctest --output-on-failure --no-tests=error -j$(JOBS)
	@cd $(SANITIZE_BUILD) && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp \
	  ctest --output-on-failure --no-tests=error -j$(JOBS) -E '^(style|docs|browser|deploy|soak)\.'

# The clang build with AddressSanitizer and UndefinedBehaviorSanitizer (CMakePresets.json).
sanitize: deps
	@cmake --preset sanitize > /dev/null
	@cmake --build $(SANITIZE_BUILD) -j$(JOBS)

fuzz: sanitize
	@for target in $(SANITIZE_BUILD)/tests/fuzz/fuzz-*; do \
	  name=$$(basename $$target | sed 's/^fuzz-//'); \
	  tests/fuzz/run-fuzz.sh $$target tests/fuzz/corpus/$$name $(FUZZ_SECONDS) || exit 1; \
	done

lint: build
	@./$(BUILD)/server/tisheng rules lint rating-rules/standards
	@./$(BUILD)/server/tisheng rules lint rating-rules/examples

bench: build
	@./$(BUILD)/bench/tisheng-bench-evaluate

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)
