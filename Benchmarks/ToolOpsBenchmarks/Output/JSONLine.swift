/// A flat JSON object written field by field, keeping the order fields were added in.
///
/// Hand-written rather than encoded so the scenario name comes first and numbers keep a fixed
/// number of decimals; values are only strings, integers, decimals and booleans.
struct JSONLine {
    private var fields: [String] = []

    mutating func add(_ name: String, _ value: String) {
        fields.append("\(Self.quoted(name)):\(Self.quoted(value))")
    }

    mutating func add(_ name: String, _ value: Int) {
        fields.append("\(Self.quoted(name)):\(value)")
    }

    mutating func add(_ name: String, _ value: Bool) {
        fields.append("\(Self.quoted(name)):\(value)")
    }

    /// A decimal rounded to `decimals` places, never in exponent form.
    mutating func add(_ name: String, _ value: Double, decimals: Int) {
        fields.append("\(Self.quoted(name)):\(Self.decimal(value, places: decimals))")
    }

    /// Adds every field of `other`, after the fields already here.
    mutating func append(contentsOf other: JSONLine) {
        fields.append(contentsOf: other.fields)
    }

    /// `{"a":1,"b":"x"}`.
    var text: String { "{" + fields.joined(separator: ",") + "}" }

    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let unit = Int64(scale)
        let fraction = String(scaled % unit)
        let padding = String(repeating: "0", count: places - fraction.count)
        return "\(sign)\(scaled / unit).\(padding)\(fraction)"
    }

    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
