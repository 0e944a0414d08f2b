"""Posting a back-office form the way the browser does: what the page carries (inline management forms, the
version it was read at), then what the user typed."""


def admin_post(client, url, typed, *, follow=False):
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    data = {}
    context = page.context
    form = context["adminform"].form
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            value = form.initial.get(name, field.initial)
            if value is not None:
                data[name] = value
    for inline in context.get("inline_admin_formsets", []) or []:
        management = inline.formset.management_form
        for name in management.fields:
            value = management.initial.get(name, management[name].value())
            data[f"{management.prefix}-{name}"] = "0" if name == "TOTAL_FORMS" else value
        data[f"{management.prefix}-TOTAL_FORMS"] = str(management.initial.get("INITIAL_FORMS", 0))
    data.update(typed)
    return client.post(url, data, follow=follow)


def errors_of(response):
    """The form's errors on a re-shown back-office page (for assertion messages)."""
    context = response.context
    if not context or "adminform" not in context:
        return response.status_code
    return dict(context["adminform"].form.errors)
