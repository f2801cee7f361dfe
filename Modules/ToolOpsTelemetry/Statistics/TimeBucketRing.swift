/// A tool's rolling window: a fixed ring of time buckets, recycled as time moves on.
///
/// Bucket number `n` holds the events whose timestamps fall in `[n × width, (n + 1) × width)`;
/// it lives in slot `n mod count`. An event for a newer bucket than the one its slot holds
/// recycles the slot (zeroing it, keeping its storage); an event for an older one is too old for
/// the window and is not counted in it. So the ring never grows, whatever the traffic.
struct TimeBucketRing: Sendable {
    /// The buckets, by slot; created on first use.
    private(set) var buckets: [StatisticsBucket] = []
    /// The bucket number each slot holds, or `Int64.min` when it holds none yet.
    private(set) var numbers: [Int64] = []
    /// How many buckets the ring holds.
    let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The slot for bucket `number`, recycled first when it held an older bucket; `nil` when it
    /// holds a newer bucket, that is when `number` is older than the window.
    @inline(__always)
    mutating func slot(for number: Int64) -> Int? {
        if buckets.isEmpty {
            buckets = Array(repeating: StatisticsBucket(), count: count)
            numbers = Array(repeating: .min, count: count)
        }
        let slot = Int(number.modulo(Int64(count)))
        let held = numbers[slot]
        if held == number { return slot }
        if held > number { return nil }
        buckets[slot].reset()
        numbers[slot] = number
        return slot
    }

    /// Counts one event in bucket `number`, unless it is older than the window.
    @inline(__always)
    mutating func record(bucket number: Int64, kindIndex: Int, codeSlot: Int, duration: Int64?) {
        guard let slot = slot(for: number) else { return }
        buckets[slot].record(kindIndex: kindIndex, codeSlot: codeSlot, duration: duration)
    }

    /// Everything counted in the buckets numbered `newest - count + 1 ... newest`.
    func merged(endingAt newest: Int64) -> StatisticsBucket {
        var total = StatisticsBucket()
        let oldest = newest &- Int64(count) &+ 1
        for (slot, number) in numbers.enumerated() where number >= oldest && number <= newest {
            total.merge(buckets[slot])
        }
        return total
    }

    /// Forgets every bucket, keeping the storage.
    mutating func reset() {
        for slot in buckets.indices {
            buckets[slot].reset()
            numbers[slot] = .min
        }
    }
}

extension Int64 {
    /// The remainder of floored division: always in `0..<divisor` for a positive divisor.
    @inline(__always)
    func modulo(_ divisor: Int64) -> Int64 {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    /// Floored division: rounds towards negative infinity, so bucket boundaries stay evenly spaced
    /// before the epoch too.
    @inline(__always)
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
