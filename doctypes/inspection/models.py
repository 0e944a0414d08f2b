"""Records of the inspection doctype."""
