import Foundation

extension MiniLMError.Code {
    /// `model.safetensors` is damaged, or does not hold the encoder `config.json` describes.
    public static let invalidWeights = MiniLMError.Code(name: "invalid weights")
}

extension MiniLMModel {
    /// Loads the weights of a validated model directory, with the head count and layer-norm epsilon
    /// of its `config.json`, and checks the weights' shapes agree with that configuration.
    ///
    /// - Throws: ``MiniLMError`` (`invalidWeights`) naming `model.safetensors` when the file is
    ///   damaged or describes another encoder; `invalidConfiguration` for an activation other than GELU.
    public init(modelDirectory: MiniLMModelDirectory) throws(MiniLMError) {
        let configuration = modelDirectory.configuration
        let path = modelDirectory.weightsFile.path
        guard configuration.hiddenActivation == "gelu" else {
            throw MiniLMError(
                .invalidConfiguration, path: modelDirectory.configurationFile.path,
                "hidden_act is '\(configuration.hiddenActivation)'; only BERT's exact GELU ('gelu') is implemented")
        }
        do {
            let file = try SafetensorsFile(path: path)
            let architecture = try MiniLMArchitecture(
                file: file, headCount: configuration.headCount,
                layerNormEpsilon: Float(configuration.layerNormEpsilon))
            let expected = (
                configuration.hiddenSize, configuration.layerCount, configuration.intermediateSize,
                configuration.vocabularySize
            )
            let found = (
                architecture.hiddenSize, architecture.layerCount, architecture.intermediateSize,
                architecture.vocabularySize
            )
            guard expected == found else {
                throw MiniLMError(
                    .invalidWeights, path: path,
                    "the weights are (hidden, layers, intermediate, vocabulary) = \(found) but config.json says "
                        + "\(expected); the directory mixes files of different models")
            }
            try self.init(file: file, architecture: architecture)
        } catch let error as MiniLMError {
            throw error
        } catch let error as SafetensorsError {
            throw MiniLMError(.invalidWeights, path: path, error.message)
        } catch {
            throw MiniLMError(.invalidWeights, path: path, "\(error)")
        }
    }
}
