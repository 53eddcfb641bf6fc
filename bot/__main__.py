"""`python -m bot` is the same as the `kampung-bahagia` command."""

from bot.cli import main

raise SystemExit(main())
