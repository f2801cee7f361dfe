import Testing
import ToolOpsCore

@testable import ToolOpsPostgres

@Suite("PostgresSemanticStore configuration")
struct PostgresSemanticStoreConfigurationTests {
    @Test("each bad setting is refused at setup with its name")
    func validation() {
        let cases: [(String, (inout PostgresSemanticStore.Configuration) -> Void)] = [
            ("batchSize", { $0.batchSize = 0 }),
            ("retention", { $0.retention = .seconds(-1) }),
            ("schema", { $0.schema = "" }),
            ("table", { $0.table = String(repeating: "t", count: 70) }),
            ("poolSize", { $0.poolSize = 0 }),
        ]
        for (field, change) in cases {
            var configuration = PostgresSemanticStore.Configuration(connectionString: "host=127.0.0.1 port=1")
            change(&configuration)
            let error = #expect(throws: PostgresError.self, "\(field)") {
                try PostgresSemanticStore(configuration: configuration)
            }
            #expect(error?.message.contains(field) == true, "\(error.map(String.init(describing:)) ?? "")")
        }
    }

    @Test("the configuration never shows the password")
    func masking() {
        let configuration = PostgresSemanticStore.Configuration(
            connectionString: "postgresql://agent:hunter2@db.example/app")
        #expect(!configuration.description.contains("hunter2"))
        #expect(!String(reflecting: configuration).contains("hunter2"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("hunter2"))
    }

    @Test("quoted names keep quotes and semicolons inside the identifiers")
    func quoting() throws {
        let sql = SemanticSQL(
            schema: try SQLIdentifier("s\"; --", field: "schema"), table: try SQLIdentifier("t'x\"", field: "table"))
        #expect(sql.records == "\"s\"\"; --\".\"t'x\"\"\"")
        #expect(sql.horizon == "\"s\"\"; --\".\"t'x\"\"_horizon\"")
        #expect(sql.component == "semantic:t'x\"")
    }
}
