"""``python -m edge_gw_tools``: the same as the ``edge_gw_tools`` command."""

from edge_gw_tools._runner import main_cli

if __name__ == "__main__":
    main_cli()
