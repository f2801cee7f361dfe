import Testing
import ToolOpsCore

@testable import ToolOpsSemantic

@Suite(.timeLimit(.minutes(1))) struct OpenAIEmbedderRequestTests {
    @Test func postsModelAndInputAsJSONWithABearerKey() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        defer { Task { try await server.stop() } }
        let embedder = try testEmbedder(server) { $0.requestsDimensions = true }
        let vectors = try await embedder.embed(["hello", "world!"])
        #expect(vectors == [fakeVector("hello"), fakeVector("world!")])
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.uri == "/v1/embeddings")
        #expect(request.header("authorization") == "Bearer \(secretKey)")
        #expect(request.header("api-key") == nil)
        #expect(request.header("content-type") == "application/json")
        let body = try JSONValue(parsing: request.body)
        #expect(body == ["model": "test-model", "input": ["hello", "world!"], "dimensions": 3])
    }

    @Test func azureSendsTheKeyInApiKeyAndTheApiVersionInTheQuery() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        defer { Task { try await server.stop() } }
        let configuration = OpenAIEmbedder.Configuration.azure(
            endpoint: server.baseURL + "/", deployment: "small", apiVersion: "2024-10-21", dimensions: 3)
        let embedder = try OpenAIEmbedder(
            configuration: configuration, environment: ["AZURE_OPENAI_API_KEY": secretKey])
        _ = try await embedder.embed(["a"])
        let request = try #require(server.requests.first)
        #expect(request.uri == "/openai/deployments/small/embeddings?api-version=2024-10-21")
        #expect(request.header("api-key") == secretKey)
        #expect(request.header("authorization") == nil)
        #expect(embedder.identifier == "azure-openai:small/3")
        #expect(try JSONValue(parsing: request.body).objectValue?["dimensions"] == nil)
    }

    @Test func noAuthenticationSendsNoKeyHeader() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        defer { Task { try await server.stop() } }
        let optional = try OpenAIEmbedder(
            configuration: .init(
                model: "m", dimensions: 3, baseURL: server.baseURL, authentication: .bearer(required: false)),
            environment: [:])
        _ = try await optional.embed(["a"])
        _ = try await testEmbedder(server, authentication: .none).embed(["b"])
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.header("authorization") == nil && $0.header("api-key") == nil })
    }

    @Test func aMissingRequiredKeyIsAMisconfigurationNamingTheVariable() {
        #expect {
            _ = try OpenAIEmbedder(configuration: .init(model: "m", dimensions: 3), environment: [:])
        } throws: { error in
            let error = error as? EmbeddingError
            return error?.code == .misconfigured && error?.message.contains("OPENAI_API_KEY") == true
        }
    }

    @Test func threeHundredTextsGoOutInBatchesAndComeBackInOrder() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        defer { Task { try await server.stop() } }
        let embedder = try testEmbedder(server)
        let texts = (0..<300).map { "text number \($0) " + String(repeating: "x", count: $0 % 7) }
        let vectors = try await embedder.embed(texts)
        #expect(vectors == texts.map(fakeVector))
        #expect(server.requests.map { inputs(of: $0).count } == [128, 128, 44])
        #expect(server.requests.flatMap(inputs(of:)) == texts)
    }

    @Test func vectorsAreOrderedByIndexNotByPosition() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request, reversed: true) }
        defer { Task { try await server.stop() } }
        let vectors = try await testEmbedder(server).embed(["a", "bb", "ccc"])
        #expect(vectors == [fakeVector("a"), fakeVector("bb"), fakeVector("ccc")])
    }

    @Test func noTextsMakeNoRequest() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        defer { Task { try await server.stop() } }
        #expect(try await testEmbedder(server).embed([]).isEmpty)
        #expect(server.requests.isEmpty)
    }
}
