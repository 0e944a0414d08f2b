"""Services of petitions, complaint cases and denunciations: every state change, one transaction each."""
