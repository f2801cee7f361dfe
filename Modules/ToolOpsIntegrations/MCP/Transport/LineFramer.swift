import Foundation

/// Splits a byte stream into newline-delimited messages, with a bound on a message's size.
///
/// Empty lines are skipped and a trailing `"\r"` is removed. A line longer than `maxBytes` is
/// discarded as its bytes arrive, so memory stays bounded, and reported once its newline comes.
struct LineFramer {
    /// What one chunk of input completed.
    enum Event: Equatable {
        /// A whole message, without its newline.
        case message(Data)
        /// A line of `bytes` bytes (without its newline) that was over the limit and dropped.
        case oversized(bytes: Int)
    }

    let maxBytes: Int
    private var pending: [UInt8] = []
    /// The size so far of the oversized line being dropped, if one is.
    private var discarded: Int?

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// The bytes held for a message whose newline has not come yet (dropped ones included).
    var partialBytes: Int { discarded ?? pending.count }

    /// Takes in `chunk` and returns the messages and drops it completed, in order.
    mutating func append(_ chunk: UnsafeRawBufferPointer) -> [Event] {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var events: [Event] = []
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = UnsafeBufferPointer(rebasing: bytes[start..<newline])
            if let dropped = discarded {
                events.append(.oversized(bytes: dropped + line.count))
                discarded = nil
            } else if pending.count + line.count > maxBytes {
                events.append(.oversized(bytes: pending.count + line.count))
                pending = []
            } else {
                pending.append(contentsOf: line)
                if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
                if !pending.isEmpty { events.append(.message(Data(pending))) }
                pending.removeAll(keepingCapacity: pending.count <= 64 << 10)
            }
            start = newline + 1
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[start...])
        if let dropped = discarded {
            discarded = dropped + rest.count
        } else if pending.count + rest.count > maxBytes {
            discarded = pending.count + rest.count
            pending = []
        } else {
            pending.append(contentsOf: rest)
        }
        return events
    }
}
