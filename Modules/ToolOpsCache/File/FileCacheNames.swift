import ToolOpsCore

/// The names a ``FileCache`` gives its files, and the test of whether a name is one of them.
///
/// An entry is `<stem>.tce` and a write in progress `.tmp-<stem>-<16 hex>`, where the stem is 64
/// lowercase hex characters: the key's digest, or — for a hand-made key whose digest is not
/// SHA-256 hex — the SHA-256 of it, so a digest can never smuggle a `/` or `..` into a path.
/// The store reads, replaces or deletes nothing whose name fails these patterns.
enum FileCacheNames {
    static let entrySuffix = ".tce"
    static let temporaryPrefix = ".tmp-"

    /// The stem of the file for `key`.
    static func stem(for key: CallKey) -> String {
        stem(forDigest: key.digest)
    }

    /// The stem of the file for a key with this digest.
    static func stem(forDigest digest: String) -> String {
        isStem(Substring(digest)) ? digest : KeyDigest.sha256Hex(Array("toolops.file.v1\u{0}\(digest)".utf8))
    }

    static func entryName(stem: String) -> String { stem + entrySuffix }

    /// A fresh temporary name for a write of `stem`, unique to this attempt.
    static func temporaryName(stem: String) -> String {
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return temporaryPrefix + stem + "-" + String(repeating: "0", count: 16 - random.count) + random
    }

    /// The stem of `name` if it is an entry name.
    static func entryStem(of name: String) -> String? {
        guard name.utf8.count == 64 + entrySuffix.utf8.count, name.hasSuffix(entrySuffix) else { return nil }
        let stem = name.dropLast(entrySuffix.count)
        return isStem(stem) ? String(stem) : nil
    }

    /// Whether `name` is a temporary name.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.utf8.count == temporaryPrefix.utf8.count + 64 + 1 + 16, name.hasPrefix(temporaryPrefix) else {
            return false
        }
        let rest = name.dropFirst(temporaryPrefix.count)
        let stem = rest.prefix(64)
        let random = rest.dropFirst(65)
        return isStem(stem) && rest.dropFirst(64).first == "-" && random.utf8.allSatisfy(isLowercaseHex)
    }

    private static func isStem(_ text: Substring) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isLowercaseHex)
    }

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}
