import Foundation
import Synchronization
import ToolOps

// toolops-integration-worker: a separate process for the cross-process tests in
// Integration/PostgresTests. Modes (the server comes from TOOLOPS_POSTGRES_URL):
//
//   coalesce --namespace NS --table T --key K --callers M --body-ms MS --start-at UNIX_NS
//       M concurrent calls of one cold key through a PostgresCache-backed tool, starting at the
//       given wall-clock time; prints {"upstream_calls": n, "ok": m}.
//   hold --namespace NS --table T --key K
//       takes the key's fill lock and prints "locked"; on the stdin line "write" writes the
//       entry and prints "written"; then holds the lock until killed.

struct ProbeInput: Codable, Sendable { var q: String }
struct ProbeOutput: Codable, Sendable, Equatable { var answer: String }

/// Prints a line and flushes it at once: the test waits for it on a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String {
    guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("toolops-integration-worker: missing --\(name)\n".utf8))
        exit(64)
    }
    return arguments[index + 1]
}

guard let url = ProcessInfo.processInfo.environment["TOOLOPS_POSTGRES_URL"] else {
    FileHandle.standardError.write(Data("toolops-integration-worker: TOOLOPS_POSTGRES_URL is not set\n".utf8))
    exit(64)
}

let cache = try PostgresCache(
    configuration: .init(
        connectionString: url, namespace: option("namespace"), schema: "toolops_it", table: option("table"),
        poolSize: 4, lockPoolSize: 2))
let runtime = ToolRuntime(stores: CacheStoreRegistry())
runtime.stores.register("postgres", cache)
let upstreamCalls = Atomic<Int>(0)
let bodyDelay = Duration.milliseconds(Int(arguments.contains("--body-ms") ? option("body-ms") : "0")!)
let tool = try runtime.readonly("probe", options: .init(cache: "postgres", ttl: .seconds(600))) {
    (input: ProbeInput) async throws -> ProbeOutput in
    upstreamCalls.add(1, ordering: .relaxed)
    try await Task.sleep(for: bodyDelay)
    return ProbeOutput(answer: "answer to \(input.q)")
}
let input = ProbeInput(q: option("key"))

switch arguments.first {
case "coalesce":
    let callers = Int(option("callers"))!
    let startAt = Int64(option("start-at"))!
    try await cache.prepare()
    let wait = startAt - SystemClock().now().nanosecondsSinceEpoch
    if wait > 0 { try await Task.sleep(for: .nanoseconds(wait)) }
    let ok = await withTaskGroup(of: Bool.self) { group in
        for _ in 0..<callers {
            group.addTask { (try? await tool(input)) == ProbeOutput(answer: "answer to \(input.q)") }
        }
        var ok = 0
        for await success in group where success { ok += 1 }
        return ok
    }
    print("{\"upstream_calls\": \(upstreamCalls.load(ordering: .relaxed)), \"ok\": \(ok)}")

case "hold":
    let key = try tool.key(for: input)
    let lease = try await cache.fillCoordinator!.acquireFill(for: key)
    say("locked")
    while let line = readLine() {
        guard line == "write" else { continue }
        let payload = try JSONValueEncoder().encode(ProbeOutput(answer: "written by the leader")).canonicalBytes()
        let now = SystemClock().now()
        try await cache.store(
            CacheEntry(
                payload: payload, tool: key.tool, storedAt: now, freshUntil: now + .seconds(600),
                staleUntil: now + .seconds(600)),
            for: key)
        say("written")
    }
    // Keep the lock until killed (stdin closed: wait anyway).
    try await Task.sleep(for: .seconds(3600))
    _ = lease

default:
    FileHandle.standardError.write(
        Data("usage: toolops-integration-worker coalesce|hold --namespace NS --table T --key K …\n".utf8))
    exit(64)
}
