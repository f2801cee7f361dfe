/// `${VAR}` and `${VAR:-fallback}` in string values, replaced from the environment.
///
/// `${VAR}` is an error when `VAR` is unset (an empty value is used as is, as in a shell);
/// `${VAR:-fallback}` gives `fallback` when `VAR` is unset or empty. `$${` writes a literal `${`;
/// any other `$` is kept as written, so passwords containing `$` need no escaping.
enum Interpolation {
    /// Why a value could not be expanded.
    enum Failure: Error, Equatable {
        /// `${name}` names a variable that is not set.
        case unset(String)
        /// A `${` with no `}`, or a name that is not a variable name; the reference as written.
        case malformed(String)
    }

    /// `text` with every reference replaced.
    static func expand(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        guard text.contains("${") else { return .success(text) }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstRange(of: "${") {
            // `$${` is an escaped `${`.
            if dollar.lowerBound > rest.startIndex, rest[rest.index(before: dollar.lowerBound)] == "$" {
                result += rest[..<rest.index(before: dollar.lowerBound)] + "${"
                rest = rest[dollar.upperBound...]
                continue
            }
            result += rest[..<dollar.lowerBound]
            guard let close = rest[dollar.upperBound...].firstIndex(of: "}") else {
                return .failure(.malformed(String(rest[dollar.lowerBound...].prefix(40))))
            }
            let reference = rest[dollar.upperBound..<close]
            let name: Substring
            let fallback: Substring?
            if let separator = reference.firstRange(of: ":-") {
                name = reference[..<separator.lowerBound]
                fallback = reference[separator.upperBound...]
            } else {
                name = reference
                fallback = nil
            }
            guard isVariableName(name) else { return .failure(.malformed("${" + reference + "}")) }
            let value = environment[String(name)]
            if let fallback, value?.isEmpty ?? true {
                result += fallback
            } else if let value {
                result += value
            } else {
                return .failure(.unset(String(name)))
            }
            rest = rest[rest.index(after: close)...]
        }
        return .success(result + rest)
    }

    /// A letter or `_`, then letters, digits or `_`.
    static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
