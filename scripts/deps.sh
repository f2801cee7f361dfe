#!/usr/bin/env bash
# Installs what `make demo` and `make test` need on a Debian machine, and nothing that is already there.
# Idempotent: a second run checks and exits.
set -euo pipefail

# Debian packages the build and tests need: libpq-dev to build ToolOpsPostgres (CLibPQ), and the
# postgresql server for the throwaway cluster of `make integration` and `make bench`
# (scripts/postgres.sh); libcurl4-openssl-dev and libopenblas-dev to build ToolOpsSemantic (CCurl, and
# CBLAS for the MiniLM encoder's matrix products); python3-venv for the official Python MCP client that
# `make test` runs against our MCP server.
packages=(git pkg-config python3 python3-venv postgresql libpq-dev libcurl4-openssl-dev libopenblas-dev)

if ! command -v swift >/dev/null 2>&1; then
    echo "deps: Swift 6.3 is not on PATH; install the toolchain from swift.org first." >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi
echo "deps: ok ($(swift --version 2>/dev/null | head -n 1))" >&2
