"""Records of the citizen_reception doctype."""
