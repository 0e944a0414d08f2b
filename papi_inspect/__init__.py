"""papi_inspect: the working tool of a department's Inspectorate and Office."""

__version__ = "0.1.0"
