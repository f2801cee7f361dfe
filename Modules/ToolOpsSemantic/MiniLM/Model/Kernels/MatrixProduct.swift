import CBLAS

/// `C = A · Wᵀ + C` for row-major `A` (rows × inner) and `W` (columns × inner): a dense layer.
///
/// PyTorch stores a linear layer's weight as `[out, in]`, so `x · Wᵀ` reads the mapped weight as
/// is (`CblasTrans`): no transposed copy is made at load time. OpenBLAS's single-threaded SGEMM
/// (AVX2/FMA kernels chosen at run time) beat a Swift SIMD kernel 2× on a 32-sentence batch and
/// 25% on a short query (Docs/BENCHMARKS.md): Swift code is compiled for baseline x86-64, without
/// FMA or AVX. One thread, because the caller decides the parallelism (one embedding per core).
enum MatrixProduct {
    /// Pins OpenBLAS to one thread, once, before the first product.
    private static let singleThreaded: Void = openblas_set_num_threads(1)

    static func multiplyAccumulating(
        _ a: UnsafePointer<Float>, rows: Int, inner: Int,
        transposed w: UnsafePointer<Float>, columns: Int,
        into c: UnsafeMutablePointer<Float>
    ) {
        _ = singleThreaded
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(columns), Int32(inner),
            1, a, Int32(inner), w, Int32(inner), 1, c, Int32(columns))
    }
}
