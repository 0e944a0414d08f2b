"""The anti-corruption registers: sessions and documents (activities), and the registers about people."""

from doctypes.anticorruption.models.activities import OutreachSession, PreventionDocument, SessionAttendance
from doctypes.anticorruption.models.people import ConductDiscipline, ConflictOfInterest, GiftHandover, JobRotation

__all__ = ["ConductDiscipline", "ConflictOfInterest", "GiftHandover", "JobRotation", "OutreachSession",
           "PreventionDocument", "SessionAttendance"]
