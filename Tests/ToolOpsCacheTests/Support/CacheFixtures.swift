import Foundation
import ToolOpsCore
import ToolOpsTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keys, entries and folders shared by the cache store tests.
enum Fixtures {
    static let weather = ToolID(name: "get_weather", version: "1")
    static let stocks = ToolID(name: "get_stock", version: "2")

    /// The key of a call of `tool` with argument `n`: a real SHA-256 digest.
    static func key(_ n: Int, tool: ToolID = weather) -> CallKey {
        CallKey(tool: tool, canonicalArguments: .object(["n": .int(Int64(n))]))
    }

    /// An entry with `text` as payload, stored at `now`, fresh for `ttl` and stale for `stale` after.
    static func entry(
        _ text: String,
        tool: ToolID = weather,
        tags: [String] = [],
        at now: Timestamp,
        ttl: Duration = .seconds(60),
        stale: Duration = .zero
    ) -> CacheEntry {
        CacheEntry(
            payload: Array(text.utf8),
            tool: tool,
            tags: tags,
            storedAt: now,
            freshUntil: now.advanced(by: ttl),
            staleUntil: now.advanced(by: ttl + stale)
        )
    }

    /// The payload of `entry` as text.
    static func text(_ entry: CacheEntry?) -> String? {
        entry.map { String(decoding: $0.payload, as: UTF8.self) }
    }
}

/// A fresh folder under the system's temporary folder, removed when `body` returns or throws.
func withTemporaryDirectory<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appending(
        path: "toolops-cache-tests-\(UUID().uuidString)",
        directoryHint: .isDirectory
    )
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// Helpers for looking at a file store's folder from the outside.
enum Disk {
    /// The names in `directory`, sorted.
    static func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false)).sorted()
    }

    /// The entry files (`*.tce`) in `directory`.
    static func entryFiles(in directory: URL) throws -> [URL] {
        try names(in: directory).filter { $0.hasSuffix(".tce") }.map { directory.appending(path: $0) }
    }

    /// The file of `key`'s entry in a store's namespace folder.
    static func entryFile(for key: CallKey, in directory: URL) -> URL {
        directory.appending(path: "\(key.digest).tce")
    }

    /// The permission bits of the file or folder at `url`, from `stat`; -1 when it is missing.
    static func mode(of url: URL) -> Int {
        var info = stat()
        guard stat(url.path(percentEncoded: false), &info) == 0 else { return -1 }
        return Int(info.st_mode) & 0o777
    }

    /// Sets the modification time of the file at `url`.
    static func setModificationTime(of url: URL, to time: Timestamp) {
        var times = [timespec](repeating: timespec(), count: 2)
        for index in times.indices {
            times[index].tv_sec = time_t(time.nanosecondsSinceEpoch / 1_000_000_000)
            times[index].tv_nsec = 0
        }
        _ = utimensat(AT_FDCWD, url.path(percentEncoded: false), times, 0)
    }

    /// The bytes of the file at `url`.
    static func bytes(of url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// Replaces the file at `url` with `bytes`.
    static func overwrite(_ url: URL, with bytes: [UInt8]) throws {
        try Data(bytes).write(to: url)
    }
}
