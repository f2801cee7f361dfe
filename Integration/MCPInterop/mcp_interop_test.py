#!/usr/bin/env python3
"""The official Python MCP SDK against our Swift MCP server (`make mcp-interop`, part of `make test`).

    python mcp_interop_test.py SERVER_EXECUTABLE

Launches SERVER_EXECUTABLE (toolops-example-server) as a subprocess, twice over:

1. Raw stdio, no SDK: the initialize handshake for each protocol version we claim (2025-06-18,
   2025-11-25) answers with that version; an unknown version gets the server's latest; every line
   the server writes on stdout is a JSON-RPC message; closing stdin ends the server with status 0.
2. The official client (`mcp.ClientSession` over `mcp.client.stdio.stdio_client`): initialize, list
   the tools (following pagination) and check their schemas and annotations, call tools, see the
   cache answer a repeated call (the same `reading`, and the tool body logged once), and get
   `isError: true` results for invalid arguments and an unknown tool.

Prints one line per check and exits 1 if any failed (2 if the server could not be driven at all).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import traceback
from importlib import metadata
from typing import Any

TIMEOUT_SECONDS = 30
PROTOCOL_VERSIONS = ("2025-06-18", "2025-11-25")


class Checks:
    """Collects named checks; prints each as it is made."""

    def __init__(self) -> None:
        self.failed: list[str] = []
        self.count = 0

    def __call__(self, name: str, ok: bool, detail: Any = None) -> bool:
        self.count += 1
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok or detail is None else f": {detail!r}"), flush=True)
        if not ok:
            self.failed.append(name)
        return ok


def dump(model: Any) -> Any:
    """A pydantic result as plain JSON (camelCase keys, no nulls), whatever the SDK version."""
    if hasattr(model, "model_dump"):
        return model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return model


# ---------------------------------------------------------------------------------------------
# 1. Raw stdio: the handshake per protocol version, and a clean stdout
# ---------------------------------------------------------------------------------------------


class RawSession:
    """Line-delimited JSON-RPC over the server's stdin/stdout, nothing else."""

    def __init__(self, server: str) -> None:
        self.process = subprocess.Popen(
            [server], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        self.next_id = 1
        self.stray_lines: list[str] = []

    def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"the server closed stdout before answering {method}")
            try:
                message = json.loads(line)
            except ValueError:
                self.stray_lines.append(line.rstrip("\n"))
                continue
            if message.get("jsonrpc") != "2.0":
                self.stray_lines.append(line.rstrip("\n"))
            if message.get("id") == request_id:
                return message

    def send(self, message: dict[str, Any]) -> None:
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def close(self) -> int:
        """Closes stdin, reads what is left on stdout, and returns the exit status."""
        self.process.stdin.close()
        for line in self.process.stdout:
            try:
                if json.loads(line).get("jsonrpc") == "2.0":
                    continue
            except ValueError:
                pass
            self.stray_lines.append(line.rstrip("\n"))
        return self.process.wait(timeout=TIMEOUT_SECONDS)


def initialize_params(version: str) -> dict[str, Any]:
    return {"protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "toolops-interop", "version": "1"}}


def check_raw_protocol(server: str, check: Checks) -> None:
    for version in PROTOCOL_VERSIONS:
        session = RawSession(server)
        try:
            answer = session.request("initialize", initialize_params(version))
            check(f"raw: initialize with {version} answers {version}",
                  answer.get("result", {}).get("protocolVersion") == version, answer)
            session.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
            listed = session.request("tools/list", {})
            names = [tool.get("name") for tool in listed.get("result", {}).get("tools", [])]
            check(f"raw: tools/list under {version} lists both tools", names == ["get_weather", "search_docs"], names)
        finally:
            status = session.close()
        check(f"raw: closing stdin ends the server with status 0 ({version})", status == 0, status)
        check(f"raw: stdout carried JSON-RPC only ({version})", not session.stray_lines, session.stray_lines[:3])

    session = RawSession(server)
    try:
        answer = session.request("initialize", initialize_params("1999-01-01"))
        check("raw: an unknown protocol version is answered with the server's latest",
              answer.get("result", {}).get("protocolVersion") == max(PROTOCOL_VERSIONS), answer)
    finally:
        session.close()


# ---------------------------------------------------------------------------------------------
# 2. The official client
# ---------------------------------------------------------------------------------------------


def text_of(result: dict[str, Any]) -> str:
    return " ".join(item.get("text", "") for item in result.get("content", []) if item.get("type") == "text")


async def check_with_official_client(server: str, check: Checks, stderr_path: str) -> None:
    import anyio
    from mcp import ClientSession, StdioServerParameters, types
    from mcp.client.stdio import stdio_client

    parameters = StdioServerParameters(command=server, args=[])
    with open(stderr_path, "w") as errlog:
        async with stdio_client(parameters, errlog=errlog) as streams:
            async with ClientSession(streams[0], streams[1]) as session:
                with anyio.fail_after(TIMEOUT_SECONDS):
                    initialized = dump(await session.initialize())
                check("client: initialize negotiates a protocol version we support",
                      initialized.get("protocolVersion") in PROTOCOL_VERSIONS, initialized.get("protocolVersion"))
                check("client: serverInfo names the example server",
                      initialized.get("serverInfo", {}).get("name") == "toolops-example-server",
                      initialized.get("serverInfo"))
                check("client: the server announces tools", "tools" in initialized.get("capabilities", {}))

                tools: list[dict[str, Any]] = []
                cursor = None
                for _ in range(100):
                    request = types.PaginatedRequestParams(cursor=cursor) if cursor else None
                    with anyio.fail_after(TIMEOUT_SECONDS):
                        page = dump(await session.list_tools(params=request))
                    tools.extend(page.get("tools", []))
                    cursor = page.get("nextCursor")
                    if not cursor:
                        break
                check_tool_list(tools, check)

                async def call(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
                    with anyio.fail_after(TIMEOUT_SECONDS):
                        return dump(await session.call_tool(name, arguments))

                await check_calls(call, check)
    # The server logs each run of a tool body to stderr; the cache decides how many there are.
    with open(stderr_path) as log:
        runs = [line for line in log if "get_weather body ran" in line]
    check("client: get_weather's body ran twice for three calls (Paris, Paris again, Oslo)", len(runs) == 2, runs)


def check_tool_list(tools: list[dict[str, Any]], check: Checks) -> None:
    by_name = {tool.get("name"): tool for tool in tools}
    check("client: tools/list has get_weather and search_docs, sorted",
          [tool.get("name") for tool in tools] == ["get_weather", "search_docs"], list(by_name))
    weather = by_name.get("get_weather", {})
    schema = weather.get("inputSchema", {})
    check("client: get_weather's input schema is an object with a required string city",
          schema.get("type") == "object"
          and schema.get("properties", {}).get("city", {}).get("type") == "string"
          and schema.get("required") == ["city"], schema)
    check("client: get_weather's optional units field is not required",
          "units" in schema.get("properties", {}) and "units" not in schema.get("required", []), schema)
    output = weather.get("outputSchema", {})
    check("client: get_weather declares an output schema with the reading number",
          output.get("type") == "object" and output.get("properties", {}).get("reading", {}).get("type") == "integer",
          output)
    check("client: get_weather is annotated read-only (from the tool's effect)",
          weather.get("annotations", {}).get("readOnlyHint") is True, weather.get("annotations"))
    check("client: every tool has a description",
          all(isinstance(tool.get("description"), str) and tool["description"] for tool in tools),
          [tool.get("description") for tool in tools])
    check("client: get_weather's units are an enum of celsius and fahrenheit, or null",
          {"type": "string", "enum": ["celsius", "fahrenheit"]}
          in schema.get("properties", {}).get("units", {}).get("anyOf", []), schema.get("properties", {}).get("units"))
    docs = by_name.get("search_docs", {}).get("inputSchema", {})
    limit = docs.get("properties", {}).get("limit", {})
    check("client: search_docs takes a query string and an optional integer limit from 1 to 10",
          docs.get("properties", {}).get("query", {}).get("type") == "string"
          and {"type": "integer"} in [
              {key: value for key, value in option.items() if key == "type"} for option in limit.get("anyOf", [])]
          and limit.get("anyOf", [{}])[0].get("maximum", limit.get("maximum")) == 10
          and docs.get("required") == ["query"], docs)


async def check_calls(call, check: Checks) -> None:
    first = await call("get_weather", {"city": "Paris"})
    second = await call("get_weather", {"city": "Paris"})
    other = await call("get_weather", {"city": "Oslo"})
    structured = first.get("structuredContent", {})
    check("client: get_weather succeeds with structuredContent",
          first.get("isError") in (None, False) and structured.get("city") == "Paris", first)
    check("client: the text content is the same JSON as structuredContent",
          json.loads(text_of(first) or "null") == structured, first.get("content"))
    check("client: a second identical call is answered from the cache (same reading)",
          second.get("structuredContent") == structured and isinstance(structured.get("reading"), int), second)
    check("client: another city is a new reading",
          other.get("structuredContent", {}).get("reading") not in (None, structured.get("reading")), other)

    docs = await call("search_docs", {"query": "circuit breakers", "limit": 1})
    hits = docs.get("structuredContent", {}).get("hits", [])
    check("client: search_docs returns its best hit",
          docs.get("isError") in (None, False) and len(hits) == 1 and hits[0].get("title") == "Circuit breakers", docs)

    missing = await call("get_weather", {})
    check("client: a missing required field is an isError result naming it",
          missing.get("isError") is True and "city" in text_of(missing), missing)
    misspelt = await call("get_weather", {"cty": "Paris"})
    check("client: a misspelt field is an isError result with a did-you-mean",
          misspelt.get("isError") is True
          and ("did you mean 'city'" in text_of(misspelt) or "'cty' was sent instead" in text_of(misspelt)),
          text_of(misspelt))
    wrong_type = await call("search_docs", {"query": "retries", "limit": "three"})
    check("client: a wrongly typed field is an isError result naming it",
          wrong_type.get("isError") is True and "limit" in text_of(wrong_type), text_of(wrong_type))
    unknown = await call("get_wether", {"city": "Paris"})
    check("client: an unknown tool is an isError result suggesting the right name",
          unknown.get("isError") is True and "get_weather" in text_of(unknown), text_of(unknown))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not os.access(argv[1], os.X_OK):
        print(__doc__, file=sys.stderr)
        print(f"error: expected the path of an executable MCP server, got {argv[1:]}", file=sys.stderr)
        return 2
    server = argv[1]
    print(f"mcp-interop: official Python SDK mcp {metadata.version('mcp')} against {server}", flush=True)
    check = Checks()
    try:
        check_raw_protocol(server, check)
        import anyio

        with tempfile.TemporaryDirectory() as scratch:
            anyio.run(check_with_official_client, server, check, os.path.join(scratch, "server-stderr.log"))
    except BaseException as error:  # noqa: BLE001 - report anything, including exception groups
        if isinstance(error, KeyboardInterrupt):
            raise
        traceback.print_exc()
        print(f"mcp-interop: could not drive the server: {error!r}", file=sys.stderr)
        return 2
    if check.failed:
        print(f"mcp-interop: {len(check.failed)} of {check.count} checks failed", file=sys.stderr)
        return 1
    print(f"mcp-interop: all {check.count} checks passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
