"""Records of the discipline_check doctype."""
