/// A call's arguments in the forms ToolOps needs: canonical for the key, masked for display.
public struct CanonicalArguments: Sendable {
    /// The arguments with every sensitive value replaced by `"sha256:<hex>"`. Feeds the key.
    public let hashed: JSONValue
    /// The string values of sensitive arguments, for masking free text.
    public let redactor: Redactor

    /// Splits `arguments` into their hashed form and the secrets they contain.
    public init(_ arguments: JSONValue, sensitive: SensitiveArguments) {
        self.init(arguments, isSensitive: sensitive.isSensitive)
    }

    /// Splits `arguments`, asking `isSensitive` about each field name (a tool passes a memoised check).
    public init(_ arguments: JSONValue, isSensitive: (String) -> Bool) {
        guard Self.containsSensitive(arguments, isSensitive) else {
            self.init(withoutSecrets: arguments)
            return
        }
        var secrets: [String] = []
        let hashed = Self.hash(arguments, isSensitive, secrets: &secrets)
        self.init(hashed: hashed, redactor: Redactor(secrets: secrets))
    }

    /// Arguments already known to hold no sensitive field.
    public init(withoutSecrets arguments: JSONValue) {
        self.init(hashed: arguments, redactor: Redactor())
    }

    private init(hashed: JSONValue, redactor: Redactor) {
        self.hashed = hashed
        self.redactor = redactor
    }

    /// Whether any field name in `value`, at any depth, is sensitive.
    public static func containsSensitive(_ value: JSONValue, _ isSensitive: (String) -> Bool) -> Bool {
        switch value {
        case .object(let members):
            for (name, member) in members {
                if isSensitive(name) || containsSensitive(member, isSensitive) { return true }
            }
            return false
        case .array(let elements):
            return elements.contains { containsSensitive($0, isSensitive) }
        default:
            return false
        }
    }

    /// `arguments` with every sensitive value replaced by ``Redactor/mask``, safe to show.
    public static func masked(_ arguments: JSONValue, sensitive: SensitiveArguments) -> JSONValue {
        switch arguments {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (name, value) in members {
                result[name] =
                    sensitive.isSensitive(name) ? .string(Redactor.mask) : masked(value, sensitive: sensitive)
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { masked($0, sensitive: sensitive) })
        default:
            return arguments
        }
    }

    private static func hash(_ value: JSONValue, _ isSensitive: (String) -> Bool, secrets: inout [String]) -> JSONValue
    {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            result.reserveCapacity(members.count)
            for (name, member) in members {
                if isSensitive(name), member != .null {
                    collectStrings(member, into: &secrets)
                    result[name] = .string("sha256:" + KeyDigest.sha256Hex(member.canonicalBytes()))
                } else {
                    result[name] = hash(member, isSensitive, secrets: &secrets)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { hash($0, isSensitive, secrets: &secrets) })
        default:
            return value
        }
    }

    private static func collectStrings(_ value: JSONValue, into secrets: inout [String]) {
        switch value {
        case .string(let string): secrets.append(string)
        case .int(let int): secrets.append(String(int))
        case .uint(let uint): secrets.append(String(uint))
        case .array(let elements): elements.forEach { collectStrings($0, into: &secrets) }
        case .object(let members): members.values.forEach { collectStrings($0, into: &secrets) }
        default: break
        }
    }
}
