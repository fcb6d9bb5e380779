# The two commands a newcomer needs: `make run` and `make test` (see README.md).
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test lint bench clean

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

test: build
	@cd $(BUILD) && ctest --output-on-failure --no-tests=error -j$(JOBS)

lint: build
	@./$(BUILD)/server/tisheng rules lint rating-rules/standards

bench: build
	@./$(BUILD)/bench/tisheng-bench-evaluate

clean:
	rm -rf $(BUILD)
