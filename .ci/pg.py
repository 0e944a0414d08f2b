"""CI helper: ping the machine's PostgreSQL, or create / drop one database (trust auth as postgres)."""

import sys

import psycopg

ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=5"


def main(action, name=None):
    try:
        with psycopg.connect(ADMIN, autocommit=True) as connection:
            if action == "create":
                connection.execute(f'CREATE DATABASE "{name}"')
            elif action == "drop":
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'DROP DATABASE IF EXISTS "test_{name}" WITH (FORCE)')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL: {error}".strip().splitlines()[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
