import ToolOpsCache
import ToolOpsCore
import ToolOpsSemantic

extension ToolRuntime {
    /// Removes the cached result of one exact call, and its semantic cache's answer to exactly
    /// this question, so the next identical call goes live.
    ///
    /// - Returns: whether there was one.
    @discardableResult
    public func invalidate<Input: ToolValue, Output: ToolValue>(
        _ tool: Tool<Input, Output>,
        input: Input
    ) async throws -> Bool {
        var removed = false
        if let name = storeName(for: tool.id) {
            removed = try await stores.store(named: name).removeEntry(for: tool.key(for: input))
        }
        if let semantic = semanticCaching(for: tool.id),
            let query = SemanticCacheMiddleware<Input, Output>.query(
                for: input, context: tool.context,
                settings: SemanticCacheSettings(textField: semantic.textField, threshold: semantic.threshold))
        {
            removed = try await semantic.cache.remove(query) || removed
        }
        return removed
    }

    /// Removes every cached result of the tool called `name` (all versions) from the store it
    /// uses, and from its semantic cache if it has one.
    @discardableResult
    public func invalidate(toolNamed name: String) async throws -> Int {
        let storeNames = Set(cachedTools().filter { $0.key.name == name }.values)
        var removed = 0
        for storeName in storeNames {
            removed += try await stores.store(named: storeName).invalidate(.tool(name))
        }
        for use in semanticCacheUses() where use.tools.contains(name) {
            removed += try await use.cache.invalidate(.tool(name))
        }
        return removed
    }

    /// Removes every cached result carrying `tag`, in every store and semantic cache a tool of
    /// this runtime uses.
    @discardableResult
    public func invalidate(tag: String) async throws -> Int {
        var removed = 0
        for storeName in Set(cachedTools().values) {
            removed += try await stores.store(named: storeName).invalidate(.tag(tag))
        }
        for use in semanticCacheUses() {
            removed += try await use.cache.invalidate(.tag(tag))
        }
        return removed
    }
}
