"""Entry point of the bundled app: the same ``comparer`` command as the pip install."""

import sys

from comparer.cli import main

if __name__ == "__main__":
    sys.exit(main())
