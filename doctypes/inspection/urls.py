"""Routes of the inspection doctype: its API under /api/v1/."""

from doctypes.inspection.api import InspectionPlanViewSet, InspectionViewSet


def register_api(router):
    router.register("inspection-plans", InspectionPlanViewSet)
    router.register("inspections", InspectionViewSet)
