import ToolOpsCore

extension OpenAIEmbedder {
    /// What one attempt came to.
    private enum Outcome {
        case vectors([[Float]])
        /// A failure worth another attempt, after the server's `Retry-After` if it sent one.
        case retryable(EmbeddingError, retryAfter: Duration?)
        case final(EmbeddingError)
    }

    /// Embeds one batch, trying again as the retry policy allows.
    func embedBatch(_ batch: [String], label: String) async throws(EmbeddingError) -> [[Float]] {
        let request = try makeRequest(batch)
        let policy = configuration.retry
        var attempt = 1
        while true {
            switch await self.attempt(request, count: batch.count, label: label) {
            case .vectors(let vectors):
                return vectors
            case .final(let error):
                throw scrubbed(error)
            case .retryable(var error, let retryAfter):
                guard attempt < policy.maxAttempts else {
                    error.message += " (after \(attempt) attempt\(attempt == 1 ? "" : "s"))"
                    throw scrubbed(error)
                }
                do {
                    try await clock.sleep(for: policy.delay(after: attempt, retryAfter: retryAfter, random: random))
                } catch {
                    throw EmbeddingError(
                        code: .cancelled, embedder: identifier, message: "cancelled while waiting to retry\(label)")
                }
                attempt += 1
            }
        }
    }

    private func attempt(_ request: HTTPRequest, count: Int, label: String) async -> Outcome {
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch {
            return outcome(of: error, label: label)
        }
        let status = response.status
        if (200..<300).contains(status) {
            do {
                return .vectors(try vectors(in: response, count: count, label: label))
            } catch {
                return .final(error)
            }
        }
        func failure(_ code: EmbeddingError.Code, _ advice: String = "") -> EmbeddingError {
            let text = Self.serverMessage(response)
            return EmbeddingError(
                code: code, embedder: identifier,
                message:
                    "\(endpoint.display) answered HTTP \(status)\(label)\(text.isEmpty ? "" : ": \(text)")\(advice)")
        }
        switch status {
        case 401, 403:
            return .final(failure(.unauthorized, "; check the API key and the authentication setting"))
        case 404:
            return .final(failure(.misconfigured, "; check baseURL and the model name"))
        case 429:
            return .retryable(failure(.rateLimited), retryAfter: RetryAfter.delay(in: response, now: clock.now()))
        case 408, 500...599:
            return .retryable(failure(.unavailable), retryAfter: RetryAfter.delay(in: response, now: clock.now()))
        default:
            return .final(failure(.invalidInput))
        }
    }

    private func outcome(of error: HTTPClientError, label: String) -> Outcome {
        func failure(_ code: EmbeddingError.Code, _ summary: String) -> EmbeddingError {
            EmbeddingError(code: code, embedder: identifier, message: "\(summary)\(label): \(error.message)")
        }
        let target = "POST \(endpoint.display)"
        return switch error.code {
        case .connectionFailed, .connectionLost, .transport, .shutDown:
            .retryable(failure(.unavailable, "\(target) failed"), retryAfter: nil)
        case .timeout:
            .final(failure(.timeout, "\(target) got no answer within \(configuration.timeout)"))
        case .tls:
            .final(failure(.unavailable, "\(target) failed in TLS; check the URL and the system's CA certificates"))
        case .invalidRequest:
            .final(failure(.misconfigured, "\(target) cannot be requested; check baseURL"))
        case .responseTooLarge:
            .final(failure(.invalidResponse, "\(target) answered with too large a body"))
        case .cancelled:
            .final(failure(.cancelled, "\(target) was cancelled"))
        }
    }

    /// `error` without any trace of the API key (a server may echo it in an error message).
    private func scrubbed(_ error: EmbeddingError) -> EmbeddingError {
        guard let apiKey else { return error }
        var error = error
        error.message = apiKey.scrub(error.message)
        return error
    }
}
