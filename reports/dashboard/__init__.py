"""The leadership dashboard: the page (Unfold callback) and its figures."""
