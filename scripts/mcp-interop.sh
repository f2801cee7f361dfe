#!/usr/bin/env bash
# `make mcp-interop`: the official Python MCP SDK (pip package `mcp`, pinned in
# Integration/MCPInterop/requirements.txt) drives toolops-example-server over stdio
# (Integration/MCPInterop/mcp_interop_test.py).
#
# The SDK goes into a virtualenv outside the repository, made once and remade when the pinned
# requirements change: $TOOLOPS_CACHE_DIR/mcp-venv (default ~/.cache/toolops/mcp-venv).
# SWIFT overrides the swift command.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a swift <<<"${SWIFT:-swift}"
requirements=Integration/MCPInterop/requirements.txt
venv="${TOOLOPS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/toolops}/mcp-venv"
stamp="$venv/.toolops-requirements"

if ! cmp -s "$requirements" "$stamp" || [ ! -x "$venv/bin/python" ]; then
    echo "mcp-interop: installing $(tr '\n' ' ' <"$requirements")into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
fi

"${swift[@]}" build --product toolops-example-server
server="$("${swift[@]}" build --show-bin-path)/toolops-example-server"
exec "$venv/bin/python" Integration/MCPInterop/mcp_interop_test.py "$server"
