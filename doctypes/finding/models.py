"""Records of the finding doctype."""
