"""Routes of the asset_declaration doctype: its API under /api/v1/."""

from doctypes.asset_declaration.api import DeclarationDutyViewSet, DeclarationRuleViewSet


def register_api(router):
    router.register("declaration-duties", DeclarationDutyViewSet)
    router.register("declaration-rules", DeclarationRuleViewSet)
