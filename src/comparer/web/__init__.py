"""Web addresses: a page's archived captures (the Wayback Machine's index) and the live page.

Nothing here runs unless the user gives a web address: files, saved pages included, are
read by ``comparer.formats`` alone and never fetch anything. ``history.load_versions``
turns an address into versions ready to compare, each carrying its evidence
(``Version.web``); ``docs/network.md`` says what goes over the network.
"""

from comparer.web.address import is_web_address
from comparer.web.errors import WebError
from comparer.web.options import WebOptions

__all__ = ["WebError", "WebOptions", "is_web_address"]
