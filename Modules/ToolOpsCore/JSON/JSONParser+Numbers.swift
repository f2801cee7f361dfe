/// Numbers, mapped exactly as `JSONValue(from:)` mapped them when decoding with Foundation's
/// `JSONDecoder`: it tries `Int64`, then `UInt64`, then `Double` (through ``JSONValue/number(_:)``).
///
/// - A plain integer is ``JSONValue/int(_:)`` when it fits `Int64`, ``JSONValue/uint(_:)`` when it
///   fits `UInt64`, else the nearest `Double`.
/// - Any other number (with a fraction or an exponent) is first read as the nearest `Double`. When
///   that is a whole number below 2^53 in magnitude, it is the integer (`1.0`, `1e3`, `-0.0`, and also
///   `1e-400` as 0 and `1.0000000000000001` as 1). When it is a whole number from 2^53 up that fits the
///   integer type, the integer is the text's value without its fraction, as Foundation's `Decimal`
///   reads it (a mantissa of at most 128 bits, whose digits without trailing zeros must fit a `UInt64`):
///   `9007199254740993.0` is 9007199254740993, `1e19` is `uint`. Otherwise it is the `Double`.
/// - A number whose `Double` is infinite (`1e400`) is an error.
extension JSONParser {
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Exact powers of ten, for the fast path of numbers with a fraction or an exponent.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses the number starting at `index` (a `-` or a digit).
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        // The significant digits, while they fit in 19 (exactly, in a UInt64).
        var significand: UInt64 = 0
        var significantDigits = 0
        var inexact = false
        var fractionDigits = 0

        guard index < bytes.count, Self.isDigit(bytes[index]) else {
            throw unexpected(expecting: "a digit in the number starting at byte \(start)")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, Self.isDigit(bytes[index]) {
                throw JSONParseError(reason: "leading zero in the number at byte \(start)")
            }
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) {
                if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
                    significantDigits += 1
                } else {
                    inexact = true
                }
                index += 1
            }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                throw unexpected(expecting: "a digit after the decimal point in the number starting at byte \(start)")
            }
            while index < bytes.count, Self.isDigit(bytes[index]) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    if significand != 0 { significantDigits += 1 }
                    fractionDigits += 1
                } else {
                    inexact = true
                }
                index += 1
            }
        }
        var exponent = 0
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            var negativeExponent = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negativeExponent = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                throw unexpected(expecting: "a digit in the exponent of the number starting at byte \(start)")
            }
            while index < bytes.count, Self.isDigit(bytes[index]) {
                // Past this the value is 0 or infinite anyway; the exact text decides, on the slow path.
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            if negativeExponent { exponent = -exponent }
        }

        if !inexact {
            if isInteger {
                if negative {
                    if significand <= UInt64(Int64.max) { return .int(-Int64(significand)) }
                    if significand == Int64.min.magnitude { return .int(.min) }
                } else {
                    if significand <= UInt64(Int64.max) { return .int(Int64(significand)) }
                    return .uint(significand)
                }
            } else {
                // Both the significand (at most 2^53) and the power of ten (at most 10^22) are exact
                // doubles, so one multiplication or division rounds correctly: the same as strtod.
                let scale = exponent - fractionDigits
                if significand <= 1 << 53, (-22...22).contains(scale) {
                    var double = Double(significand)
                    double = scale < 0 ? double / Self.powersOfTen[-scale] : double * Self.powersOfTen[scale]
                    if negative { double.negate() }
                    if double.magnitude < 0x1p53 {
                        if let integer = Int64(exactly: double) { return .int(integer) }
                        return .double(double)
                    }
                }
            }
        }
        return try Self.number(
            from: UnsafeBufferPointer(rebasing: bytes[start..<index]), isInteger: isInteger, at: start)
    }

    /// The value of the number spelled by `text`, the slow but general way, step for step as
    /// `JSONValue(from:)` with `JSONDecoder`.
    private static func number(
        from text: UnsafeBufferPointer<UInt8>, isInteger: Bool, at offset: Int
    ) throws(JSONParseError) -> JSONValue {
        let string = String(decoding: text, as: UTF8.self)
        if isInteger, let integer = Int64(string) { return .int(integer) }
        // Double(_:) reads a JSON number correctly rounded, like the strtod JSONDecoder uses.
        guard let double = Double(string) else {
            throw JSONParseError(reason: "the number at byte \(offset) cannot be read")
        }
        if let integer = wholeNumber(Int64.self, double, text) { return .int(integer) }
        if isInteger, let integer = UInt64(string) { return .uint(integer) }
        if let integer = wholeNumber(UInt64.self, double, text) { return .uint(integer) }
        guard double.isFinite else {
            throw JSONParseError(reason: "the number at byte \(offset) is out of the range of a Double")
        }
        return .number(double)
    }

    /// `double` (read from `text`) as a `T`, when the number is one, as `JSONDecoder` reads integers
    /// from numbers with a fraction or an exponent.
    private static func wholeNumber<T: FixedWidthInteger>(
        _: T.Type, _ double: Double, _ text: UnsafeBufferPointer<UInt8>
    ) -> T? {
        guard let integer = T(exactly: double) else { return nil }
        if double.magnitude < 0x1p53 { return integer }
        return decimalWholeNumber(T.self, text)
    }

    /// The value of `text` without its fraction, as a `T`, as Foundation reads it through `Decimal`:
    /// the digits go into a 128-bit mantissa (the ones that do not fit are dropped) with an 8-bit
    /// decimal exponent; the mantissa without trailing zeros must then fit a `UInt64`.
    private static func decimalWholeNumber<T: FixedWidthInteger>(_: T.Type, _ text: UnsafeBufferPointer<UInt8>) -> T? {
        var index = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt128 = 0
        var exponent = 0
        var full = false

        func appendingDigit(_ byte: UInt8) -> UInt128? {
            let (times10, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt128(byte &- UInt8(ascii: "0")))
            return overflow || carry ? nil : sum
        }
        while index < text.count, isDigit(text[index]) {
            defer { index += 1 }
            if !full, let appended = appendingDigit(text[index]) {
                mantissa = appended
                continue
            }
            full = true
            guard exponent < Int(Int8.max) else { return nil }
            exponent += 1
        }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            while index < text.count, isDigit(text[index]) {
                defer { index += 1 }
                guard !full else { continue }
                guard let appended = appendingDigit(text[index]) else {
                    full = true
                    continue
                }
                mantissa = appended
                guard exponent > Int(Int8.min) else { return nil }
                exponent -= 1
            }
        }
        if index < text.count, text[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var negativeExponent = false
            if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                negativeExponent = text[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            while index < text.count {
                written = written * 10 + Int(text[index] &- UInt8(ascii: "0"))
                guard written <= 2 * Int(Int8.max) else { return nil }
                index += 1
            }
            exponent += negativeExponent ? -written : written
            guard (Int(Int8.min)...Int(Int8.max)).contains(exponent) else { return nil }
        }
        while mantissa != 0, mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard var whole = UInt64(exactly: mantissa) else { return nil }
        if exponent < 0 {
            for _ in 0..<(-exponent) { whole /= 10 }
        } else {
            for _ in 0..<exponent {
                let (product, overflow) = whole.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                whole = product
            }
        }
        if negative {
            guard T.isSigned, let magnitude = T(exactly: whole) else { return nil }
            return 0 - magnitude
        }
        return T(exactly: whole)
    }
}
