"""Readers turn a file's text into a :class:`~attrlint.document.model.Document`."""
