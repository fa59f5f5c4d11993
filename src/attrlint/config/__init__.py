"""Configuration: discovery (closest file wins, ``discovery``), the key schema (``schema``),
effective settings with provenance (``settings``), rule selection (``selection``), and the
per-configuration profile a run lints with (``profile``)."""
