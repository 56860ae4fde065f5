"""`python -m clientarea_cli`."""

from clientarea_cli.cli.app import main

if __name__ == "__main__":
    main()
