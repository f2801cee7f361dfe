import ToolOpsCore

extension ToolExecutor {
    /// Runs `jobs` in parallel, at most ``Configuration/maxConcurrentCalls`` at a time; returns
    /// each job's result with its index.
    func run(_ jobs: [Job]) async -> [(Int, ToolCallResult)] {
        guard !jobs.isEmpty else { return [] }
        return await withTaskGroup(of: (Int, ToolCallResult).self) { group in
            var pending = jobs.makeIterator()
            var results: [(Int, ToolCallResult)] = []
            results.reserveCapacity(jobs.count)
            for _ in 0..<configuration.maxConcurrentCalls {
                guard let job = pending.next() else { break }
                group.addTask { (job.index, await self.run(job)) }
            }
            while let finished = await group.next() {
                results.append(finished)
                if let job = pending.next() {
                    group.addTask { (job.index, await self.run(job)) }
                }
            }
            return results
        }
    }

    private enum Race: Sendable {
        case finished(Result<JSONValue, ToolError>)
        case timedOut
        case timerStopped
    }

    /// Runs one call, racing it against its timeout on the clock.
    ///
    /// A timed-out call is cancelled, cooperatively, and awaited: the result comes once the body has
    /// wound down, so no work outlives the response (as with `TimeoutMiddleware`).
    private func run(_ job: Job) async -> ToolCallResult {
        let name = job.call.name
        let timeout = configuration.timeout(for: name)
        let outcome = await withTaskGroup(of: Race.self) { group -> Result<JSONValue, ToolError> in
            group.addTask {
                do {
                    return .finished(
                        .success(try await job.entry.tool.call(arguments: job.call.arguments, options: job.options)))
                } catch {
                    return .finished(.failure(ToolError.classify(error, tool: name)))
                }
            }
            group.addTask {
                do {
                    try await clock.sleep(for: timeout)
                    return .timedOut
                } catch {
                    return .timerStopped
                }
            }
            while let race = await group.next() {
                switch race {
                case .finished(let result):
                    group.cancelAll()
                    return result
                case .timedOut:
                    group.cancelAll()
                    return .failure(
                        ToolError(
                            code: .timeout, tool: name,
                            message: "the call took longer than \(timeout) and was cancelled; try narrower arguments",
                            isRetryable: true))
                case .timerStopped:
                    continue  // Only when the whole execution is cancelled: the body reports it.
                }
            }
            return .failure(.cancelled(tool: name))
        }
        switch outcome {
        case .success(let value):
            return ToolCallResult(callID: job.call.id, toolName: name, outcome: .success(value))
        case .failure(let error):
            return ToolCallResult(callID: job.call.id, toolName: name, outcome: .failure(.failed(error)))
        }
    }
}
