import Testing
import ToolOpsCore
import ToolOpsPostgres

extension PostgresIntegration {
    @Suite("Shutting a PostgresCache down", needsServer)
    struct ShutdownIntegrationTests {
        @Test("an unused store shuts down without connecting: its schema is never created")
        func unusedStoreDoesNotConnect() async throws {
            let schema = TestServer.uniqueName("unused")
            let cache = try PostgresCache(configuration: .init(connectionString: TestServer.url!, schema: schema))
            await cache.shutdown()

            let client = try TestServer.client(poolSize: 1)
            defer { client.shutdown() }
            let rows = try await client.query(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", [.text(schema)])
            #expect(rows.isEmpty, "shutdown connected and migrated the schema of a store nothing used")
        }

        @Test("a store that counted lookups flushes them on shutdown")
        func usedStoreFlushes() async throws {
            let schema = TestServer.uniqueName("used")
            let cache = try PostgresCache(configuration: .init(connectionString: TestServer.url!, schema: schema))
            let key = CallKey(tool: ToolID(name: "flushed"), canonicalArguments: ["q": 1])
            #expect(try await cache.entry(for: key) == nil)
            await cache.shutdown()

            let reader = try PostgresCache(configuration: .init(connectionString: TestServer.url!, schema: schema))
            defer { Task { await reader.shutdown() } }
            #expect(try await reader.toolStatistics()["flushed"]?.misses == 1)
            let client = try TestServer.client(poolSize: 1)
            defer { client.shutdown() }
            _ = try await client.execute(PostgresStatement("DROP SCHEMA \"\(schema)\" CASCADE"), [])
        }
    }
}
