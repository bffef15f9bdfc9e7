"""A slice of an archive that one task compares, and the batch's one error type.

Kept apart from ``archive.py`` so that each archive form can name them without importing
the module that chooses between the forms.
"""

from __future__ import annotations

from dataclasses import dataclass


class BatchError(Exception):
    """The batch cannot start or go on: a one-line message for the user (exit status 2)."""


@dataclass(frozen=True)
class Partition:
    """A slice of the archive one task compares: every version of each of its stories.

    Attributes:
        index: the partition's number, which names its result files.
        key: what identifies its stories (an id range, a digest of names, a bucket); a
            finished partition is skipped on a rerun only when its key is the same.
        args: what the worker needs to find the stories (bounds, names, bucket).
        stories: how many stories it holds, when known.
    """

    index: int
    key: str
    args: tuple[object, ...]
    stories: int | None = None
