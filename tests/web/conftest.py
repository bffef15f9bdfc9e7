"""The web tests' fixtures: a fake archive on 127.0.0.1, options for it, a story in it."""

from .fixtures import archive, options, story

__all__ = ["archive", "options", "story"]
