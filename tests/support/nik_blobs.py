"""Encrypted NIKs as older versions of the program stored them (for rotation tests)."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.nik_vault import _ENCRYPTION_INFO, _derive


def unversioned_blob(secret: str, nik: str) -> bytes:
    """A NIK as stored before key versions existed: format byte 1, no key id."""
    header, nonce = bytes([1]), os.urandom(12)
    aead = AESGCM(_derive(secret.encode(), _ENCRYPTION_INFO))
    return header + nonce + aead.encrypt(nonce, nik.encode(), header)
