import ToolOpsCore

/// The tools a model may call, by name, each with the definition its arguments are checked against.
///
/// A registry is a value: build it once, then share it with a ``ToolExecutor`` (or several). Names are
/// unique; registering a second tool under a taken name throws, so a model never reaches the wrong tool.
///
/// ```swift
/// var registry = ToolRegistry()
/// try registry.register(weather, definition: ToolDefinition(descriptor: weather.descriptor, inputSchema: schema))
/// let entry = try registry.entry(named: "get_weather")
/// ```
public struct ToolRegistry: Sendable {
    /// A registered tool and its definition.
    public struct Entry: Sendable {
        /// The tool, called with JSON arguments.
        public let tool: any JSONTool
        /// Its declaration and schemas.
        public let definition: ToolDefinition

        /// The name the model calls the tool by.
        public var name: String { definition.name }
    }

    private var entries: [String: Entry] = [:]

    /// An empty registry.
    public init() {}

    /// Adds `tool`, offered to the model as `definition`.
    ///
    /// - Throws: ``ToolRegistryError`` when the name is taken, or when the definition's name is not
    ///   the tool's own (a definition exported for one tool must not route calls to another).
    public mutating func register(_ tool: any JSONTool, definition: ToolDefinition) throws {
        guard definition.name == tool.descriptor.name else {
            throw ToolRegistryError.nameMismatch(definition: definition.name, tool: tool.descriptor.name)
        }
        guard entries[definition.name] == nil else {
            throw ToolRegistryError.duplicateName(definition.name)
        }
        entries[definition.name] = Entry(tool: tool, definition: definition)
    }

    /// The tool registered as `name`.
    ///
    /// - Throws: ``ToolRegistryError`` saying the tool is unknown, with the closest registered name.
    public func entry(named name: String) throws(ToolRegistryError) -> Entry {
        guard let entry = entries[name] else {
            throw ToolRegistryError.unknownTool(name, suggestion: NameSuggestion.closest(to: name, among: names))
        }
        return entry
    }

    /// The tool registered as `name`, or `nil`.
    public subscript(name: String) -> Entry? { entries[name] }

    /// The registered names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The registered definitions, sorted by name: what to offer the model.
    public var definitions: [ToolDefinition] { names.compactMap { entries[$0]?.definition } }

    /// The number of registered tools.
    public var count: Int { entries.count }
}
