# SPDX-License-Identifier: MIT
# Copyright (c) 2026 informix-db contributors
"""Fixtures for the Python oracle: the informix-db driver (MIT) against the server named by
IFX_HOST / IFX_PORT (set by conformance/python/python.test.mjs)."""

from __future__ import annotations

import contextlib
import os

import informix_db
import pytest

HOST = os.environ.get("IFX_HOST", "127.0.0.1")
PORT = int(os.environ.get("IFX_PORT", "9088"))
SERVER = os.environ.get("IFX_SERVER", "informix")
USER = os.environ.get("IFX_USER", "informix")
PASSWORD = os.environ.get("IFX_PASSWORD", "in4mix")


class Connector:
    """Opens connections with short timeouts and closes them all at teardown."""

    def __init__(self) -> None:
        self.conns: list[informix_db.Connection] = []

    def __call__(self, database: str | None = "sysmaster", *, autocommit: bool = True, **overrides):
        kwargs = dict(
            user=USER,
            password=PASSWORD,
            database=database,
            server=SERVER,
            connect_timeout=5,
            read_timeout=10,
            autocommit=autocommit,
        )
        kwargs.update(overrides)
        conn = informix_db.connect(HOST, PORT, **kwargs)
        self.conns.append(conn)
        return conn

    def create_database(self, name: str, mode: str = ""):
        """Connect without a database and CREATE DATABASE; the session is then in it."""
        conn = self(None, autocommit=True)
        cur = conn.cursor()
        cur.execute(f"CREATE DATABASE {name} {mode}".strip())
        cur.close()
        return conn

    def close_all(self) -> None:
        for conn in self.conns:
            with contextlib.suppress(Exception):
                conn.close()


@pytest.fixture
def connect():
    connector = Connector()
    yield connector
    connector.close_all()
