"""The conversations: one dialog per module, each a table of named steps. Handlers use
domain rules and repositories through the context; never a channel library or SQL."""
