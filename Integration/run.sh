#!/usr/bin/env bash
# The integration suite (`make integration`): the ToolOpsIntegrationTests target against a real
# PostgreSQL 15. Uses the server in TOOLOPS_POSTGRES_URL when set; otherwise starts a throwaway
# cluster for the run and stops it afterwards, pass or fail (scripts/with-postgres.sh).
# SWIFT overrides the swift command.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a swift <<<"${SWIFT:-swift}"

# Build first, so a compile error fails fast and no server runs during the build.
"${swift[@]}" build --build-tests
bin_path=$("${swift[@]}" build --show-bin-path)
# The tests launch this executable to coalesce across processes.
export TOOLOPS_INTEGRATION_WORKER="$bin_path/toolops-integration-worker"

exec bash scripts/with-postgres.sh "${swift[@]}" test --skip-build --filter ToolOpsIntegrationTests
