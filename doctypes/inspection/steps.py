"""One entry point for every step, shared by the back office and the API."""

from django.core.exceptions import ValidationError

from doctypes.inspection import services


def run_step(inspection, *, by, step, on, number="", signer="", leader=None, members=(), text=""):
    """Dispatch a named step to its service with the fields it needs."""
    if step == "decide":
        if leader is None:
            raise ValidationError({"leader": "Phải chọn trưởng đoàn."})
        return services.decide_inspection(inspection, by=by, number=number, decided_on=on, signer=signer,
                                          leader=leader, members=list(members))
    if step == "announce":
        return services.announce_inspection(inspection, by=by, announced_on=on)
    if step == "extend":
        return services.extend_fieldwork(inspection, by=by, decision_number=number, decided_on=on)
    if step == "end-fieldwork":
        return services.end_fieldwork(inspection, by=by, ended_on=on)
    if step == "report":
        return services.report_inspection(inspection, by=by, reported_on=on)
    if step == "appraise":
        return services.appraise_draft(inspection, by=by, appraised_on=on)
    if step == "conclude":
        return services.conclude_inspection(inspection, by=by, number=number, concluded_on=on, signer=signer, summary=text)
    if step == "publish":
        return services.publish_conclusion(inspection, by=by, published_on=on)
    if step == "amend":
        return services.amend_conclusion(inspection, by=by, number=number, issued_on=on, reason=text, changes=text)
    raise ValidationError({"step": f"Bước không hợp lệ: {step}."})
