"""Output formats.  Each formatter is a class built with ``(stream, options)`` and
exposing ``write(report)``; they are registered through the ``attrlint_formats`` hook."""
