"""Satisfaction results: the counts' rule, one result per procedure (service), unit and quarter, the PAPI links."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doctypes.satisfaction import services
from doctypes.satisfaction.models import SatisfactionResult
from tests.procedure_review.test_import import make_procedure
from tests.satisfaction.builders import make_result, unit


def test_it_records_a_quarter_with_its_rate_and_papi_links(people):
    result = make_result(people.office_clerk, respondents=40, satisfied=36, not_satisfied=3)
    assert result.rate == 90.0
    assert sorted(result.papi.values_list("code", flat=True)) == ["5", "8"]  # a procedure offered fully online
    offline = make_result(people.office_clerk, procedure=make_procedure("1.000045", online_level="none"))
    service = make_result(people.office_clerk, service="Cung cấp nước tưới vụ Mùa")
    assert list(offline.papi.values_list("code", flat=True)) == ["5"]
    assert list(service.papi.values_list("code", flat=True)) == ["6"]


@pytest.mark.parametrize("values, field", [
    ({"respondents": 10, "satisfied": 8, "not_satisfied": 3}, "satisfied"),
    ({"quarter": 5}, "quarter"),
    ({"year": 2099}, "year"),
    ({"year": 2026, "quarter": 4, "service": "Nước tưới", "procedure": None}, None),  # Q4/2026 has begun: accepted
])
def test_it_refuses_counts_beyond_the_respondents_and_impossible_quarters(people, values, field):
    if field is None:
        assert make_result(people.office_clerk, **values).pk
        return
    with pytest.raises(ValidationError) as refused:
        make_result(people.office_clerk, **values)
    assert field in refused.value.message_dict


def test_it_needs_either_a_procedure_or_a_service(people):
    with pytest.raises(ValidationError) as refused:
        make_result(people.office_clerk, procedure=make_procedure(), service="Nước tưới")
    assert "procedure" in refused.value.message_dict


def test_a_quarter_typed_twice_is_refused_and_an_import_replaces_it(people):
    first = make_result(people.office_clerk, satisfied=30, not_satisfied=5)
    with pytest.raises(ValidationError) as refused:
        make_result(people.office_clerk, satisfied=35, not_satisfied=2)
    assert "đã có kết quả" in str(refused.value)
    replaced = make_result(people.office_clerk, satisfied=35, not_satisfied=2, source="one_stop", replace=True)
    assert replaced.pk == first.pk and SatisfactionResult.objects.count() == 1
    assert [h.satisfied for h in replaced.history.order_by("history_id")] == [30, 35]


def test_only_the_office_keeps_the_results(people):
    for user in (people.unit_head, people.unit_staff, people.leader, people.inspector, people.outsider):
        with pytest.raises(PermissionDenied):
            make_result(user)
    with pytest.raises(PermissionDenied):  # the office of another department neither
        services.record_result(by=people.office_clerk, unit=unit("stc-vp"), service="Nước", year=2026, quarter=3,
                               respondents=1, satisfied=1, not_satisfied=0)
