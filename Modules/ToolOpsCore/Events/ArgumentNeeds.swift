/// On which events of a call an observer or a tracer reads ``ToolEvent/arguments``.
///
/// Preparing a call's ``CallArguments`` costs an allocation; a tool does it only for the events
/// someone reads them on, as its environment's observer and tracing declare when the tool is
/// built. A logger that writes only failures asks for ``failure``: a successful call then
/// prepares nothing.
public struct ArgumentNeeds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The `started` event.
    public static let start = ArgumentNeeds(rawValue: 1 << 0)
    /// The `succeeded` event.
    public static let success = ArgumentNeeds(rawValue: 1 << 1)
    /// The `failed` event of a call whose arguments were read.
    public static let failure = ArgumentNeeds(rawValue: 1 << 2)
    /// All three.
    public static let all: ArgumentNeeds = [.start, .success, .failure]
}
