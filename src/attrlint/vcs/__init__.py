"""Version control: which lines of which files a change wrote (``--diff``, the LSP's ``diffBase``)."""
