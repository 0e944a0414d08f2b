"""Back office for accounts and roles with their history: each grant of a role or permission, by whom, when."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """History is for reading: a past version of an account is never restored over the present one."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


def _names(rows, attribute):
    return ", ".join(sorted(str(getattr(row, attribute)) for row in rows)) or "—"


class AccountAdmin(ReadOnlyHistoryAdmin, UserAdmin):
    history_list_display = ["roles", "own_permissions", "is_active", "is_staff", "is_superuser"]

    @admin.display(description=_("Vai trò"))
    def roles(self, version):
        return _names(version.groups.select_related("group"), "group")

    @admin.display(description=_("Quyền riêng"))
    def own_permissions(self, version):
        return _names(version.user_permissions.select_related("permission"), "permission")


class RoleAdmin(ReadOnlyHistoryAdmin, GroupAdmin):
    history_list_display = ["permissions_at_version"]

    @admin.display(description=_("Quyền"))
    def permissions_at_version(self, version):
        return _names(version.permissions.select_related("permission"), "permission")


for model, model_admin in ((User, AccountAdmin), (Group, RoleAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
