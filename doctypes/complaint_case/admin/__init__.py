"""Back office of petitions, complaint cases, denunciations and the identity access log."""

from doctypes.complaint_case.admin import cases, identity  # noqa: F401  (registers the admins)
