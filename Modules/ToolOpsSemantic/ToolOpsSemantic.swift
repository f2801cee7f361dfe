// ToolOpsSemantic: the semantic cache — embedders (built-in hashing, OpenAI-compatible over libcurl),
// the vector index, and the near-miss guards. Depends on ToolOpsCore and libcurl only.
import ToolOpsCore
