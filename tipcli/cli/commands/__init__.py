"""Every tipcli command, in the order `tipcli --help` lists them."""

from tipcli.cli.commands.add import add
from tipcli.cli.commands.index import index
from tipcli.cli.commands.quotes import quotes
from tipcli.cli.commands.rating import rating
from tipcli.cli.commands.remove import remove
from tipcli.cli.commands.search import search
from tipcli.cli.commands.sources import sources
from tipcli.cli.commands.stats import stats

COMMANDS = [rating, stats, quotes, search, sources, add, remove, index]
