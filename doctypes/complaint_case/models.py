"""Records of the complaint_case doctype."""
