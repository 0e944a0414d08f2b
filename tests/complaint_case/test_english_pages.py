"""Issue 13, item 10: in English, the calendar, the PAPI trend page and a case's history speak English – no
Vietnamese remains in the page's own text (the records' data – names, units, subjects – stay as typed)."""

import re
import unicodedata

import pytest
from django.conf import settings
from django.urls import reverse

from doctypes.org.models import StaffProfile, Unit
from doctypes.papi.models.score import PapiScore
from doctypes.papi.score_import import import_scores
from papi_inspect.models import CalendarOverride
from tests.base import client_for
from tests.complaint_case.test_verification import accepted_case
from tests.core.test_i18n import visible_text
from tests.papi.builders import BAC_GIANG_CSV

# Letters only Vietnamese uses (with their tones); plain ASCII English never has them.
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)

# The language switcher names each language in itself.
LANGUAGE_NAMES = {"Tiếng Việt"}


def data_of_the_records(*records):
    """Text that is data, not the page's own words: units, people, provinces, indicators and the records shown."""
    data = set()
    for unit in Unit.objects.all():
        data |= {unit.name, unit.short_name}
    for profile in StaffProfile.objects.all():
        data |= {profile.full_name, profile.position}
    for score in PapiScore.objects.select_related("province"):
        data |= {score.label, score.indicator, score.province.name}
    for override in CalendarOverride.objects.all():  # a day's name and note, as the office wrote them
        data |= {str(value) for value in vars(override).values() if isinstance(value, str)}
    for record in records:
        data |= {str(value) for value in vars(record).values() if isinstance(value, str)}
    return {text for text in data if text}


def own_words(parts, data):
    """The page's parts with the records' data taken out."""
    left = []
    for part in parts:
        for text in sorted(data, key=len, reverse=True):
            part = part.replace(text, "")
        if VIETNAMESE.search(part) and unicodedata.normalize("NFC", part).strip() not in LANGUAGE_NAMES:
            left.append(part)
    return left


@pytest.fixture
def english(client, people):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_discipline_check_calendar_is_english(english, people):
    client = client_for(english, people.office_clerk)
    parts = visible_text(client.get(reverse("discipline_check:calendar")))
    assert not own_words(parts, data_of_the_records()), own_words(parts, data_of_the_records())


def test_the_papi_trend_page_is_english(english, people):
    import_scores(name=BAC_GIANG_CSV.name, data=BAC_GIANG_CSV.read_bytes(), province_code="24")
    client = client_for(english, people.leader)
    for view in ("table", "chart"):
        parts = visible_text(client.get(reverse("papi:trend"), {"view": view}))
        left = own_words(parts, data_of_the_records())
        assert not left, left


def test_a_cases_history_is_english(english, people):
    case = accepted_case(people)
    client = client_for(english, people.inspector)
    parts = visible_text(client.get(reverse("complaint_case:front-detail", args=["denunciations", case.pk])))
    left = own_words(parts, data_of_the_records(case, case.petition))
    assert not left, left
    history = visible_text(client.get(reverse("admin:complaint_case_denunciation_history", args=[case.pk])))
    left = own_words(history, data_of_the_records(case, case.petition))
    assert not left, left
