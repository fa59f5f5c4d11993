"""Document model: text, prose blocks, sentences, and offset <-> line/column conversion."""

from attrlint.document.model import Block, Document, LineIndex, Sentence, Span

__all__ = ["Block", "Document", "LineIndex", "Sentence", "Span"]
