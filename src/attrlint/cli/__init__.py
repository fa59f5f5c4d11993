"""The command line: ``attrlint PATH...`` and its subcommands."""
