"""English screens keep the dd/mm/yyyy dates of the Vietnamese documents they show."""

from papi_inspect.formats.vi.formats import *  # noqa: F401,F403
