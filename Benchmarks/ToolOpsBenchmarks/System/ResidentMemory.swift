#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's resident set size, from `/proc/self/status`.
enum ResidentMemory {
    /// `VmRSS` in mebibytes, or `nil` where `/proc` is not available.
    static func megabytes() -> Double? {
        guard let status = readStatus() else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            // "VmRSS:	   12345 kB"
            let digits = line.dropFirst("VmRSS:".count).filter(\.isNumber)
            guard let kilobytes = Double(String(digits)) else { return nil }
            return kilobytes / 1_024
        }
        return nil
    }

    private static func readStatus() -> String? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
