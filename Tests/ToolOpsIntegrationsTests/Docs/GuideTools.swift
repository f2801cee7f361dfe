import ToolOps
import ToolOpsExampleTools
import ToolOpsIntegrations
import ToolOpsTesting

/// The tools the per-framework guides (`Docs/integrations/`) show: `toolops-example-server`'s own
/// `get_weather` and `search_docs` (the `ToolOpsExampleTools` library), so the guides' JSON is what
/// the server sends.
enum GuideTools {
    /// A registry holding both tools, as the example server builds it; its weather readings count
    /// from 1, as in a freshly started server.
    static func registry() throws -> ToolRegistry {
        try ExampleTools.registry(runtime: ToolRuntime(environment: ToolEnvironment(clock: ManualClock())))
    }
}
