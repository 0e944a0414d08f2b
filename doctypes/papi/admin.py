"""Back office for the PAPI reference."""

from django.contrib import admin

from doctypes.papi.models import Dimension
from papi_inspect.admin_base import VisibleAdmin


@admin.register(Dimension)
class DimensionAdmin(VisibleAdmin):
    list_display = ["code", "name_vi", "name_en", "parent", "first_year", "last_year"]
    list_filter = ["parent", "first_year", "last_year"]
    search_fields = ["code", "name_vi", "name_en"]
