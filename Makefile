# ToolOps for Swift. `make demo` and `make test` are all a fresh Debian machine with Swift 6.3 needs.
SWIFT ?= swift
SOURCES := Package.swift Modules Tests Benchmarks Integration
DEMO_ARGS ?= --seed 42

.PHONY: demo test unit integration bench deps format lint build clean-cache

## demo: run the simulated multi-agent workload, ToolOps versus no ToolOps
demo: deps
	$(SWIFT) build --product toolops
	$$($(SWIFT) build --show-bin-path)/toolops demo $(DEMO_ARGS)

## test: the integration suite, then the unit tests
test: deps integration unit

unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## integration: tests against real services (none needed yet; PostgreSQL arrives with ToolOpsPostgres)
integration:
	@bash Integration/run.sh

## bench: release build of the benchmarks, one JSON object per line per scenario
bench: deps
	$(SWIFT) build -c release --product toolops-bench
	$$($(SWIFT) build -c release --show-bin-path)/toolops-bench $(BENCH_ARGS)

## deps: install missing system packages (idempotent)
deps:
	@bash scripts/deps.sh

build:
	$(SWIFT) build

## format: apply swift-format to every source file
format:
	$(SWIFT) format --in-place --recursive $(SOURCES)

## lint: check formatting, and that feature modules depend on ToolOpsCore only
lint:
	$(SWIFT) format lint --strict --recursive $(SOURCES)
	$(SWIFT) package describe --type json | python3 scripts/check_module_deps.py
