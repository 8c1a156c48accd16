"""``python -m tokgateway``: the same as the ``tokgateway`` command."""

from tokgateway._runner import main_cli

if __name__ == "__main__":
    main_cli()
