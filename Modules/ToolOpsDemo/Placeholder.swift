import ToolOps
