"""Entry point for `python -m tipcli`."""

import sys

from tipcli.cli.app import main

sys.exit(main())
