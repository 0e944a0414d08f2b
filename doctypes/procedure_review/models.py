"""Records of the procedure_review doctype."""
