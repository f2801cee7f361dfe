import ToolOpsCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension OpenAIEmbedder {
    private struct RequestBody: Encodable {
        var model: String
        var input: [String]
        var dimensions: Int?
    }

    private struct ResponseBody: Decodable {
        struct Item: Decodable {
            var index: Int
            var embedding: [Float]
        }
        var data: [Item]
    }

    /// The POST request for one batch: JSON body, content type, and the key's header.
    func makeRequest(_ batch: [String]) throws(EmbeddingError) -> HTTPRequest {
        let body = RequestBody(
            model: configuration.model, input: batch,
            dimensions: configuration.requestsDimensions ? configuration.dimensions : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(body)
        } catch {
            throw EmbeddingError(
                code: .invalidInput, embedder: identifier, message: "the texts cannot be encoded as JSON")
        }
        var headers = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")]
        if let apiKey, let header = configuration.authentication.header(for: apiKey) { headers.append(header) }
        return HTTPRequest(
            method: "POST", url: endpoint.url, headers: headers, body: Array(data), timeout: configuration.timeout)
    }

    /// The vectors of a `2xx` response, ordered by `index` and checked against the batch.
    func vectors(in response: HTTPResponse, count: Int, label: String) throws(EmbeddingError) -> [[Float]] {
        func invalid(_ problem: String) -> EmbeddingError {
            EmbeddingError(
                code: .invalidResponse, embedder: identifier,
                message: "\(endpoint.display) answered HTTP \(response.status) with \(problem)\(label)")
        }
        let decoded: ResponseBody
        do {
            decoded = try JSONDecoder().decode(ResponseBody.self, from: Data(response.body))
        } catch {
            throw invalid("a body that is not an embeddings response ({\"data\": [{\"index\", \"embedding\"}]})")
        }
        guard decoded.data.count == count else {
            throw invalid("\(decoded.data.count) embeddings for \(count) texts")
        }
        var vectors = [[Float]?](repeating: nil, count: count)
        for item in decoded.data {
            guard vectors.indices.contains(item.index), vectors[item.index] == nil else {
                throw invalid("an embedding with index \(item.index), missing or repeated for \(count) texts")
            }
            guard item.embedding.count == dimensions else {
                throw invalid(
                    "vectors of \(item.embedding.count) values, but the configuration says \(dimensions); "
                        + "set Configuration.dimensions to the model's vector length")
            }
            vectors[item.index] = item.embedding
        }
        return vectors.map { $0 ?? [] }
    }

    /// The server's own explanation in an error body (OpenAI's `error.message`, TEI's and
    /// Ollama's `error`, vLLM's `message`), or the start of the body; at most 300 characters.
    static func serverMessage(_ response: HTTPResponse) -> String {
        let text = response.text
        var message = text
        if let json = try? JSONValue(parsing: text), let object = json.objectValue {
            let error = object["error"]
            message =
                error?.objectValue?["message"]?.stringValue ?? error?.stringValue ?? object["message"]?.stringValue
                ?? object["detail"]?.stringValue ?? text
        }
        message = message.trimmingWhitespace()
        return message.count > 300 ? String(message.prefix(300)) + "…" : message
    }
}
