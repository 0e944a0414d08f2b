"""The complaint's dialogue (Luật Khiếu nại 2011 Art. 30) as the register of dialogues records it, when one is installed.

An app later in the layers may provide `complaint_dialogue.py` with `dialogue_step(own)` (the step that creates or
chooses its dialogue record, replacing this doctype's own) and `dialogue_result(case)` (what the linked dialogues
concluded). Without one, the case keeps the text typed on its own step; a case recorded that way keeps it readable.
"""

from papi_inspect.extensions import extension_modules


def _provider():
    modules = extension_modules("complaint_dialogue")
    return modules[0] if modules else None


def dialogue_step(own):
    """The step "dialogue" of a complaint: the register's when installed, else `own`."""
    provider = _provider()
    return provider.dialogue_step(own) if provider is not None else own


def linked_result(case):
    """What the dialogue records linked to the case concluded ("" when none, or no register is installed)."""
    provider = _provider()
    return provider.dialogue_result(case) if provider is not None and case.pk else ""


def dialogue_result(case):
    """What the dialogue concluded: the linked dialogue records' results, else the text kept on the case."""
    return linked_result(case) or case.dialogue_result
