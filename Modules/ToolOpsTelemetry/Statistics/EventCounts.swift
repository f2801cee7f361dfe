import ToolOpsCore

/// How many events of each kind one tool produced over one period (a window bucket, or its
/// lifetime), with rejections and failures also counted by ``ToolError/Code-swift.struct``.
///
/// One flat array, allocated on first use and zeroed (never freed) on reset, so counting an event
/// is one index and one add.
struct EventCounts: Sendable {
    /// The error codes counted separately, in slot order; a code added to ToolOpsCore later and
    /// not listed here yet is counted under "other".
    static let codes: [ToolError.Code] = [
        .timeout, .circuitOpen, .rateLimited, .bulkheadFull, .invalidArguments, .upstream, .cancelled,
        .misconfigured,
    ]
    /// Code slots per group: the listed codes and "other".
    static let codeSlots = codes.count + 1
    /// Slots `0..<kinds` count events by ``ToolOpsCore/ToolEvent/Kind/index``.
    static let kinds = ToolEvent.Kind.allNames.count
    /// Where the rejections by code start.
    static let rejectionBase = kinds
    /// Where the failures by code start.
    static let failureBase = kinds + codeSlots
    /// The total number of slots.
    static let slotCount = kinds + 2 * codeSlots

    private(set) var slots: [Int] = []

    /// The position of `code` in ``codes``, or of "other".
    @inline(__always)
    static func codeOffset(_ code: ToolError.Code) -> Int {
        for offset in 0..<codes.count where codes[offset] == code { return offset }
        return codes.count
    }

    /// Counts one event of kind `kindIndex`, and one in the code slot `codeSlot` unless it is negative.
    @inline(__always)
    mutating func count(kindIndex: Int, codeSlot: Int) {
        if slots.isEmpty { slots = Array(repeating: 0, count: Self.slotCount) }
        slots[kindIndex] &+= 1
        if codeSlot >= 0 { slots[codeSlot] &+= 1 }
    }

    /// Zeroes every count, keeping the storage.
    mutating func reset() {
        for index in slots.indices { slots[index] = 0 }
    }

    /// Adds the counts of `other`.
    mutating func merge(_ other: EventCounts) {
        guard !other.slots.isEmpty else { return }
        // Never adopt `other`'s storage: sharing it with a live bucket would make that bucket's
        // next event copy it.
        if slots.isEmpty { slots = Array(repeating: 0, count: Self.slotCount) }
        for index in slots.indices { slots[index] &+= other.slots[index] }
    }

    /// How many events named `name` (one of ``ToolOpsCore/ToolEvent/Kind/allNames``) were counted.
    subscript(kind name: String) -> Int {
        guard !slots.isEmpty, let index = ToolEvent.Kind.allNames.firstIndex(of: name) else { return 0 }
        return slots[index]
    }

    /// The rejections (or failures) by code name, leaving out codes never seen.
    func byCode(base: Int) -> [String: Int] {
        guard !slots.isEmpty else { return [:] }
        var result: [String: Int] = [:]
        for (offset, code) in Self.codes.enumerated() where slots[base + offset] > 0 {
            result[code.description] = slots[base + offset]
        }
        if slots[base + Self.codes.count] > 0 { result["other"] = slots[base + Self.codes.count] }
        return result
    }
}
