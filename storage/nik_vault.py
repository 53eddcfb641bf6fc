"""Encryption at rest and keyed lookup hashes for NIKs (UU 27/2022: protect personal data).

One secret from the settings yields two independent keys (HKDF-SHA256 with different
`info` labels): an AES-256-GCM key for the stored ciphertext and an HMAC-SHA256 key for
the lookup hash. A leaked hash column therefore cannot be brute-forced over the small NIK
space without the secret, and the hash key never touches the ciphertext.

Blob layout: 1 version byte, 12-byte random nonce, ciphertext with its 16-byte GCM tag.
The version byte leaves room for key rotation; it is also authenticated (as associated
data), so it cannot be swapped. Nothing here ever logs or puts a NIK into an exception.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
MIN_SECRET_CHARS = 32
# A generated key (base64 of 32 random bytes) has about 30 different characters; a typed
# phrase or a repeated pattern ("aaaa…", "abcdabcd…") has few.
MIN_DISTINCT_CHARS = 16
_ENCRYPTION_INFO = b"kampung-bahagia/nik/aes-256-gcm/v1"
_LOOKUP_INFO = b"kampung-bahagia/nik/hmac-sha256/v1"
_TEXT_INFO = b"kampung-bahagia/text/hmac-sha256/v1"


class NikVaultError(ValueError):
    """A blob that cannot be decrypted (wrong key, tampered or truncated data)."""


def _derive(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(secret)


class NikVault:
    """Encrypts, decrypts and hashes NIKs with keys derived from one secret."""

    def __init__(self, secret_key: str) -> None:
        weakness = self.weakness(secret_key)
        if weakness is not None:
            raise ValueError(f"the NIK secret key {weakness} (use NikVault.generate_key())")
        secret = secret_key.encode("utf-8")
        self._aead = AESGCM(_derive(secret, _ENCRYPTION_INFO))
        self._lookup_key = _derive(secret, _LOOKUP_INFO)
        self._text_key = _derive(secret, _TEXT_INFO)

    @staticmethod
    def weakness(secret_key: str) -> str | None:
        """Why `secret_key` is too weak to protect NIKs, or None."""
        if len(secret_key) < MIN_SECRET_CHARS:
            return f"must be at least {MIN_SECRET_CHARS} characters"
        if len(set(secret_key)) < MIN_DISTINCT_CHARS:
            return f"must have at least {MIN_DISTINCT_CHARS} different characters"
        return None

    @staticmethod
    def generate_key() -> str:
        """A fresh secret: URL-safe base64 of 32 random bytes."""
        return base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode("ascii")

    def encrypt(self, nik: str) -> bytes:
        header = bytes([VERSION])
        nonce = os.urandom(NONCE_BYTES)
        return header + nonce + self._aead.encrypt(nonce, nik.encode("utf-8"), header)

    def decrypt(self, blob: bytes) -> str:
        blob = bytes(blob)  # PostgreSQL drivers may hand back a memoryview
        if len(blob) < 1 + NONCE_BYTES + TAG_BYTES:
            raise NikVaultError("encrypted NIK is too short")
        if blob[0] != VERSION:
            raise NikVaultError(f"unknown encrypted NIK version {blob[0]}")
        header, nonce, ciphertext = blob[:1], blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, ciphertext, header).decode("utf-8")
        except InvalidTag:
            raise NikVaultError("encrypted NIK failed authentication") from None

    def lookup_hash(self, nik: str) -> str:
        """Deterministic keyed hash (64 hex chars) to find a person by NIK."""
        return hmac.new(self._lookup_key, nik.encode("utf-8"), hashlib.sha256).hexdigest()

    def text_digest(self, text: str) -> str:
        """Keyed digest of any text the bot recognises without keeping it (the last
        message of a conversation, which may be a NIK); its own key, not the lookup's."""
        return hmac.new(self._text_key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def __repr__(self) -> str:
        return "NikVault(<secret>)"
