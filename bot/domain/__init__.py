"""Pure domain rules of the coverage bot: premiums, identity data, money, dates and places.

Standard library only and free of I/O apart from reading the packaged region list, so every
rule here can be tested on its own and reused by any channel or storage layer.
"""
