"""Report services: the lifecycle of a report, its narrative pre-fill and background jobs."""
