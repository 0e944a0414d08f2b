"""Who keeps the asset declaration register: the office (Văn phòng, tổ chức cán bộ) of the person's department."""

from doctypes.anticorruption.access import may_keep_registers


def may_keep_declarations(user, unit=None):
    """The office keeps it as it keeps the other anti-corruption registers (personnel work is the office's)."""
    return may_keep_registers(user, unit)
