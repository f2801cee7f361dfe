#!/usr/bin/env python3
"""Fails when a feature module depends on anything but ToolOpsCore and its own system library
(reads `swift package describe --type json`)."""
import json
import sys

# Each feature module and the only dependencies it may have: ToolOpsCore, plus its system library
# or the one external package it wraps (MCP, the official swift-sdk, for ToolOpsIntegrations).
FEATURE_MODULES = {
    "ToolOpsCache": ["ToolOpsCore"],
    "ToolOpsResilience": ["ToolOpsCore"],
    "ToolOpsCoalescing": ["ToolOpsCore"],
    "ToolOpsTesting": ["ToolOpsCore"],
    "ToolOpsPostgres": ["ToolOpsCore", "CLibPQ"],
    "ToolOpsTelemetry": ["ToolOpsCore", "Logging", "CoreMetrics", "Prometheus", "Tracing"],
    "ToolOpsIntegrations": ["ToolOpsCore", "MCP"],
    "ToolOpsSemantic": ["ToolOpsCore", "CCurl", "CBLAS"],
    "ToolOpsMetricsServer": ["ToolOpsTelemetry", "NIOCore", "NIOPosix", "NIOHTTP1"],
}

package = json.load(sys.stdin)
problems = []
for target in package["targets"]:
    if target["name"] in FEATURE_MODULES:
        deps = target.get("target_dependencies", []) + target.get("product_dependencies", [])
        allowed = FEATURE_MODULES[target["name"]]
        if sorted(deps) != sorted(allowed):
            problems.append(f"{target['name']} depends on {deps}; it may depend on {allowed} only")
for problem in problems:
    print(f"module-deps: {problem}", file=sys.stderr)
if not problems:
    print("module-deps: every feature module depends only on what it may (ToolOpsCore, plus its system library or SDK)", file=sys.stderr)
sys.exit(1 if problems else 0)
