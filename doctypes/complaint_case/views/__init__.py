"""Screens of the doctype: letter downloads and the /cases/ front office."""
