"""Allow ``python -m attrlint``."""

from attrlint.cli.main import main

raise SystemExit(main())
