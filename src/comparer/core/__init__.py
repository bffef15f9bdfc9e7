"""Plain-Python comparison engine: versions, alignment, word changes, numbers, quotes.

Nothing in this package imports Qt or touches files; loaders hand it text, and the window,
the command line and the exports read the ``Comparison`` it returns.
"""
