"""Role permissions for the people's inspection board: the office keeps it; units and leadership read."""

from papi_inspect.permissions import Role
from papi_inspect.roles import ALL, VIEW

_MODELS = ["people_board.board", "people_board.boardmember", "people_board.boardmeeting",
           "people_board.recommendation", "people_board.recommendationfollowup", "people_board.boardtraining"]
_READ = {model: VIEW for model in _MODELS}

ROLE_PERMISSIONS = {
    Role.OFFICE_CLERK: {model: ALL for model in _MODELS},
    Role.OFFICE_CHIEF: {model: ALL for model in _MODELS},
    Role.LEADERSHIP: _READ,
    # visible_to narrows them to the board over their unit and the recommendations it owns.
    Role.UNIT_HEAD: _READ,
    Role.UNIT_STAFF: _READ,
    Role.CHIEF_INSPECTOR: _READ,
    Role.INSPECTOR: _READ,
}
