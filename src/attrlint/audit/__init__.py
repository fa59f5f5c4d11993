"""Archive audits: sourcing statistics over many articles (``attrlint audit``).

The pipeline is: :mod:`~attrlint.audit.readers` turn JSONL / CSV / Parquet into chunks of
:class:`~attrlint.audit.readers.ArticleRecord`; :mod:`~attrlint.audit.article` turns each
article into table rows (the same function on every engine); :mod:`~attrlint.audit.engines`
run it locally or on Dask; :mod:`~attrlint.audit.tables` writes the Parquet outputs and
:mod:`~attrlint.audit.summary` the Markdown report.  pyarrow, matplotlib and dask are
imported only here, never by a plain ``attrlint`` run.
"""
