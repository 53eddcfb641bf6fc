"""NikVault: authenticated encryption of NIKs and keyed lookup hashes."""

from __future__ import annotations

import base64

import pytest

from storage.nik_vault import UNVERSIONED, NikVault, NikVaultError
from support.nik_blobs import unversioned_blob

NIK = "1571014508900001"
KEY = "test-only-nik-key-0123456789abcdef0123456789"
NEW_KEY = "rotated-test-key-9f8e7d6c5b4a39281706f5e4d3c2b1a0"


def test_round_trip() -> None:
    vault = NikVault(KEY)
    assert vault.decrypt(vault.encrypt(NIK)) == NIK


def test_ciphertext_is_randomised_and_hides_the_nik() -> None:
    vault = NikVault(KEY)
    first, second = vault.encrypt(NIK), vault.encrypt(NIK)
    assert first != second
    assert NIK.encode() not in first
    # Format 2, the 4-byte key version, nonce, ciphertext and tag.
    assert first[0] == 2 and len(first) == 1 + 4 + 12 + len(NIK) + 16


def test_lookup_hash_is_stable_keyed_and_hex() -> None:
    vault = NikVault(KEY)
    digest = vault.lookup_hash(NIK)
    assert digest == NikVault(KEY).lookup_hash(NIK)
    assert len(digest) == 64 and int(digest, 16) >= 0
    assert digest != vault.lookup_hash("1571014508900002")
    assert digest != NikVault(KEY + "x").lookup_hash(NIK)


def test_another_key_cannot_decrypt() -> None:
    blob = NikVault(KEY).encrypt(NIK)
    with pytest.raises(NikVaultError) as error:
        NikVault(NikVault.generate_key()).decrypt(blob)
    assert NIK not in str(error.value)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # ciphertext / tag
        lambda b: bytes([9]) + b[1:],  # unknown format
        lambda b: bytes([1]) + b[5:],  # header swapped to the unversioned format
        lambda b: b[:1] + bytes([b[1] ^ 1]) + b[2:],  # key version
        lambda b: b[:20],  # truncated
        lambda b: b[:5] + bytes([b[5] ^ 1]) + b[6:],  # nonce
    ],
)
def test_tampered_blobs_are_rejected(tamper: object) -> None:
    vault = NikVault(KEY)
    with pytest.raises(NikVaultError):
        vault.decrypt(tamper(vault.encrypt(NIK)))  # type: ignore[operator]


def test_decrypt_accepts_memoryview() -> None:
    vault = NikVault(KEY)
    assert vault.decrypt(memoryview(vault.encrypt(NIK))) == NIK  # type: ignore[arg-type]


def test_generate_key_is_32_random_bytes() -> None:
    key = NikVault.generate_key()
    assert len(base64.urlsafe_b64decode(key)) == 32
    assert key != NikVault.generate_key()
    NikVault(key)  # long enough to be accepted


def test_short_secrets_are_refused() -> None:
    with pytest.raises(ValueError):
        NikVault("too-short")


def test_repr_hides_the_secret() -> None:
    assert KEY not in repr(NikVault(KEY))


# --- key versions and rotation -------------------------------------------------------


def test_every_blob_names_the_key_version_that_wrote_it() -> None:
    old, new = NikVault(KEY), NikVault(NEW_KEY, [KEY])
    assert old.current_version != new.current_version
    assert new.versions == [new.current_version, old.current_version]
    assert NikVault.key_version(old.encrypt(NIK)) == old.current_version
    assert NikVault.key_version(new.encrypt(NIK)) == new.current_version
    assert new.is_current(new.encrypt(NIK)) and not new.is_current(old.encrypt(NIK))


def test_a_retired_key_still_decrypts_but_never_encrypts() -> None:
    old, new = NikVault(KEY), NikVault(NEW_KEY, [KEY])
    assert new.decrypt(old.encrypt(NIK)) == NIK
    with pytest.raises(NikVaultError):
        NikVault(NEW_KEY).decrypt(old.encrypt(NIK))  # once the old key is dropped
    with pytest.raises(NikVaultError):
        old.decrypt(new.encrypt(NIK))


def test_blobs_from_before_key_versions_are_version_1_under_any_configured_key() -> None:
    legacy = unversioned_blob(KEY, NIK)
    assert NikVault.key_version(legacy) == UNVERSIONED
    assert NikVault(KEY).decrypt(legacy) == NIK
    assert NikVault(NEW_KEY, [KEY]).decrypt(legacy) == NIK
    with pytest.raises(NikVaultError):
        NikVault(NEW_KEY).decrypt(legacy)


def test_lookup_hashes_and_text_digests_of_every_configured_key() -> None:
    old, new = NikVault(KEY), NikVault(NEW_KEY, [KEY])
    assert new.lookup_hashes(NIK) == [NikVault(NEW_KEY).lookup_hash(NIK), old.lookup_hash(NIK)]
    assert new.lookup_hash(NIK) == new.lookup_hashes(NIK)[0]
    # A conversation's last text digested before the rotation is still recognised.
    assert new.text_matches(NIK, old.text_digest(NIK))
    assert new.text_matches(NIK, new.text_digest(NIK))
    assert not new.text_matches("1571014508900002", old.text_digest(NIK))
    assert not NikVault(NEW_KEY).text_matches(NIK, old.text_digest(NIK))


def test_a_weak_previous_key_is_refused() -> None:
    with pytest.raises(ValueError, match="previous key #1"):
        NikVault(NEW_KEY, ["too-short"])
