// toolops-example-server: two ToolOps tools served over MCP on stdio.
//
//     swift run toolops-example-server
//     swift run toolops-example-server --export openai-chat   # the tools' JSON for one framework
//
// Standard output carries MCP messages only; every log line goes to standard error.
import Foundation
import Logging
import ToolOps
import ToolOpsExampleTools
import ToolOpsIntegrations

LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
let logger = Logger(label: "toolops.example-server")

let registry = try ExampleTools.registry(runtime: ToolRuntime(), logger: logger)
if let status = ExportCommand.run(
    arguments: Array(CommandLine.arguments.dropFirst()), definitions: registry.definitions)
{
    exit(status)
}

let server = try MCPToolServer(name: "toolops-example-server", version: "0.1.0", registry: registry)
logger.info("serving \(registry.count) tools on stdio: \(registry.names.joined(separator: ", "))")
try await server.run(transport: MCPStdioTransport(logger: logger))
logger.info("client disconnected; exiting")
