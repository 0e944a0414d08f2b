"""Petition registration, classification, outcome and duplicates (TT 05/2021/TT-TTCP)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from doctypes.complaint_case.models import Petition
from doctypes.complaint_case.services import petition as services
from papi_inspect.deadlines import compute_deadline
from tests.complaint_case.builders import days_ago, make_petition


def test_it_registers_a_petition_with_its_processing_deadline_from_rule_petition_process(people):
    petition = make_petition(people.inspector)
    assert petition.code.startswith(f"DON-{petition.received_on.year}-")
    assert petition.process_due == compute_deadline("petition.process", petition.received_on).due
    assert petition.deadline_status is not None
    assert petition.pseudonym == f"Người gửi {petition.code}"
    assert "Nguyễn" not in petition.identity_cipher
    assert petition.history.first().history_change_reason == "Tiếp nhận đơn"
    assert set(petition.papi.values_list("code", flat=True)) == {"3.2"}


def test_it_refuses_a_receipt_date_in_the_future_in_vietnamese(people):
    with pytest.raises(ValidationError) as error:
        make_petition(people.inspector, received_on=timezone.localdate() + datetime.timedelta(days=1))
    assert "không được sau ngày hôm nay" in error.value.message_dict["received_on"][0]
    assert not Petition.objects.exists()


def test_it_flags_a_likely_duplicate_by_keyed_hash_of_person_and_matter(people):
    first = make_petition(people.inspector)
    second = make_petition(people.inspector, identity={"name": "nguyen van  KHIEU", "id_number": "024080000001"},
                           matter="tranh chấp ranh giới thửa đất số 12")
    other = make_petition(people.inspector, matter="Việc khác hẳn")
    assert second.duplicate_of == first
    assert other.duplicate_of is None
    assert len(first.person_key) == 64 and "khieu" not in first.person_key


def test_it_merges_a_duplicate_into_the_original(people):
    first = make_petition(people.inspector)
    second = make_petition(people.inspector, many_signers=True)
    services.merge_petitions(second, into=first, by=people.inspector)
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.status == Petition.Status.MERGED and second.merged_into == first
    assert first.many_signers is True
    assert second.history.first().history_change_reason == f"Gộp vào đơn {first.code}"


def test_it_classifies_then_records_a_transfer_outcome(people):
    petition = make_petition(people.inspector)
    services.classify_petition(petition, by=people.inspector, content_kind="complaint", eligible=True,
                               within_competence=False, prior_resolution="once")
    services.record_petition_outcome(petition, by=people.inspector, outcome="transfer", decided_on=days_ago(1),
                                     transfer_to="UBND huyện Yên Dũng")
    petition.refresh_from_db()
    assert petition.status == Petition.Status.PROCESSED and petition.outcome == "transfer"
    assert petition.current_due is None


def test_it_refuses_an_outcome_before_classification(people):
    petition = make_petition(people.inspector)
    with pytest.raises(ValidationError, match="Phải phân loại đơn"):
        services.record_petition_outcome(petition, by=people.inspector, outcome="file", decided_on=days_ago(1))


def test_it_refuses_to_accept_an_anonymous_petition_as_a_denunciation_art_25(people):
    petition = make_petition(people.inspector, anonymous=True, identity=None, content_kind="denunciation",
                             has_verifiable_evidence=True)
    services.classify_petition(petition, by=people.inspector, content_kind="denunciation", eligible=True, within_competence=True)
    with pytest.raises(ValidationError, match="Điều 25"):
        services.record_petition_outcome(petition, by=people.inspector, outcome="accept", decided_on=days_ago(1))
    petition.refresh_from_db()
    assert petition.status == Petition.Status.CLASSIFIED
    services.record_petition_outcome(petition, by=people.inspector, outcome="transfer", decided_on=days_ago(1),
                                     transfer_to="Công an tỉnh")
    petition.refresh_from_db()
    assert petition.outcome == "transfer"


def test_it_refuses_a_transfer_without_a_destination(people):
    petition = make_petition(people.inspector)
    services.classify_petition(petition, by=people.inspector, content_kind="request", eligible=True, within_competence=False)
    with pytest.raises(ValidationError) as error:
        services.record_petition_outcome(petition, by=people.inspector, outcome="transfer", decided_on=days_ago(1))
    assert "transfer_to" in error.value.message_dict


def test_it_links_anti_corruption_petitions_to_papi_dimension_4(people):
    petition = make_petition(people.inspector, content_kind="denunciation", anti_corruption=True)
    assert set(petition.papi.values_list("code", flat=True)) == {"3.2", "4"}
