import Foundation
import ToolOps
import ToolOpsCommands
import ToolOpsConfiguration
import ToolOpsTelemetry
import ToolOpsTesting

struct SearchQuery: Codable, Sendable, Equatable {
    var query: String
    var token: String
}

struct SearchResult: Codable, Sendable, Equatable {
    var hits: [String]
}

struct City: Codable, Sendable, Equatable {
    var city: String
}

struct Weather: Codable, Sendable, Equatable {
    var celsius: Int
}

/// An app as a user writes one: two tools caching in a file store (namespace `app`) in a
/// temporary folder, a memory store, a manual clock, its own metrics and statistics.
///
/// A second file store, `neighbour`, shares the folder under namespace `other`: clearing `file`
/// must leave it alone.
final class AppFixture: ToolOpsApplication {
    let directory: URL
    let clock = ManualClock()
    let file: FileCache
    let neighbour: FileCache
    let memory: MemoryCache
    let runtime: ToolRuntime
    let search: Tool<SearchQuery, SearchResult>
    let weather: Tool<City, Weather>
    let prometheus: ToolOpsPrometheus?
    let toolStatistics: ToolStatisticsObserver?
    /// When set, the weather upstream fails (to make the tool serve stale results).
    let weatherIsDown = Flag()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(
            path: "toolops-commands-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        file = try FileCache(configuration: .init(directory: directory, namespace: "app", clock: clock))
        neighbour = try FileCache(configuration: .init(directory: directory, namespace: "other", clock: clock))
        memory = MemoryCache(configuration: .init(clock: clock))
        let prometheus = ToolOpsPrometheus()
        let statistics = ToolStatisticsObserver()
        self.prometheus = prometheus
        toolStatistics = statistics
        let stores = CacheStoreRegistry()
        stores.register("file", file)
        stores.register("neighbour", neighbour)
        stores.register("memory", memory)
        stores.defaultStoreName = "memory"
        let metrics = ToolMetricsObserver(configuration: .init(factory: prometheus.factory, prefix: "app"))
        runtime = ToolRuntime(
            environment: ToolEnvironment(clock: clock, observer: MultiplexObserver([metrics, statistics])),
            stores: stores)
        search = try runtime.readonly(
            "search_docs", version: "2", options: Self.options(tags: ["docs"])
        ) { (query: SearchQuery) in SearchResult(hits: ["\(query.query) guide", "\(query.query) reference"]) }
        let down = weatherIsDown
        weather = try runtime.readonly("get_weather", options: Self.options(tags: ["weather"])) { (city: City) in
            if down.value { throw ToolError(code: .upstream, message: "weather service down") }
            return Weather(celsius: city.city.count)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime {
        runtime
    }

    /// File cache, fresh for a minute then stale for ten; no retries or timeouts, which would
    /// sleep on the manual clock.
    static func options(tags: [String]) -> ReadOnlyOptions {
        ReadOnlyOptions(
            cache: "file", ttl: .seconds(60), staleIfError: true, staleTTL: .seconds(600), tags: tags, retries: 0,
            timeout: nil, circuitBreaker: false, coalesce: false)
    }

    static let token = "s3cr3t-token-value"

    /// Two searches and one weather call: three entries in the file store, three misses.
    func populate() async throws {
        _ = try await search(SearchQuery(query: "swift", token: Self.token))
        _ = try await search(SearchQuery(query: "yaml", token: Self.token))
        _ = try await weather(City(city: "Paris"))
    }

    /// An entry in the neighbouring namespace, written straight into its store.
    func populateNeighbour() throws {
        let tool = ToolID(name: "search_docs", version: "2")
        let now = clock.now()
        try neighbour.store(
            CacheEntry(
                payload: Array("{}".utf8), tool: tool, storedAt: now, freshUntil: now.advanced(by: .seconds(60)),
                staleUntil: now.advanced(by: .seconds(60))),
            for: CallKey(tool: tool, canonicalArguments: .object(["n": .int(1)])))
    }

    /// The size of the entry file of `key` in the `app` namespace.
    func fileSize(of key: CallKey) throws -> Int {
        let path = directory.appending(path: "app/\(key.digest).tce").path(percentEncoded: false)
        return try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
    }
}

/// The same stores with no tools: what the standalone `toolops` sees.
struct BareApplication: ToolOpsApplication {
    let stores: CacheStoreRegistry
    let clock: any ToolClock

    func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime {
        ToolRuntime(environment: ToolEnvironment(clock: clock), stores: stores)
    }
}
