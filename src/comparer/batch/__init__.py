"""Whole archives: every story's changes across a news-revision archive, on Dask.

``comparer batch ARCHIVE -o RESULTS`` reads an archive (a diffengine or NewsEdits SQLite
database, a folder of story folders, or a JSON Lines file), compares each story's
consecutive versions with the same engine as the window, and writes one row per story
and one per pair of versions as Parquet (or JSON Lines). Nothing here imports Qt.
"""
