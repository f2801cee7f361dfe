import Foundation
import Testing
import ToolOpsTesting

@testable import ToolOpsTelemetry

@Suite("Latency histogram")
struct StatisticsLatencyHistogramTests {
    static let quantiles = [0.0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0]
    /// The documented bound: half a sub-bucket, 1/64 of the value.
    static let relativeError = 1.0 / 64

    /// Named value generators, in nanoseconds, drawing from a seeded source.
    static let distributions: [(name: String, draw: @Sendable (SeededRandom) -> Int64)] = [
        ("uniform 1 ms…2 s", { random in Int64(1_000_000 + random.nextUnit() * 1_999_000_000) }),
        ("exponential, mean 40 ms", { random in Int64(-40_000_000 * log(1 - random.nextUnit())) }),
        ("constant 37 ms", { _ in 37_000_000 }),
        (
            "bimodal 2 ms / 800 ms",
            { random in
                random.nextUnit() < 0.7
                    ? Int64(2_000_000 + random.nextUnit() * 500_000)
                    : Int64(800_000_000 + random.nextUnit() * 200_000_000)
            }
        ),
        ("log-uniform 100 ns…100 s", { random in Int64(100 * pow(1e9, random.nextUnit())) }),
    ]

    @Test(
        "percentiles are within 1/64 of a sorted-array oracle",
        arguments: 0..<distributions.count
    )
    func percentilesMatchOracle(distribution: Int) {
        let (name, draw) = Self.distributions[distribution]
        let random = SeededRandom(seed: 42 + UInt64(distribution))
        var histogram = LatencyHistogram()
        var values: [Int64] = []
        for _ in 0..<50_000 {
            let value = draw(random)
            values.append(value)
            histogram.record(nanoseconds: value)
        }
        values.sort()

        let estimates = histogram.quantiles(Self.quantiles)
        for (quantile, estimate) in zip(Self.quantiles, estimates) {
            let rank = max(1, Int((quantile * Double(values.count)).rounded(.up)))
            let truth = Double(values[rank - 1])
            let error = abs(Double(estimate) - truth) / truth
            #expect(error <= Self.relativeError, "\(name): q\(quantile) estimated \(estimate), true \(truth)")
        }
        #expect(histogram.minimum == UInt64(values.first!))
        #expect(histogram.maximum == UInt64(values.last!))
        #expect(histogram.count == 50_000)
    }

    @Test("values below 32 ns are counted exactly")
    func smallValuesAreExact() {
        var histogram = LatencyHistogram()
        for value in [3, 3, 7, 19, 31] as [Int64] { histogram.record(nanoseconds: value) }
        #expect(histogram.quantiles([0.2, 0.4, 0.6, 0.8, 1.0]) == [3, 3, 7, 19, 31])
    }

    @Test("every value lands in a bucket that contains it and is at most 1/32 of its lower bound wide")
    func bucketsContainTheirValues() {
        let random = SeededRandom(seed: 7)
        var values: [UInt64] = [0, 1, 31, 32, 33, 63, 64, 65, 1 << 40, (1 << 40) - 1, UInt64(Int64.max), .max]
        for _ in 0..<10_000 { values.append(random.nextUInt64() >> (random.nextUInt64() % 64)) }
        for value in values {
            let (page, sub) = LatencyHistogram.position(of: value)
            let (lower, width) = LatencyHistogram.bounds(page: page, sub: sub)
            #expect(page < LatencyHistogram.pageCount)
            #expect(value >= lower && value - lower < width, "value \(value) outside bucket [\(lower), +\(width))")
            #expect(width == 1 || Double(width) / Double(lower) <= 1.0 / 32)
        }
    }

    @Test("negative durations count as zero")
    func negativeDurationsCountAsZero() {
        var histogram = LatencyHistogram()
        histogram.record(nanoseconds: -5)
        #expect(histogram.minimum == 0)
        #expect(histogram.quantiles([0.5]) == [0])
    }

    @Test("merging histograms gives the same percentiles as recording everything in one")
    func mergeEqualsRecordingTogether() {
        let random = SeededRandom(seed: 3)
        var whole = LatencyHistogram()
        var parts = [LatencyHistogram](repeating: LatencyHistogram(), count: 4)
        for index in 0..<20_000 {
            let value = Int64(random.nextUnit() * Double(1 << (10 + index % 20)))
            whole.record(nanoseconds: value)
            parts[index % 4].record(nanoseconds: value)
        }
        var merged = LatencyHistogram()
        for part in parts { merged.merge(part) }

        #expect(merged.count == whole.count)
        #expect(merged.minimum == whole.minimum)
        #expect(merged.maximum == whole.maximum)
        #expect(merged.quantiles(Self.quantiles) == whole.quantiles(Self.quantiles))
    }

    @Test("reset forgets the values but keeps the pages, so recording again allocates nothing")
    func resetKeepsPages() {
        var histogram = LatencyHistogram()
        for value in [5_000, 2_000_000, 900_000_000] as [Int64] { histogram.record(nanoseconds: value) }
        let pages = histogram.allocatedPages
        #expect(pages == 3)

        histogram.reset()
        #expect(histogram.count == 0)
        #expect(histogram.quantiles([0.5]).isEmpty)
        for value in [6_000, 2_050_000, 950_000_000] as [Int64] { histogram.record(nanoseconds: value) }
        #expect(histogram.allocatedPages == pages)
        #expect(histogram.quantiles([0.0]) == [6_000])
    }

    @Test("storage is bounded by the page count whatever the values")
    func storageIsBounded() {
        var histogram = LatencyHistogram()
        let random = SeededRandom(seed: 11)
        for _ in 0..<200_000 {
            histogram.record(nanoseconds: Int64(bitPattern: random.nextUInt64() >> (random.nextUInt64() % 64)))
        }
        #expect(histogram.allocatedPages <= LatencyHistogram.pageCount)
        #expect(histogram.counts.count == histogram.allocatedPages * LatencyHistogram.subBucketCount)
    }
}
