"""API of the PAPI reference (dimensions) and of the improvement plan, its reports and scores."""
