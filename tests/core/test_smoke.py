"""The named people and reference data exist in every test database."""

from doctypes.org.models import Unit


def test_it_has_people_and_units(people):
    assert people.inspector.staff_profile.unit.code == "snnmt-ttr"
    assert Unit.objects.filter(code="snnmt").exists()
