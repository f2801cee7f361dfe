import Foundation
import Logging
import Testing
import ToolOpsCore
import ToolOpsTelemetry
import ToolOpsTesting

private struct SampleError: Error, CustomStringConvertible {
    var description: String { "upstream said no" }
}

@Suite("JSON Lines log handler")
struct JSONLinesLogHandlerTests {
    @Test("a simple record is one exact line with the fixed fields in order")
    func simpleRecordIsExactLine() {
        let sink = CapturingSink()
        let clock = ManualClock()
        clock.advance(by: .microseconds(123_456))
        makeLogger(sink: sink, clock: clock).info("hello", source: "ToolOpsCore")
        #expect(
            sink.lines == [
                #"{"ts":"2024-01-01T00:00:00.123456Z","level":"info","label":"toolops","msg":"hello","source":"ToolOpsCore"}"#
            ])
    }

    @Test("every line parses back as JSON with the record's fields")
    func linesParseAsJSON() throws {
        let sink = CapturingSink()
        let logger = makeLogger(label: "cache", sink: sink, logLevel: .trace)
        logger.warning("slow upstream", metadata: ["tool": "get_weather", "attempt": .stringConvertible(3)])
        logger.trace("fine detail")

        #expect(sink.lines.count == 2)
        let first = try parseObject(sink.lines[0])
        #expect(first["ts"] as? String == "2024-01-01T00:00:00.000000Z")
        #expect(first["level"] as? String == "warning")
        #expect(first["label"] as? String == "cache")
        #expect(first["msg"] as? String == "slow upstream")
        #expect(first["source"] as? String == "ToolOpsTelemetryTests")
        #expect(first["tool"] as? String == "get_weather")
        #expect(first["attempt"] as? String == "3")
        #expect(first.count == 7)
        let second = try parseObject(sink.lines[1])
        #expect(second["level"] as? String == "trace")
        #expect(second["msg"] as? String == "fine detail")
    }

    @Test("timestamps are UTC ISO 8601 with microseconds, truncated, across dates and before 1970")
    func timestampsAreFormattedInUTC() throws {
        let cases: [(Int64, String)] = [
            (0, "1970-01-01T00:00:00.000000Z"),
            (-1, "1969-12-31T23:59:59.999999Z"),
            (1_709_251_199_999_999_999, "2024-02-29T23:59:59.999999Z"),
            (951_868_800_000_000_000, "2000-03-01T00:00:00.000000Z"),
            (1_795_299_003_123_456_789, "2026-11-21T22:10:03.123456Z"),
        ]
        for (nanoseconds, expected) in cases {
            let sink = CapturingSink()
            let clock = ManualClock(start: Timestamp(nanosecondsSinceEpoch: nanoseconds))
            makeLogger(sink: sink, clock: clock).info("tick")
            let record = try parseObject(try #require(sink.lines.first))
            #expect(record["ts"] as? String == expected)
        }
    }

    @Test("quotes, backslashes, control characters and non-ASCII text are escaped to valid JSON")
    func stringsAreEscaped() throws {
        let message = "say \"hi\" \\ path\nnext\tcol\r\u{08}\u{0C}\u{01}\u{1F} é 中文 🚀👩‍👩‍👧 \u{2028}\u{2029}"
        let sink = CapturingSink()
        makeLogger(sink: sink).info("\(message)", metadata: ["ke\"y\n": "va\\lue\u{00}"])

        let line = try #require(sink.lines.first)
        #expect(
            line.contains(
                #""msg":"say \"hi\" \\ path\nnext\tcol\r\b\f\u0001\u001f é 中文 🚀👩‍👩‍👧 \u2028\u2029""#))
        #expect(line.contains(#""ke\"y\n":"va\\lue\u0000""#))
        let record = try parseObject(line)
        #expect(record["msg"] as? String == message)
        #expect(record["ke\"y\n"] as? String == "va\\lue\u{00}")
    }

    @Test("call metadata beats provider metadata, which beats handler metadata")
    func metadataPrecedenceFollowsSwiftLog() throws {
        let sink = CapturingSink()
        let provider = Logger.MetadataProvider {
            ["shared": "provider", "fromProvider": "provider", "call": "provider"]
        }
        var logger = makeLogger(sink: sink, metadataProvider: provider)
        logger[metadataKey: "shared"] = "handler"
        logger[metadataKey: "fromHandler"] = "handler"
        logger[metadataKey: "call"] = "handler"
        logger.info("merged", metadata: ["call": "call"])

        let record = try parseObject(try #require(sink.lines.first))
        #expect(record["fromHandler"] as? String == "handler")
        #expect(record["fromProvider"] as? String == "provider")
        #expect(record["shared"] as? String == "provider")
        #expect(record["call"] as? String == "call")
    }

    @Test("handler metadata alone is written when the call has none")
    func handlerMetadataIsWrittenAlone() {
        let sink = CapturingSink()
        var logger = makeLogger(sink: sink)
        logger[metadataKey: "service"] = "toolops"
        logger.info("up", source: "S")
        #expect(
            sink.lines.first
                == #"{"ts":"2024-01-01T00:00:00.000000Z","level":"info","label":"toolops","msg":"up","source":"S","service":"toolops"}"#
        )
    }

    @Test("arrays and dictionaries become nested JSON with sorted keys; metadata keys are sorted")
    func nestedMetadataBecomesNestedJSON() throws {
        let sink = CapturingSink()
        makeLogger(sink: sink).info(
            "nested",
            metadata: [
                "zeta": "last",
                "request": ["id": "r1", "tags": ["a", "b"], "count": .stringConvertible(42), "empty": [:]],
                "alpha": [["k": "v"], "plain", []],
            ],
            source: "S"
        )
        let line = try #require(sink.lines.first)
        #expect(
            line.hasSuffix(
                #""source":"S","alpha":[{"k":"v"},"plain",[]],"request":{"count":"42","empty":{},"id":"r1","tags":["a","b"]},"zeta":"last"}"#
            ))
        let record = try parseObject(line)
        let request = try #require(record["request"] as? [String: Any])
        #expect(request["tags"] as? [String] == ["a", "b"])
    }

    @Test("records below the level are not written; raising the level on a copy leaves the original")
    func levelFiltersRecords() {
        let sink = CapturingSink()
        let logger = makeLogger(sink: sink, logLevel: .notice)
        logger.debug("hidden")
        logger.info("hidden")
        logger.notice("shown")
        var quieter = logger
        quieter.logLevel = .error
        quieter.warning("hidden")
        logger.warning("shown")

        #expect(sink.lines.count == 2)
        #expect(sink.lines.allSatisfy { $0.contains(#""msg":"shown""#) })
    }

    @Test("a handler called directly also drops records below its level")
    func directCallsAreFiltered() {
        let sink = CapturingSink()
        let handler = JSONLinesLogHandler(label: "direct", sink: sink, configuration: .init(logLevel: .warning))
        let event = { (level: Logger.Level) in
            LogEvent(
                level: level, message: "m", metadata: nil, source: "S", file: #fileID, function: #function, line: 1)
        }
        handler.log(event: event(.info))
        handler.log(event: event(.error))
        #expect(sink.lines.count == 1)
        #expect(sink.lines.first?.contains(#""level":"error""#) == true)
    }

    @Test("metadata named like a fixed field is prefixed with underscores and never overwrites it")
    func reservedKeysArePrefixed() throws {
        let sink = CapturingSink()
        makeLogger(sink: sink).info(
            "real",
            metadata: ["msg": "shadow", "_msg": "taken", "level": "fake", "ts": "0", "label": "x", "source": "y"],
            source: "S"
        )
        let line = try #require(sink.lines.first)
        #expect(
            line
                == #"{"ts":"2024-01-01T00:00:00.000000Z","level":"info","label":"toolops","msg":"real","source":"S","__msg":"shadow","_label":"x","_level":"fake","_msg":"taken","_source":"y","_ts":"0"}"#
        )
        let record = try parseObject(line)
        #expect(record.count == 11, "no key is written twice")
    }

    @Test("an error passed to the call is written as error.message and error.type")
    func errorsAreWrittenAsMetadata() throws {
        let sink = CapturingSink()
        makeLogger(sink: sink).error("call failed", error: SampleError())
        let record = try parseObject(try #require(sink.lines.first))
        #expect(record["error.message"] as? String == "upstream said no")
        #expect((record["error.type"] as? String)?.hasSuffix("SampleError") == true)
    }

    @Test("copies of a logger keep their own metadata, as swift-log requires of handlers")
    func handlerHasValueSemantics() throws {
        let sink = CapturingSink()
        var first = makeLogger(sink: sink)
        first[metadataKey: "only-on"] = "first"
        var second = first
        second[metadataKey: "only-on"] = "second"
        first.info("one")
        second.info("two")

        #expect(first[metadataKey: "only-on"] == "first")
        #expect(try parseObject(sink.lines[0])["only-on"] as? String == "first")
        #expect(try parseObject(sink.lines[1])["only-on"] as? String == "second")
    }

    @Test("the bootstrap factory makes an info-level handler with the given label")
    func bootstrapFactoryUsesLabel() throws {
        let factory: @Sendable (String) -> any LogHandler = JSONLinesLogHandler.init(label:)
        let handler = try #require(factory("toolops.cache") as? JSONLinesLogHandler)
        #expect(handler.label == "toolops.cache")
        #expect(handler.logLevel == .info)
    }

    @Test("many concurrent log calls give exactly one well-formed line each")
    func concurrentCallsGiveWholeLines() async throws {
        let sink = CapturingSink()
        let logger = makeLogger(sink: sink)
        let count = 500
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask { logger.info("call \(index)", metadata: ["index": "\(index)"]) }
            }
        }
        #expect(sink.lines.count == count)
        let indices = try sink.lines.map { try parseObject($0)["index"] as? String }
        #expect(Set(indices.compactMap { $0 }) == Set((0..<count).map(String.init)))
    }
}
