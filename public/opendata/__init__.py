"""A round's public data for reuse: one JSON document, the same tables as CSV files in a zip, a licence and a
data dictionary (`build`, `csv_files`, `dictionary`), served by `downloads`. Loading a document back into a
database is not a reader's business: it is in `demo.opendata` (the `load_open_data` command)."""
