import Foundation
import ToolOps

/// `cross_process_coalesce`: 4 processes × 50 callers on one cold key whose body sleeps 50 ms,
/// sharing a ``PostgresCache`` with cross-process coalescing: one upstream call in total.
///
/// The processes are this binary again in its hidden `--coalesce-worker` mode (see
/// ``CoalesceWorker``), given a wall-clock start time 1.5 s ahead so every caller fires together
/// once all have started and connected. Each prints one JSON line; this sums them.
enum CrossProcessCoalesceScenario {
    static let name = "cross_process_coalesce"
    static let processes = 4
    static let callersPerProcess = 50
    static let bodyMilliseconds = 50
    static let headroomNanoseconds: Int64 = 1_500_000_000
    /// Workers still running this long after the start are terminated.
    static let deadlineSeconds = 60.0

    /// One worker's line (snake_case keys).
    struct WorkerReport: Decodable {
        var upstreamCalls: Int?
        var ok: Int?
        var wallMs: Double?
        var lateMs: Double?
        var coalescedRemote: Int?
        var error: String?
    }

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let target = "upstream_calls==1"
        return try await PostgresBench.run(name, target: target) { url in
            try await PostgresTable.with(url: url, scenario: "xproc") { table in
                let executable = try selfExecutable()
                let start = PostgresBench.wallClockNanoseconds() + headroomNanoseconds
                let arguments = [
                    "--coalesce-worker", "--key", "cold-\(UInt32.random(in: 0...UInt32.max))",
                    "--namespace", table.namespace, "--table", table.name,
                    "--callers", String(callersPerProcess), "--body-ms", String(bodyMilliseconds),
                    "--start-at-ns", String(start),
                ]
                let outputs = try await DedicatedThread.run("bench-coalesce-workers") {
                    try runWorkers(executable, arguments: arguments)
                }
                return [report(outputs, target: target)]
            }
        }
    }

    /// The running binary, to start again as a worker.
    private static func selfExecutable() throws -> URL {
        let path = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return URL(fileURLWithPath: path)
    }

    /// Starts the workers, waits for them (blocking; a dedicated thread), returns each one's
    /// stdout and exit status. Their stderr is ours.
    private static func runWorkers(_ executable: URL, arguments: [String]) throws -> [(String, Int32)] {
        var running: [(Process, Pipe)] = []
        for _ in 0..<processes {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            running.append((process, output))
        }
        let watchdog = DispatchWorkItem {
            for (process, _) in running where process.isRunning {
                Progress.note("\(name): worker \(process.processIdentifier) still running; terminating it")
                process.terminate()
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadlineSeconds, execute: watchdog)
        defer { watchdog.cancel() }
        return running.map { process, output in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (String(decoding: data, as: UTF8.self), process.terminationStatus)
        }
    }

    private static func report(_ outputs: [(String, Int32)], target: String) -> BenchmarkResult {
        var upstream = 0
        var ok = 0
        var wall = 0.0
        var late = 0.0
        var remote = 0
        var problems: [String] = []
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        for (index, (output, status)) in outputs.enumerated() {
            let line = output.split(separator: "\n").last.map(String.init) ?? ""
            guard let worker = try? decoder.decode(WorkerReport.self, from: Data(line.utf8)) else {
                problems.append("worker \(index): exit \(status), unreadable output '\(line)'")
                continue
            }
            upstream += worker.upstreamCalls ?? 0
            ok += worker.ok ?? 0
            wall = max(wall, worker.wallMs ?? 0)
            late = max(late, worker.lateMs ?? 0)
            remote += worker.coalescedRemote ?? 0
            if let error = worker.error { problems.append("worker \(index): \(error)") }
            if status != 0 { problems.append("worker \(index): exit status \(status)") }
        }
        let callers = processes * callersPerProcess
        if upstream != 1 || ok != callers || !problems.isEmpty {
            Progress.note(
                "*** \(name): upstream_calls \(upstream) (must be 1), ok \(ok) of \(callers) ***"
                    + (problems.isEmpty ? "" : "; " + problems.joined(separator: "; ")))
        }
        if late > 0 { Progress.note("\(name): a worker started \(late) ms after the start time; raise the headroom") }
        var result = BenchmarkResult(scenario: name, target: target, iterations: callers)
        result.upstreamCalls = upstream
        result.wallNanoseconds = UInt64(wall * 1e6)
        result.extra.add("processes", processes)
        result.extra.add("callers_per_process", callersPerProcess)
        result.extra.add("ok_calls", ok)
        result.targetMet = upstream == 1 && ok == callers && problems.isEmpty
        result.note =
            "body sleeps \(bodyMilliseconds) ms; wall_ms from the shared start to the last answer in any process; "
            + "answered from another process's fill (coalesced_remote): \(remote) flights"
            + (problems.isEmpty ? "" : "; problems: " + problems.joined(separator: "; "))
        return result
    }
}
