// The umbrella: one import for the whole in-process toolkit.
@_exported import ToolOpsCache
@_exported import ToolOpsCoalescing
@_exported import ToolOpsCore
@_exported import ToolOpsPostgres
@_exported import ToolOpsResilience
@_exported import ToolOpsSemantic
@_exported import ToolOpsTelemetry
