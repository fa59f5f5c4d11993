"""The rule engine: plugin management, rule contract, and running rules over documents."""
