import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsSemantic

/// A distinctive key, to check that it never leaks.
let secretKey = "sk-test-DO-NOT-LEAK-4f7a9c"

/// The vector the fake server returns for `text`: its length, first byte and a constant.
func fakeVector(_ text: String) -> [Float] {
    [Float(text.utf8.count), Float(text.utf8.first ?? 0), 1]
}

/// The `input` texts of an embeddings request body.
func inputs(of request: TestHTTPServer.Request) -> [String] {
    let json = try? JSONValue(parsing: request.body)
    return json?.objectValue?["input"]?.arrayValue?.compactMap(\.stringValue) ?? []
}

/// An OpenAI-style embeddings response for the request's texts; `reversed` lists them last first.
func embeddingsReply(_ request: TestHTTPServer.Request, reversed: Bool = false) -> TestHTTPServer.Reply {
    var items = inputs(of: request).enumerated().map { index, text in
        "{\"object\":\"embedding\",\"index\":\(index),\"embedding\":\(fakeVector(text))}"
    }
    if reversed { items.reverse() }
    let body = "{\"object\":\"list\",\"data\":[\(items.joined(separator: ","))],\"model\":\"m\"}"
    return .respond(status: 200, headers: [("Content-Type", "application/json")], body: body)
}

/// An embedder of 3-value vectors for `server`, keyed with ``secretKey`` unless `authentication` says otherwise.
func testEmbedder(
    _ server: TestHTTPServer, authentication: OpenAIEmbedder.Authentication = .bearer(),
    clock: any ToolClock = SystemClock(), configure: (inout OpenAIEmbedder.Configuration) -> Void = { _ in }
) throws -> OpenAIEmbedder {
    var configuration = OpenAIEmbedder.Configuration(
        model: "test-model", dimensions: 3, baseURL: server.baseURL + "/v1", authentication: authentication)
    configure(&configuration)
    return try OpenAIEmbedder(
        configuration: configuration, environment: ["OPENAI_API_KEY": secretKey, "AZURE_OPENAI_API_KEY": secretKey],
        clock: clock, random: FixedRandom(0.5))
}
