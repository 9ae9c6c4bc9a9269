"""`python -m convert` runs the gongwen command line."""

from .cli import main

raise SystemExit(main())
