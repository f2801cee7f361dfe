#!/usr/bin/env python3
"""Fails when a feature module depends on anything but ToolOpsCore (reads `swift package describe --type json`)."""
import json
import sys

FEATURE_MODULES = {"ToolOpsCache", "ToolOpsResilience", "ToolOpsCoalescing", "ToolOpsTesting"}

package = json.load(sys.stdin)
problems = []
for target in package["targets"]:
    if target["name"] in FEATURE_MODULES:
        deps = target.get("target_dependencies", []) + target.get("product_dependencies", [])
        if deps != ["ToolOpsCore"]:
            problems.append(f"{target['name']} depends on {deps}; feature modules may depend on ToolOpsCore only")
for problem in problems:
    print(f"module-deps: {problem}", file=sys.stderr)
if not problems:
    print("module-deps: every feature module depends on ToolOpsCore only", file=sys.stderr)
sys.exit(1 if problems else 0)
