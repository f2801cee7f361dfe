import Foundation
import Logging
import Synchronization
import Testing
import ToolOpsCore
import ToolOpsTelemetry
import ToolOpsTesting

/// A sink that keeps every line it is given, as text without the trailing newline.
final class CapturingSink: JSONLinesSink {
    private let captured = Mutex<[String]>([])

    func write(line: [UInt8]) {
        #expect(line.last == UInt8(ascii: "\n"), "every line ends with a newline")
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false, "a line contains no other newline")
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        captured.withLock { $0.append(text) }
    }

    var lines: [String] { captured.withLock { $0 } }
}

/// A logger over a ``JSONLinesLogHandler`` writing to `sink`, with the time from `clock`.
func makeLogger(
    label: String = "toolops",
    sink: any JSONLinesSink,
    clock: any ToolClock = ManualClock(),
    logLevel: Logger.Level = .info,
    metadataProvider: Logger.MetadataProvider? = nil
) -> Logger {
    Logger(label: label) { label in
        JSONLinesLogHandler(
            label: label,
            sink: sink,
            configuration: .init(clock: clock, logLevel: logLevel),
            metadataProvider: metadataProvider
        )
    }
}

/// Parses `line` with Foundation, failing the test if it is not one JSON object.
func parseObject(_ line: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(object as? [String: Any], "a line is a JSON object: \(line)")
}

/// A fresh, empty folder under the system's temporary folder; removed by `cleanUp()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("toolops-jsonl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
