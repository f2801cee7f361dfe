import ToolOpsCore

extension JSONLineEncoder {
    /// Appends `timestamp` as a quoted UTC ISO 8601 string with microseconds:
    /// `"2026-11-21T22:10:03.123456Z"`.
    ///
    /// Computed with integer arithmetic (days to civil date after Howard Hinnant's
    /// `civil_from_days`) because this runs for every line, and a date formatter would be slower and
    /// bring in Foundation. Sub-microsecond digits are truncated, never rounded up into the next
    /// second.
    mutating func appendTimestamp(_ timestamp: Timestamp) {
        let nanoseconds = timestamp.nanosecondsSinceEpoch
        // Floor division, so times before 1970 also land on the right second.
        let (seconds, nanosecondOfSecond) = floorDivide(nanoseconds, 1_000_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)

        append(ascii: "\"")
        appendDigits(year, width: 4)
        append(ascii: "-")
        appendDigits(month, width: 2)
        append(ascii: "-")
        appendDigits(day, width: 2)
        append(ascii: "T")
        appendDigits(secondOfDay / 3600, width: 2)
        append(ascii: ":")
        appendDigits(secondOfDay / 60 % 60, width: 2)
        append(ascii: ":")
        appendDigits(secondOfDay % 60, width: 2)
        append(ascii: ".")
        appendDigits(nanosecondOfSecond / 1000, width: 6)
        append(ascii: "Z")
        append(ascii: "\"")
    }

    /// Appends a non-negative `value` in decimal, left-padded with zeros to `width` digits.
    private mutating func appendDigits(_ value: Int64, width: Int) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        while value / divisor >= 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// `(quotient, remainder)` rounding towards negative infinity, so the remainder is never negative.
private func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let quotient = value / divisor
    let remainder = value % divisor
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
}

/// The proleptic Gregorian `(year, month, day)` of a day counted from 1970-01-01.
private func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = daysSinceEpoch + 719_468  // days from 0000-03-01
    let (era, dayOfEra) = floorDivide(shifted, 146_097)  // 400-year eras
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // from March 1st
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
}
