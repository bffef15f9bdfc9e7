"""Allow ``python -m comparer``."""

import sys

from comparer.cli import main

sys.exit(main())
