import Foundation
import Testing
import ToolOps
import ToolOpsTesting

struct Report: Codable, Sendable, Equatable {
    struct Line: Codable, Sendable, Equatable {
        var label: String
        var amount: Double
        var count: Int64
    }
    var title: String
    var created: Date
    var link: URL
    var blob: Data
    var lines: [Line]
    var tags: Set<String>
    var notes: [String: String]
    var optional: String?
    var big: UInt64
    var text: String
}

extension PostgresIntegration {
    @Suite("Values through PostgreSQL", needsServer)
    struct ValueRoundTripTests {
        /// A tool on its own runtime over `cache`, returning `value` and counting upstream calls.
        func tool(_ cache: PostgresCache, returning value: Report, calls: Counter) throws -> Tool<ProbeInput, Report> {
            let runtime = ToolRuntime(stores: CacheStoreRegistry())
            runtime.stores.register("postgres", cache)
            return try runtime.readonly("report", options: .init(cache: "postgres")) { (_: ProbeInput) in
                _ = calls.increment()
                return value
            }
        }

        @Test("a result read back by another process decodes to the identical Swift value: 1 MB, unicode, bytes")
        func exactRoundTrip() async throws {
            let namespace = TestServer.uniqueName("ns")
            let table = TestServer.uniqueName("values")
            let megabyte = String(repeating: "日本語 🐘 naïve \u{0} \"quoted\" \\ ", count: 1_048_576 / 32)
            let value = Report(
                title: "Q3 — résumé ✓",
                created: Date(timeIntervalSince1970: 1_763_700_000.125),
                link: URL(string: "https://example.com/a?b=c&d=%20")!,
                blob: Data((0...255).map { UInt8($0) } + [0xFF, 0xFE, 0x00, 0xC3]),
                lines: [.init(label: "a", amount: 0.1 + 0.2, count: -9_007_199_254_740_993)],
                tags: ["x", "y'z", "{a,b}"],
                notes: ["ключ": "значение", "": "empty key"],
                optional: nil,
                big: UInt64.max,
                text: megabyte
            )
            let writerCalls = Counter()
            let writer = try tool(
                try makeCache(namespace: namespace, table: table, clock: SystemClock()), returning: value,
                calls: writerCalls)
            #expect(try await writer(ProbeInput(q: "r")) == value)

            // A second cache instance (another process, as far as the data is concerned): no
            // in-memory copy, so the value comes from the row's bytes.
            let readerCalls = Counter()
            let reader = try tool(
                try makeCache(namespace: namespace, table: table, clock: SystemClock()), returning: value,
                calls: readerCalls)
            let read = try await reader(ProbeInput(q: "r"))
            #expect(readerCalls.value == 0)
            #expect(read == value)
            #expect(read.text.utf8.count > 1_000_000)
        }
    }
}
