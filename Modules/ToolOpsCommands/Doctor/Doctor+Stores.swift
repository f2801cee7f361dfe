import ToolOps

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Doctor {
    /// The tool name of the doctor's probe entries: reserved, so no real tool's entries are touched.
    static let probeTool = ToolID(name: "toolops.doctor", version: "1")

    /// The checks of one store: reachable (opened; connected for PostgreSQL), its schema version
    /// (PostgreSQL), and writable (a probe entry written, read back and deleted). A store that
    /// cannot be reached is not checked further.
    func storeChecks(_ name: String, context: CommandContext) async -> [HealthCheck] {
        var opened: (any CacheStore)?
        let reachable = await check("store '\(name)' reachable", store: name) {
            let store = try context.store(named: name)
            opened = store
            let summary = context.summary(of: name, store: store)
            guard let postgres = store as? PostgresCache else {
                return (.ok, "\(summary.kind)\(summary.location.map { " at \($0)" } ?? "") (\(summary.scope))")
            }
            let version = try await bounded(summary) {
                try await postgres.client.query("SELECT current_setting('server_version')").single().text()
            }
            return (.ok, "PostgreSQL \(version) at \(summary.location ?? "?") (\(summary.scope))")
        }
        guard let store = opened, reachable.status == .ok else { return [reachable] }
        let summary = context.summary(of: name, store: store)
        var checks = [reachable]
        if let postgres = store as? PostgresCache {
            checks.append(
                await check("store '\(name)' schema", store: name) {
                    let version = try await bounded(summary) { try await postgres.prepare() }
                    let table = "\(postgres.configuration.schema).\(postgres.configuration.table)"
                    return (.ok, "schema version \(version) (table \(table))")
                })
        }
        checks.append(
            await check("store '\(name)' writable", store: name) {
                try await bounded(summary) { try await Self.probe(store, clock: context.clock) }
                return (.ok, "wrote, read back and deleted a probe entry (tool \(Self.probeTool.name))")
            })
        if let postgres = store as? PostgresCache, postgres.isSkippingDatabase {
            checks.append(
                HealthCheck(
                    name: "store '\(name)' breaker", store: name, status: .warn,
                    detail: "the store is skipped after repeated database failures; it retries by itself",
                    duration: .zero))
        }
        return checks
    }

    /// Runs `operation` within the time limit; a failure names the store: `store 'x' (…): reason`.
    private func bounded<T: Sendable>(
        _ summary: StoreSummary, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        do {
            return try await withTimeLimit(timeLimit, clock: clock, operation: operation)
        } catch {
            throw CommandError("\(summary.label): \(CommandError.reason(of: error))")
        }
    }

    /// Writes a probe entry under a key of its own, reads it back and deletes it.
    ///
    /// - Throws: ``CommandError`` saying which step did not work.
    static func probe(_ store: any CacheStore, clock: any ToolClock) async throws {
        let token = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let key = CallKey(tool: probeTool, canonicalArguments: .object(["probe": .string(token)]))
        let payload = Array("{\"probe\":\"\(token)\"}".utf8)
        let now = clock.now()
        let entry = CacheEntry(
            payload: payload, tool: probeTool, tags: [probeTool.name], storedAt: now,
            freshUntil: now.advanced(by: .seconds(300)), staleUntil: now.advanced(by: .seconds(300)))
        do {
            try await store.store(entry, for: key)
        } catch {
            throw CommandError("cannot write: \(CommandError.reason(of: error))")
        }
        let found: CacheEntry?
        do {
            found = try await store.entry(for: key)
        } catch {
            throw CommandError("wrote a probe entry but cannot read it: \(CommandError.reason(of: error))")
        }
        guard found?.payload == payload else {
            throw CommandError(
                "wrote a probe entry but reading it back found \(found == nil ? "nothing" : "other bytes")")
        }
        let removed: Bool
        do {
            removed = try await store.removeEntry(for: key)
        } catch {
            throw CommandError("wrote and read a probe entry but cannot delete it: \(CommandError.reason(of: error))")
        }
        guard removed else { throw CommandError("the probe entry was gone before it could be deleted") }
    }
}
