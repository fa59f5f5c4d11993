"""``attrlint lsp``: a language server (pygls 2.x, extra ``attrlint[lsp]``).

``positions`` converts offsets to the client's position encoding, ``workspace`` lints a
document's text the way the CLI lints a file, ``actions`` computes the quick fixes as
plain text edits, and ``server`` wires them to the protocol.
"""
