extension ToolOpsConfiguration {
    /// A commented `toolops.yaml` explaining every key: what `toolops config init` writes.
    ///
    /// It loads as is (the Postgres URL falls back to a local server when `TOOLOPS_POSTGRES_URL`
    /// is unset; nothing connects until the store is used).
    ///
    /// ```swift
    /// try ToolOpsConfiguration.exampleFile.write(toFile: "toolops.yaml", atomically: true, encoding: .utf8)
    /// ```
    public static var exampleFile: String {
        #"""
        # toolops.yaml: the ToolOps configuration, read by the SDK (ToolOpsConfiguration.load) and by
        # the `toolops` CLI. Check it with `toolops config check`.
        #
        # Where it is looked for: the --config path, else $TOOLOPS_CONFIG, else ./toolops.yaml, else
        # $XDG_CONFIG_HOME/toolops/toolops.yaml (~/.config/toolops/toolops.yaml).
        #
        # Durations: 250ms, 30s, 5m, 2h, 1d, or parts such as 1h30m.
        # Sizes: 4096 (bytes), 512KiB, 64MiB, 1GiB (powers of 1024) or 1MB, 1GB (powers of 1000).
        # In any value, ${VAR} is the environment variable VAR (an error when it is unset) and
        # ${VAR:-fallback} is VAR, or the fallback when VAR is unset or empty; $${ is a literal ${.
        # Every key is optional: a missing key takes the default shown.

        # The store tools cache in when they name none.
        # Default: the store named memory, else the first store below.
        default_store: memory

        defaults:
          # ttl and stale_ttl apply only to tools an app builds with
          # `configuration.defaults.readOnlyOptions()`; a tool built with options of its own keeps
          # them (ReadOnlyOptions() alone: fresh for 1h, no stale serving).
          # How long a cached result stays fresh.
          ttl: 5m
          # How long past its ttl a result may still be served when the upstream fails; 0 for never.
          stale_ttl: 1d
          # The namespace of every file and Postgres store that sets none, so that applications
          # sharing a folder or a table stay apart: 1-255 letters, digits, '.', '_' or '-'.
          namespace: default

        # The cache stores, by name (1-64 letters, digits, '.', '_' or '-'). `type` is memory,
        # file or postgres. Without this section: a memory store `memory` and a file store `file`.
        stores:
          memory:
            type: memory
            # The most entries, and the most bytes, kept; the least recently used go first.
            max_entries: 10000
            max_bytes: 64MiB

          file:
            type: file
            # The folder holding the namespace folder, created when missing. `~` is your home
            # folder; a relative path is relative to this file's folder.
            # Default: $TOOLOPS_CACHE_DIR, else $XDG_CACHE_HOME/toolops, else ~/.cache/toolops.
            # directory: ~/.cache/toolops
            # The folder inside `directory` holding this store's entries. Default: defaults.namespace.
            # namespace: default
            max_entries: 10000
            max_bytes: 256MiB

          postgres:
            type: postgres
            # A libpq connection string: a postgresql:// URI or key=value pairs, TLS options
            # included. Its password is never printed. Nothing connects until the store is used.
            url: ${TOOLOPS_POSTGRES_URL:-postgresql://toolops@localhost:5432/toolops}
            # The schema and table holding the entries, created on first use; statistics go to
            # <table>_stats.
            schema: toolops
            table: cache_entries
            # The rows of this application; clearing the store removes only these.
            # Default: defaults.namespace.
            # namespace: default

        telemetry:
          # The lowest level of log records written: trace, debug, info, notice, warning, error
          # or critical.
          log_level: warning
          # Where JSON log lines go: stderr, or a file path (appended to; its folder must exist).
          log_file: stderr
          # The first part of every metric name (toolops_calls_total): letters, digits, '_', ':'.
          metrics_prefix: toolops
          # Whether tool calls are traced, in applications and commands that set up a tracer.
          tracing: true
          # The rolling window of per-tool statistics (hit rates, latencies, cost saved).
          statistics_window: 5m
          # What one upstream call of a tool costs, by tool name, in any unit (dollars, tokens):
          # the statistics report what the cache saved. Default: none.
          cost_per_call:
            search_docs: 0.002

        # Environment variables override this file (empty ones are ignored):
        #   TOOLOPS_POSTGRES_URL    url of the store named postgres (added if missing)
        #   TOOLOPS_DEFAULT_STORE   default_store
        #   TOOLOPS_NAMESPACE       defaults.namespace
        #   TOOLOPS_CACHE_DIR       directory of every file store
        #   TOOLOPS_LOG_LEVEL       telemetry.log_level
        #   TOOLOPS_LOG_FILE        telemetry.log_file
        #   TOOLOPS_METRICS_PREFIX  telemetry.metrics_prefix
        #   TOOLOPS_TRACING         telemetry.tracing (true or false)

        """#
    }
}
