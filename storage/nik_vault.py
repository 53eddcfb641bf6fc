"""Encryption at rest and keyed lookup hashes for NIKs (UU 27/2022: protect personal data).

One secret from the settings yields two independent keys (HKDF-SHA256 with different
`info` labels): an AES-256-GCM key for the stored ciphertext and an HMAC-SHA256 key for
the lookup hash. A leaked hash column therefore cannot be brute-forced over the small NIK
space without the secret, and the hash key never touches the ciphertext.

Key versions (rotation): the vault holds the current secret and any retired ones
(`security.previous_keys`). Every blob it writes records the version of the key that wrote
it: format byte 2, then the key's 4-byte id (derived from the secret, so no numbering can
be got wrong when a retired key is dropped from the settings), a 12-byte random nonce and
the ciphertext with its 16-byte GCM tag. Blobs from before key versions (format byte 1,
no key id) are "version 1": whichever configured key authenticates them. The header is
authenticated (associated data), so it cannot be swapped. Lookup hashes and text digests
cannot carry a version, so the vault offers the digests of every configured key; the
rotation (storage.key_rotation) rewrites the stored hashes with the current key.
Nothing here ever logs or puts a NIK into an exception.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# Format bytes: 1 = before key versions (no key id), 2 = key id follows.
VERSION = 1
FORMAT_UNVERSIONED = 1
FORMAT_KEYED = 2
KEY_ID_BYTES = 4
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
_KEY_ID_INFO = b"kampung-bahagia/key-id/v1"
# What `key_version` reports for a blob written before key versions existed.
UNVERSIONED = "v1"


class NikVaultError(ValueError):
    """A blob that cannot be decrypted (wrong key, tampered or truncated data)."""


def _derive(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(secret)


class _Key:
    """The keys derived from one secret."""

    def __init__(self, secret_key: str) -> None:
        secret = secret_key.encode("utf-8")
        self.aead = AESGCM(_derive(secret, _ENCRYPTION_INFO))
        self.lookup_key = _derive(secret, _LOOKUP_INFO)
        self.text_key = _derive(secret, _TEXT_INFO)
        self.key_id = _derive(secret, _KEY_ID_INFO)[:KEY_ID_BYTES]

    def lookup_hash(self, nik: str) -> str:
        return hmac.new(self.lookup_key, nik.encode("utf-8"), hashlib.sha256).hexdigest()

    def text_digest(self, text: str) -> str:
        return hmac.new(self.text_key, text.encode("utf-8"), hashlib.sha256).hexdigest()


class NikVault:
    """Encrypts, decrypts and hashes NIKs with keys derived from the current secret;
    decrypts and finds with the retired secrets too, until a rotation has moved every
    row to the current one."""

    def __init__(self, secret_key: str, previous_keys: Sequence[str] = ()) -> None:
        for number, key in enumerate([secret_key, *previous_keys]):
            weakness = self.weakness(key)
            if weakness is not None:
                which = "NIK secret key" if number == 0 else f"previous key #{number}"
                raise ValueError(f"the {which} {weakness} (use NikVault.generate_key())")
        self._current = _Key(secret_key)
        self._previous = [_Key(key) for key in previous_keys]
        self._keys = [self._current, *self._previous]

    @property
    def current_version(self) -> str:
        """The current key's version: the hex of its key id."""
        return self._current.key_id.hex()

    @property
    def versions(self) -> list[str]:
        """Every configured key's version, the current one first."""
        return [key.key_id.hex() for key in self._keys]

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
        header = bytes([FORMAT_KEYED]) + self._current.key_id
        nonce = os.urandom(NONCE_BYTES)
        return header + nonce + self._current.aead.encrypt(nonce, nik.encode("utf-8"), header)

    @staticmethod
    def key_version(blob: bytes) -> str:
        """Which key version wrote `blob` (UNVERSIONED for blobs from before versions);
        read from the header alone, without any key."""
        blob = bytes(blob)
        if blob[:1] == bytes([FORMAT_KEYED]) and len(blob) > KEY_ID_BYTES:
            return blob[1 : 1 + KEY_ID_BYTES].hex()
        return UNVERSIONED

    def is_current(self, blob: bytes) -> bool:
        return self.key_version(blob) == self.current_version

    def decrypt(self, blob: bytes) -> str:
        blob = bytes(blob)  # PostgreSQL drivers may hand back a memoryview
        if not blob:
            raise NikVaultError("encrypted NIK is empty")
        if blob[0] == FORMAT_KEYED:
            header_size = 1 + KEY_ID_BYTES
            key_id = blob[1:header_size]
            candidates = [key for key in self._keys if key.key_id == key_id]
            if not candidates:
                raise NikVaultError("encrypted NIK was written with a key not configured")
        elif blob[0] == FORMAT_UNVERSIONED:
            header_size = 1
            candidates = self._keys  # the GCM tag tells which one wrote it
        else:
            raise NikVaultError(f"unknown encrypted NIK version {blob[0]}")
        if len(blob) < header_size + NONCE_BYTES + TAG_BYTES:
            raise NikVaultError("encrypted NIK is too short")
        header = blob[:header_size]
        nonce = blob[header_size : header_size + NONCE_BYTES]
        ciphertext = blob[header_size + NONCE_BYTES :]
        for key in candidates:
            try:
                return key.aead.decrypt(nonce, ciphertext, header).decode("utf-8")
            except InvalidTag:
                continue
        raise NikVaultError("encrypted NIK failed authentication")

    def lookup_hash(self, nik: str) -> str:
        """Deterministic keyed hash (64 hex chars) to find a person by NIK: the one
        stored with a new row (current key)."""
        return self._current.lookup_hash(nik)

    def lookup_hashes(self, nik: str) -> list[str]:
        """The hash of `nik` under every configured key, the current one first: a row
        not yet rotated is found by its old hash."""
        return [key.lookup_hash(nik) for key in self._keys]

    def text_digest(self, text: str) -> str:
        """Keyed digest of any text the bot recognises without keeping it (the last
        message of a conversation, which may be a NIK); its own key, not the lookup's."""
        return self._current.text_digest(text)

    def text_matches(self, text: str, digest: str) -> bool:
        """Is `digest` the digest of `text` under any configured key? (A digest stored
        before a rotation still recognises the repeated text.)"""
        return any(hmac.compare_digest(key.text_digest(text), digest) for key in self._keys)

    def __repr__(self) -> str:
        return "NikVault(<secret>)"
