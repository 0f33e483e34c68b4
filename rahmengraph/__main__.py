"""``python -m rahmengraph``: the same command line as the installed ``rahmengraph`` script."""

from rahmengraph.cli import main

main()
