import Testing

@testable import ToolOpsPostgres

@Suite("Connection strings")
struct ConnectionStringTests {
    @Test("URIs and key-value strings parse, TLS options included, with the password masked")
    func parses() throws {
        let uri = try ConnectionString(
            "postgresql://app:s3cr%40t@db.internal:6432/billing?sslmode=verify-full&sslrootcert=/ca.pem")
        #expect(uri.options["host"] == "db.internal")
        #expect(uri.options["port"] == "6432")
        #expect(uri.options["sslmode"] == "verify-full")
        #expect(uri.options["password"] == "***")
        #expect(
            uri.description == "postgresql://app:***@db.internal:6432/billing?sslmode=verify-full&sslrootcert=/ca.pem")
        let pairs = try ConnectionString("host=db port=5432 password='a b\\'c' sslmode=require user=app")
        #expect(pairs.options["user"] == "app")
        #expect(pairs.description == "host=db port=5432 password=*** sslmode=require user=app")
        #expect(!pairs.description.contains("a b"))
    }

    @Test("a bad connection string is an invalidConnectionString error naming the problem, password masked")
    func rejects() {
        let unknown = #expect(throws: PostgresError.self) { try ConnectionString("host=db pasword=hunter22") }
        #expect(unknown?.code == .invalidConnectionString)
        #expect(unknown?.message.contains("pasword") == true)
        #expect(unknown?.description.contains("hunter22") == false)
        let malformed = #expect(throws: PostgresError.self) { try ConnectionString("host=db password=hunter22 port") }
        #expect(malformed?.code == .invalidConnectionString)
        #expect(malformed?.description.contains("hunter22") == false)
        let badURI = #expect(throws: PostgresError.self) {
            try ConnectionString("postgresql://u:hunter22@db/x?bogus=1")
        }
        #expect(badURI?.message.contains("bogus") == true)
        #expect(badURI?.description.contains("hunter22") == false)
        let empty = #expect(throws: PostgresError.self) { try ConnectionString("  ") }
        #expect(empty?.message.contains("empty") == true)
    }

    @Test("a pool is checked at setup: size and timeout out of range are configuration errors")
    func poolConfiguration() {
        let size = #expect(throws: PostgresError.self) {
            try PostgresClient(configuration: .init(connectionString: "host=localhost", poolSize: 0))
        }
        #expect(size?.code == .invalidConfiguration)
        #expect(size?.message.contains("poolSize") == true)
        #expect(throws: PostgresError.self) {
            try PostgresClient(configuration: .init(connectionString: "host=localhost", connectTimeout: .zero))
        }
    }
}
