import Foundation
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

/// A log file in a fresh temporary folder, removed when `body` returns or throws.
func withTemporaryLog<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appending(
        path: "toolops-semantic-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory.appending(path: "semantic.log"))
}

/// A store on `file`; several on one file stand for several processes.
func makeStore(
    _ file: URL, clock: ManualClock, threshold: Int = 16 << 20, automatic: Bool = true
) throws -> FileSemanticStore {
    try FileSemanticStore(
        configuration: .init(file: file, compactionThreshold: threshold, automaticCompaction: automatic, clock: clock))
}

/// A record of `tool` with `tags`, fresh for an hour from `now`.
func record(
    _ id: UInt64, tool: String = "weather", tags: [String] = [], text: String = "what is the weather",
    at now: Timestamp, ttl: Duration = .seconds(3600)
) -> SemanticRecord {
    SemanticRecord(
        id: id, tool: ToolID(name: tool, version: "2"), namespace: "tenant-a", partition: "p1", text: text,
        vector: [0.25, -0.5, 1, 0], value: Array("{\"answer\":\(id)}".utf8), tags: tags, storedAt: now,
        expiresAt: now + ttl, staleUntil: now + ttl)
}

extension SemanticChange {
    /// A short form for comparisons: `+id`, `-id`, `!all`, `!tool:name`, `!tag:name`.
    var summary: String {
        switch self {
        case .inserted(let record): "+\(record.id)"
        case .removed(let id): "-\(id)"
        case .invalidated(.all): "!all"
        case .invalidated(.tool(let name)): "!tool:\(name)"
        case .invalidated(.tag(let tag)): "!tag:\(tag)"
        }
    }
}

extension SemanticChanges {
    var summary: [String] { changes.map(\.summary) }

    /// The inserted records, in order.
    var inserted: [SemanticRecord] {
        changes.compactMap { if case .inserted(let record) = $0 { record } else { nil } }
    }
}

/// Appends raw bytes to a file, as a crashed or foreign writer would.
func appendRaw(_ bytes: [UInt8], to file: URL) throws {
    let handle = try FileHandle(forWritingTo: file)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
}

/// The log's lines, as text.
func logLines(_ file: URL) throws -> [String] {
    try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(
        String.init)
}
