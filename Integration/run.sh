#!/usr/bin/env bash
# The integration suite: tests that talk to real services. The in-process modules of this
# release need none; ToolOpsPostgres adds a throwaway PostgreSQL cluster here.
set -euo pipefail
echo "integration: no suite needs a real service in this release yet"
