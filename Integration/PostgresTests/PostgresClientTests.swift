import Foundation
import Testing
import ToolOpsCore
import ToolOpsPostgres

extension PostgresIntegration {
    @Suite("PostgreSQL client", needsServer)
    struct PostgresClientTests {
        @Test("values travel as parameters, SQL metacharacters included")
        func parameters() async throws {
            let client = try TestServer.client()
            let nasty = "'; DROP TABLE x; -- \" \\ $1 ∑ 日本 🐘"
            let rows = try await client.execute(
                PostgresStatement("SELECT $1::text, $2::bigint, $3::bytea, $4::text[], $5::bool, $6::text IS NULL"),
                [
                    .text(nasty), .int64(-9_007_199_254_740_993), .bytes([0, 1, 255, 0]),
                    .textArray([nasty, "{a,b}", "NULL"]),
                    .bool(true), .null,
                ])
            #expect(try rows.rows[0][0].text() == nasty)
            #expect(try rows.rows[0][1].int() == -9_007_199_254_740_993)
            #expect(try rows.rows[0][2].bytes() == [0, 1, 255, 0])
            #expect(try rows.rows[0][3].textArray() == [nasty, "{a,b}", "NULL"])
            #expect(try rows.rows[0][4].bool() == true)
            #expect(try rows.rows[0][5].bool() == true)
        }

        @Test("a 1 MB value round-trips byte for byte")
        func largeValue() async throws {
            let client = try TestServer.client()
            let bytes = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let rows = try await client.execute(PostgresStatement("SELECT $1::bytea"), [.bytes(bytes)])
            #expect(try rows.single().bytes() == bytes)
        }

        @Test("a failed statement is a typed error with its SQLSTATE, and the connection stays usable")
        func statementError() async throws {
            let client = try TestServer.client(poolSize: 1)
            let error = await #expect(throws: PostgresError.self) {
                _ = try await client.query("SELECT * FROM table_that_does_not_exist")
            }
            #expect(error?.code == .statementFailed)
            #expect(error?.sqlState == "42P01")
            #expect(try await client.query("SELECT 41 + 1").single().int() == 42)
        }

        @Test("reconnects by itself after its backend is terminated")
        func terminatedBackend() async throws {
            let client = try TestServer.client(poolSize: 1)
            let admin = try TestServer.client(poolSize: 1)
            let before = try await client.query("SELECT pg_backend_pid()").single().int()
            let terminated = try await admin.query("SELECT pg_terminate_backend($1)", [.int64(before)]).single().bool()
            #expect(terminated)
            let after = try await client.execute(PostgresStatement("SELECT pg_backend_pid()")).single().int()
            #expect(after != before)
        }

        @Test("an unreachable server is a connectionFailed error that does not show the password")
        func unreachable() async throws {
            let client = try PostgresClient(
                configuration: .init(connectionString: "postgresql://toolops:hunter2secret@127.0.0.1:1/toolops"))
            let error = await #expect(throws: PostgresError.self) { _ = try await client.query("SELECT 1") }
            #expect(error?.code == .connectionFailed)
            #expect(error?.description.contains("hunter2secret") == false)
            #expect(error?.description.contains("127.0.0.1") == true)
        }

        @Test("an all-NULL parameter list works; a NUL inside text is a misuse error, not a truncation")
        func nullsAndNUL() async throws {
            let client = try TestServer.client(poolSize: 1)
            #expect(try await client.query("SELECT $1::text IS NULL", [.null]).single().bool())
            let error = await #expect(throws: PostgresError.self) {
                _ = try await client.query("SELECT $1::text", [.text("a\u{0}b")])
            }
            #expect(error?.code == .misuse)
            #expect(error?.message.contains("$1") == true)
            #expect(
                try await client.query("SELECT $1::bytea", [.bytes([0x61, 0, 0x62])]).single().bytes() == [
                    0x61, 0, 0x62,
                ])
        }

        @Test("a session is usable only inside withConnection, and by one task at a time")
        func sessionMisuse() async throws {
            let client = try TestServer.client(poolSize: 1)
            let escaped = try await client.withConnection { session in session }
            let late = await #expect(throws: PostgresError.self) { _ = try await escaped.query("SELECT 1") }
            #expect(late?.code == .misuse)
            try await client.withConnection { session in
                let sleeper = Task { try await session.query("SELECT pg_sleep(0.3)") }
                let admin = try TestServer.client(poolSize: 1)
                while try await admin.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(0.3)' AND state = 'active'"
                ).single().int() == 0 {
                    try await Task.sleep(for: .milliseconds(5))
                }
                let concurrent = await #expect(throws: PostgresError.self) { _ = try await session.query("SELECT 1") }
                #expect(concurrent?.code == .misuse)
                _ = try await sleeper.value
            }
        }

        @Test("a lending that ends inside a transaction closes its connection: no open transaction is handed on")
        func openTransactionNotReused() async throws {
            let client = try TestServer.client(poolSize: 1)
            let table = TestServer.uniqueName("tx")
            _ = try await client.query("CREATE TABLE \"\(table)\" (n int)")
            struct Abort: Error {}
            let firstPID = try await client.query("SELECT pg_backend_pid()").single().int()
            await #expect(throws: Abort.self) {
                try await client.withConnection { session in
                    try await session.run(script: "BEGIN")
                    _ = try await session.query("INSERT INTO \"\(table)\" VALUES (1)")
                    throw Abort()
                }
            }
            #expect(try await client.query("SELECT pg_backend_pid()").single().int() != firstPID)
            #expect(try await client.query("SELECT count(*) FROM \"\(table)\"").single().int() == 0)
            _ = try await client.query("DROP TABLE \"\(table)\"")
        }

        @Test("a connection lost inside a transaction is an error, never a silent replay in autocommit")
        func noReplayInsideTransaction() async throws {
            let client = try TestServer.client(poolSize: 1)
            let admin = try TestServer.client(poolSize: 1)
            let error = await #expect(throws: PostgresError.self) {
                try await client.withConnection { session in
                    try await session.run(script: "BEGIN")
                    let pid = try await session.query("SELECT pg_backend_pid()").single().int()
                    _ = try await admin.query("SELECT pg_terminate_backend($1)", [.int64(pid)])
                    _ = try await session.query("SELECT 1")
                }
            }
            #expect(error?.isConnectionFailure == true)
            #expect(try await client.query("SELECT 2").single().int() == 2)
        }

        @Test("a server that does not answer in time fails the statement with timedOut, and the pool recovers")
        func operationTimeout() async throws {
            let client = try PostgresClient(
                configuration: .init(
                    connectionString: TestServer.url!, poolSize: 1, operationTimeout: .milliseconds(300)))
            let error = await #expect(throws: PostgresError.self) { _ = try await client.query("SELECT pg_sleep(5)") }
            #expect(error?.code == .timedOut)
            #expect(try await client.query("SELECT 3").single().int() == 3)
        }

        @Test("a task preferring ioExecutor is resumed on the I/O thread after each round trip")
        func ioExecutor() async throws {
            let client = try TestServer.client(poolSize: 1)
            let threads = try await withTaskExecutorPreference(PostgresClient.ioExecutor) {
                () async throws -> [String] in
                var threads: [String] = []
                for value in 0..<5 {
                    #expect(
                        try await client.query("SELECT $1::bigint", [.int64(Int64(value))]).single().int()
                            == Int64(value))
                    threads.append(try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))
                }
                return threads
            }
            #expect(
                threads.allSatisfy { $0.hasPrefix("toolops-io") },
                "every continuation ran on the I/O thread: \(threads)")
        }
    }
}
