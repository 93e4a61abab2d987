"""``python -m praktikviden``: the same as the ``praktikviden`` command."""

from .cli import main_exit

main_exit()
