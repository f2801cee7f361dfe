/// The ordered middlewares of one tool.
///
/// Middlewares are kept sorted by ``PipelineStage``; at the same stage, the one added first runs
/// first. The pipeline is composed into a single chain once, when the tool is built.
public struct ToolPipeline<Input: ToolValue, Output: ToolValue>: Sendable {
    /// One middleware and where it sits.
    public struct Entry: Sendable {
        public let stage: PipelineStage
        public let middleware: any ToolMiddleware<Input, Output>
    }

    /// The middlewares, outermost first.
    public private(set) var entries: [Entry] = []

    public init() {}

    /// Adds `middleware` at `stage`, after any already there.
    public mutating func add(_ middleware: some ToolMiddleware<Input, Output>, at stage: PipelineStage) {
        let index = entries.firstIndex { $0.stage > stage } ?? entries.endIndex
        entries.insert(Entry(stage: stage, middleware: middleware), at: index)
    }

    /// The stages present, outermost first.
    public var stages: [PipelineStage] { entries.map(\.stage) }

    /// The whole chain ending in `body`, built once.
    public func compose(_ body: @escaping ToolNext<Input, Output>) -> ToolNext<Input, Output> {
        var next = body
        for entry in entries.reversed() {
            let inner = next
            let middleware = entry.middleware
            next = { call in try await middleware.handle(call, next: inner) }
        }
        return next
    }
}
