"""``python -m canonym``: the command line."""

import sys

from canonym.cli import main

sys.exit(main())
