"""A report version rendered from its snapshot: .docx in the state format and .xlsx with traceability."""
