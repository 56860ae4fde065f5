"""`python -m clientarea_cli`."""

from clientarea_cli.entry import main

if __name__ == "__main__":
    main()
