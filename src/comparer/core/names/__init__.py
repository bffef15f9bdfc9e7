"""Names in an article: people and organisations, their titles, genders and fullest forms.

Hand-written rules, no list of people (no offline library resolves names in news text to
people and bodies the way the quote finder needs):

- ``lexicon``: titles, organisation words, given names, honorifics (word lists only);
- ``parsing``: ``NAME_RUN``, the one pattern for a capitalised name, and the name, titles
  and kind (``EntityKind``) in a run;
- ``gender``: ``Gender``, learnt from the article's pronouns and honorifics;
- ``registry``: ``NameRegistry``, every mention in a text joined into entities, queried
  by position.
"""
