import ToolOpsCore

@testable import ToolOpsSemantic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the tests find the model and the reference embeddings, and those files' contents.
enum MiniLMModelFixtures {
    /// `TOOLOPS_MINILM_PATH`, or where `make model` puts the model.
    static let modelDirectory: String = {
        let environment = { (name: String) in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let path = environment("TOOLOPS_MINILM_PATH") { return path }
        let cache =
            environment("TOOLOPS_CACHE_DIR")
            ?? ((environment("XDG_CACHE_HOME") ?? ((environment("HOME") ?? "/root") + "/.cache")) + "/toolops")
        return cache + "/models/all-MiniLM-L6-v2"
    }()

    /// sentence-transformers' embeddings of 200 texts (`TOOLOPS_MINILM_REFERENCE` overrides the path).
    static let referencePath: String =
        getenv("TOOLOPS_MINILM_REFERENCE").map { String(cString: $0) } ?? "/work/shared/minilm/reference.jsonl"

    static var modelAvailable: Bool { access(modelDirectory + "/model.safetensors", R_OK) == 0 }
    static var referenceAvailable: Bool { modelAvailable && access(referencePath, R_OK) == 0 }

    /// The model, loaded once for every test.
    static let model: MiniLMModel? = try? MiniLMModel(directory: modelDirectory)

    struct Reference {
        let text: String
        let tokenIDs: [Int32]
        let embedding: [Float]
    }

    /// The reference lines, in file order.
    static let references: [Reference] = {
        guard let bytes = readFile(referencePath) else { return [] }
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let json = try? JSONValue(parsing: Array(line)),
                let ids = json["input_ids"]?.arrayValue, let values = json["embedding"]?.arrayValue
            else { return nil }
            return Reference(
                text: json["text"]?.stringValue ?? "",
                tokenIDs: ids.compactMap { $0.doubleValue.map { Int32($0) } },
                embedding: values.compactMap { $0.doubleValue.map { Float($0) } })
        }
    }()

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for (x, y) in zip(a, b) {
            dot += x * y
            normA += x * x
            normB += y * y
        }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
