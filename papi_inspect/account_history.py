"""History of accounts and roles: who gave whom which role or permission, and when (identity reveals included).

Roles are Django groups, and a role decides who may reveal a denouncer's identity (the Chánh Thanh tra),
so a grant must leave a trace like any other change: users with their groups and own permissions, and
groups with their permissions, are historised with django-simple-history, many-to-many included.
"""

from django.contrib.auth.models import Group, User
from django.db import models
from simple_history import register
from simple_history.models import HistoricalRecords


class AccountHistoryRecords(HistoricalRecords):
    def post_save(self, instance, created, using=None, **kwargs):
        # Signing in saves last_login (and, when the hasher's settings changed, a re-hashed password) alone:
        # not a change to the account, and neither field is kept in the history anyway.
        update_fields = kwargs.get("update_fields")
        if update_fields and set(update_fields) <= {"last_login", "password"}:
            return
        super().post_save(instance, created, using=using, **kwargs)


register(
    User,
    app="papi_inspect",
    records_class=AccountHistoryRecords,
    # A password hash never goes into a history table; last_login is not an account change.
    excluded_fields=["password", "last_login"],
    m2m_fields=[User.groups.field, User.user_permissions.field],
    history_change_reason_field=models.TextField(null=True),
)
register(
    Group,
    app="papi_inspect",
    records_class=AccountHistoryRecords,
    m2m_fields=[Group.permissions.field],
    history_change_reason_field=models.TextField(null=True),
)
