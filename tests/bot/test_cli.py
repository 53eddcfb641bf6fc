"""The `kampung-bahagia` command as a user runs it, in an empty working directory: exit
codes (0 done, 2 wrong input or configuration), one clear line on stderr and never a
traceback, and what each command stored in the SQLite file. The commands run in this
process (`bot.cli.main`); a few smoke tests start the real executable."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from storage.nik_vault import NikVault
from support.cli import CliResult, run_in_process, run_subprocess, without_kb_variables

# Simpang IV Sipin and Buluran Kenali are in Kecamatan Telanaipura (15.71.01).
SIMPANG_IV_SIPIN = "15.71.01.1001"
BULURAN_KENALI = "15.71.01.1002"
GOOD_CSV = (
    "kecamatan,kelurahan,rt,nama_ketua,no_hp,anggaran\n"
    "Telanaipura,Simpang IV Sipin,01,Budi Santoso,0812-1111-2222,Rp100.000.000\n"
    ",buluran kenali,RT 02,Siti Aminah,,\n"
)


@pytest.fixture(scope="module")
def secret_key() -> str:
    return NikVault.generate_key()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


@pytest.fixture
def env(secret_key: str, db_file: Path) -> dict[str, str]:
    return {
        **without_kb_variables(),
        "KB_SECURITY__SECRET_KEY": secret_key,
        "KB_DATABASE__URL": f"sqlite+aiosqlite:///{db_file}",
    }


@pytest.fixture
def run(
    tmp_path: Path,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):  # noqa: ANN201
    """The command in this process, from tmp_path, with `env`'s KB_ variables."""

    def run(
        *args: str, stdin: str = "", extra_env: dict[str, str] | None = None, drop: str = ""
    ) -> CliResult:
        environment = {**env, **(extra_env or {})}
        environment.pop(drop, None)
        return run_in_process(monkeypatch, capsys, tmp_path, environment, *args, stdin=stdin)

    return run


def one_clear_line(result: CliResult) -> str:
    """A refused command: exit 2, nothing on stdout, one line on stderr, no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    return lines[0]


def query(db_file: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_file) as connection:
        return connection.execute(sql).fetchall()


def stored_rts(db_file: Path) -> list[tuple[object, ...]]:
    return query(
        db_file, "SELECT kelurahan_code, number, chair_name, chair_phone FROM rts ORDER BY id"
    )


# --- premi ---------------------------------------------------------------------------


def test_premi_prints_the_breakdown(run) -> None:  # noqa: ANN001
    result = run("premi", "850jt")
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines())
    figures = {label.strip(): value.strip() for label, value in lines.items()}
    assert figures["Nilai kegiatan"] == "Rp850.000.000"
    assert figures["JKK"] == "Rp1.345.000"
    assert figures["JKM"] == "Rp180.000"
    assert figures["Total premi"] == "Rp1.525.000"


def test_premi_uses_the_configured_rounding(run) -> None:  # noqa: ANN001
    # JKK of Rp25.000.001 is Rp52.500,0021: half up (default) Rp52.500, "up" Rp52.501.
    default = run("premi", "25.000.001")
    up = run("premi", "25.000.001", extra_env={"KB_PROGRAM__PREMIUM_ROUNDING": "up"})
    assert "JKK            : Rp52.500\n" in default.stdout
    assert "JKK            : Rp52.501\n" in up.stdout


def test_premi_on_the_value_excluding_ppn_when_configured(run) -> None:  # noqa: ANN001
    basis = {"KB_PROGRAM__PREMIUM_BASIS": "excluding_ppn"}
    as_entered = run("premi", "--termasuk-ppn", "111jt")
    excluding = run("premi", "--termasuk-ppn", "111jt", extra_env=basis)
    without_ppn = run("premi", "111jt", extra_env=basis)
    assert "Total premi    : Rp260.900" in as_entered.stdout
    assert "Dasar premi" not in as_entered.stdout
    # Rp111.000.000 / 1,11 = Rp100.000.000 -> band 1 only.
    assert "Dasar premi    : Rp100.000.000 (nilai tanpa PPN 11%)" in excluding.stdout
    assert "Total premi    : Rp240.000" in excluding.stdout
    assert "Total premi    : Rp260.900" in without_ppn.stdout


def test_premi_takes_a_value_written_in_several_words(run) -> None:  # noqa: ANN001
    result = run("premi", "Rp", "25.000.000,-")
    assert result.returncode == 0, result.stderr
    assert "Rp60.000" in result.stdout


def test_premi_refuses_what_is_not_money(run) -> None:  # noqa: ANN001
    assert "abc" in one_clear_line(run("premi", "abc"))


def test_premi_asks_back_an_ambiguous_value(run) -> None:  # noqa: ANN001
    line = one_clear_line(run("premi", "2,5"))
    assert "Rp2.500.000" in line


def test_premi_names_every_reading_of_an_ambiguous_value(run) -> None:  # noqa: ANN001
    line = one_clear_line(run("premi", "1.500 jt"))
    assert "maksud Anda Rp1.500.000.000 atau Rp1.500.000?" in line


def test_premi_refuses_zero(run) -> None:  # noqa: ANN001
    assert "Rp0" in one_clear_line(run("premi", "0"))


# --- configuration -------------------------------------------------------------------


def test_a_missing_config_file(run, db_file: Path) -> None:  # noqa: ANN001
    assert "missing.toml" in one_clear_line(run("--config", "missing.toml", "db", "upgrade"))
    assert not db_file.exists()


def test_a_wrong_environment_value_names_the_key(run) -> None:  # noqa: ANN001
    result = run("db", "upgrade", extra_env={"KB_PROGRAM__MAX_PARTICIPANTS": "abc"})
    assert "program.max_participants" in one_clear_line(result)


def test_a_wrong_value_in_the_config_file_names_the_key(run, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "config.toml").write_text('[database]\nurl = "mysql://x"\n', encoding="utf-8")
    assert "database.url" in one_clear_line(run("db", "upgrade", drop="KB_DATABASE__URL"))


def test_the_secret_key_is_required_outside_the_demo(run, db_file: Path) -> None:  # noqa: ANN001
    line = one_clear_line(run("db", "upgrade", drop="KB_SECURITY__SECRET_KEY"))
    assert "security.secret_key" in line and "keygen" in line
    assert not db_file.exists()


@pytest.mark.parametrize("key", ["kurang-panjang", "a" * 44, "abcd" * 11])
def test_a_short_or_weak_key_is_refused_in_one_line(run, key: str) -> None:  # noqa: ANN001
    line = one_clear_line(run("db", "upgrade", extra_env={"KB_SECURITY__SECRET_KEY": key}))
    assert "security.secret_key" in line and "keygen" in line


def test_a_key_other_than_the_databases_is_refused_in_one_line(run, db_file: Path) -> None:  # noqa: ANN001
    assert run("db", "upgrade").returncode == 0
    other = {"KB_SECURITY__SECRET_KEY": NikVault.generate_key()}
    line = one_clear_line(run("db", "upgrade", extra_env=other))
    assert "security.secret_key: not the key of this database" in line
    assert run("db", "upgrade").returncode == 0  # the right key still starts


# --- database, RT list, admin --------------------------------------------------------


def test_db_upgrade_creates_the_schema(run, db_file: Path) -> None:  # noqa: ANN001
    result = run("db", "upgrade")
    assert result.returncode == 0, result.stderr
    tables = {name for (name,) in query(db_file, "SELECT name FROM sqlite_master")}
    assert {"rts", "accounts", "roles", "activities", "persons", "outbox", "audit_log"} <= tables
    assert query(db_file, "SELECT count(*) FROM kelurahan") == [(68,)]
    assert run("db", "upgrade").returncode == 0  # a second upgrade is a no-op


def test_rt_import_is_idempotent(run, tmp_path: Path, db_file: Path) -> None:  # noqa: ANN001
    (tmp_path / "rt.csv").write_text(GOOD_CSV, encoding="utf-8")
    first = run("rt", "import", "rt.csv")
    assert first.returncode == 0, first.stderr
    assert "RT baru: 2" in first.stdout
    assert stored_rts(db_file) == [
        (SIMPANG_IV_SIPIN, 1, "Budi Santoso", "+6281211112222"),
        (BULURAN_KENALI, 2, "Siti Aminah", None),
    ]
    again = run("rt", "import", "rt.csv")
    assert again.returncode == 0, again.stderr
    assert "RT baru: 0" in again.stdout and "tidak berubah: 2" in again.stdout
    assert len(stored_rts(db_file)) == 2


def test_rt_import_with_a_bad_row_imports_nothing(run, tmp_path: Path, db_file: Path) -> None:  # noqa: ANN001
    (tmp_path / "rt.csv").write_text(GOOD_CSV + ",Kampung Antah,3,Ahmad,,\n", encoding="utf-8")
    result = run("rt", "import", "rt.csv")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "baris 4" in result.stderr.casefold() and "Kampung Antah" in result.stderr
    assert stored_rts(db_file) == []


def test_rt_import_skip_invalid_imports_the_good_rows(run, tmp_path: Path, db_file: Path) -> None:  # noqa: ANN001
    (tmp_path / "rt.csv").write_text(GOOD_CSV + ",Kampung Antah,3,Ahmad,,\n", encoding="utf-8")
    result = run("rt", "import", "--skip-invalid", "rt.csv")
    assert result.returncode == 0, result.stderr
    assert "baris 4" in result.stderr.casefold()
    assert [(code, number) for code, number, _, _ in stored_rts(db_file)] == [
        (SIMPANG_IV_SIPIN, 1),
        (BULURAN_KENALI, 2),
    ]


def test_rt_import_reads_xlsx(run, tmp_path: Path, db_file: Path) -> None:  # noqa: ANN001
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Kelurahan", "No RT", "Nama Ketua", "HP"])
    sheet.append(["Simpang IV Sipin", 7, "Rina", 81234567890])
    out = io.BytesIO()
    workbook.save(out)
    (tmp_path / "rt.xlsx").write_bytes(out.getvalue())
    result = run("rt", "import", "rt.xlsx")
    assert result.returncode == 0, result.stderr
    assert stored_rts(db_file) == [(SIMPANG_IV_SIPIN, 7, "Rina", "+6281234567890")]


def test_rt_import_of_a_missing_file(run) -> None:  # noqa: ANN001
    assert "nothere.csv" in one_clear_line(run("rt", "import", "nothere.csv"))


def test_admin_add_stores_the_normalised_phone(run, db_file: Path) -> None:  # noqa: ANN001
    result = run("admin", "add", "--name", "Ibu Admin", "--phone", "0812-3456-7890")
    assert result.returncode == 0, result.stderr
    assert "+6281234567890" in result.stdout
    assert query(db_file, "SELECT role, phone, name FROM roles") == [
        ("admin", "+6281234567890", "Ibu Admin")
    ]


def test_admin_add_refuses_a_bad_phone(run, db_file: Path) -> None:  # noqa: ANN001
    assert "12345" in one_clear_line(run("admin", "add", "--name", "X", "--phone", "12345"))
    assert not db_file.exists() or query(db_file, "SELECT * FROM roles") == []


def test_keygen_prints_a_usable_key(run) -> None:  # noqa: ANN001
    first, second = run("keygen"), run("keygen")
    assert first.returncode == 0 and second.returncode == 0
    key = first.stdout.strip()
    assert key and key != second.stdout.strip()
    NikVault(key)  # accepted by the vault that encrypts NIKs


# --- the real executable (smoke tests) ------------------------------------------------


def test_python_dash_m_bot_shows_help(tmp_path: Path, env: dict[str, str]) -> None:
    result = run_subprocess(tmp_path, env, "--help", command=[sys.executable, "-m", "bot"])
    assert result.returncode == 0, result.stderr
    for command in ("demo", "premi", "db", "rt", "admin", "keygen"):
        assert command in result.stdout


# --- demo ----------------------------------------------------------------------------

# A button is picked by its title (its number depends on the roles the menu offers).
DEMO_SCRIPT = "menu\nSimulasi premi\n25 juta\n/as petugas\nmenu\n"


def test_the_demo_can_be_scripted(tmp_path: Path, env: dict[str, str]) -> None:
    """As a real process: standard input read to its end, files written where it runs."""
    env = {k: v for k, v in env.items() if k != "KB_SECURITY__SECRET_KEY"}
    result = run_subprocess(tmp_path, env, "demo", "--as", "warga", stdin=DEMO_SCRIPT)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert "Menu utama" in out and "Simulasi premi" in out
    assert "Total premi: Rp60.000" in out
    assert "sekarang sebagai petugas" in out
    assert "Selamat datang, Rina Marlina" in out.split("sekarang sebagai petugas")[1]
    assert (tmp_path / "data" / "demo.db").is_file()
    assert (tmp_path / "data" / "demo.key").is_file()


def test_the_demo_runs_again_on_the_same_database(run, tmp_path: Path) -> None:  # noqa: ANN001
    first = run("demo", "--as", "warga", stdin=DEMO_SCRIPT, drop="KB_SECURITY__SECRET_KEY")
    second = run("demo", "--as", "warga", stdin=DEMO_SCRIPT, drop="KB_SECURITY__SECRET_KEY")
    assert second.returncode == 0, second.stderr
    # Every message was answered (fresh message ids), and the warga is known already.
    assert "Total premi: Rp60.000" in second.stdout
    assert "Pemberitahuan privasi" in first.stdout
    assert "Pemberitahuan privasi" not in second.stdout
    demo_db = tmp_path / "data" / "demo.db"
    assert query(demo_db, "SELECT count(*) FROM rts") == [(4,)]
    assert query(demo_db, "SELECT role, count(*) FROM roles GROUP BY role ORDER BY role") == [
        ("admin", 1),
        ("petugas", 1),
    ]
