"""`kampung-bahagia demo` scripted from standard input, as the issues ask: the Ketua RT
registers an activity, pastes a list with a bad line, confirms (the surat tugas PDF is
written and its path printed) and reports an accident that reaches the officials. The
command runs in this process (`bot.cli.main`); tests/bot/test_cli.py starts it as a real
process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from support.cli import run_in_process

BLOCK = '"""'
KETUA_RT_SCRIPT = [
    "menu",
    "Daftarkan kegiatan",
    "Perbaikan drainase Gang Mawar 🛠️",
    "Drainase",
    "Jl. Kenari RT 01",
    "hari ini",
    "lusa",
    "25 juta",
    "Tidak",
    "Simpan",
    "Tempel",
    BLOCK,
    "1571014506900001; Siti Aminah; warga; 0813-0000-0001",
    "1571010101850002; Budi Santoso; ketua rt",
    "1234; Salah NIK; warga",
    BLOCK,
    "Konfirmasi",
    "Ya",
    "menu",
    "Lapor kecelakaan",
    "1",
    "1",
    "Sekarang",
    "Gang Mawar depan masjid",
    "Tertimpa cor beton saat memasang saluran",
    "Rawat inap",
    "Pakai data saya",
    "Kirim",
]


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201
    """`kampung-bahagia demo --as PERSONA` in tmp_path with these lines typed; its output."""

    def demo(persona: str, lines: list[str]) -> str:
        stdin = "\n".join(lines) + "\n"
        result = run_in_process(
            monkeypatch, capsys, tmp_path, {}, "demo", "--as", persona, stdin=stdin
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return result.stdout

    return demo


def test_ketua_rt_walkthrough(tmp_path: Path, demo) -> None:  # noqa: ANN001
    out = demo("ketua-rt", KETUA_RT_SCRIPT)
    assert "disimpan sebagai draf" in out
    assert "2 ditambahkan" in out and "Baris 3: NIK harus tepat 16 angka" in out
    assert "Perlindungan terkonfirmasi" in out and re.search(r"KB-\d{4}-00001", out)
    pdf_line = next(line for line in out.splitlines() if line.startswith("   📎 "))
    pdf = tmp_path / pdf_line.split("📎", 1)[1].strip()
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Siti Aminah" in text and "Budi Santoso" in text
    assert "1571014506900001" not in text and "1571********0001" in text
    assert "Laporan kecelakaan tersimpan" in out
    assert "[→ petugas] ⚠️ *KECELAKAAN KERJA*" in out
    said_by_bot = [
        line for line in out.splitlines() if not any(x in line for x in KETUA_RT_SCRIPT[12:15])
    ]
    assert "1571014506900001" not in "\n".join(said_by_bot)


PETUGAS_SCRIPT = [
    "menu",
    "Ringkasan",
    "menu",
    "Ekspor BPJS",
    "XLSX",
    "Bulan ini",
    "Seluruh wilayah",
    "menu",
    "Insiden",
    "1",
    "Tandai sudah",
    "BPJS-JMB-2026-0042",
    "Ya",
]


def saved_file(out: str, suffix: str) -> str:
    return next(
        line.split("📎", 1)[1].strip()
        for line in out.splitlines()
        if line.startswith("   📎 ") and line.endswith(suffix)
    )


def test_petugas_walkthrough_after_the_ketua_rt(tmp_path: Path, demo) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    demo("ketua-rt", KETUA_RT_SCRIPT)
    out = demo("petugas", PETUGAS_SCRIPT)
    assert "Orang terlindungi saat ini: *2*" in out
    chart = tmp_path / saved_file(out, ".png")
    assert chart.read_bytes().startswith(b"\x89PNG")
    workbook = load_workbook(tmp_path / saved_file(out, ".xlsx"), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "NIK" and len(rows) == 3
    assert "ditandai sudah dilaporkan ke BPJS (nomor BPJS-JMB-2026-0042)" in out
    assert "[→ ketua-rt]" in out  # the reporter hears that it was filed


def readme_script(persona: str, number: int) -> list[str]:
    """The lines of the README's `number`-th `printf '…' | … demo --as persona` example."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    pattern = rf"printf '([^']*)' \| \.venv/bin/kampung-bahagia demo --as {persona}\n"
    return re.findall(pattern, readme)[number].encode().decode("unicode_escape").splitlines()


def test_the_readme_resident_examples_do_what_they_say(demo) -> None:  # noqa: ANN001
    out = demo("warga", readme_script("warga", 0))
    after_one = out.split("warga> 1\n", 1)[1]
    assert after_one.lstrip().startswith("[bot] 🔎 *Cek perlindungan*")
    assert "NIK 1571********0001" in after_one
    simulation = demo("warga", readme_script("warga", 1))
    assert "Simulasi premi" in simulation and "*Total premi: Rp60.000*" in simulation


def test_the_demo_sends_a_file_with_slash_file(tmp_path: Path, demo) -> None:  # noqa: ANN001
    missing = demo("admin", ["/file tidak-ada.csv"])
    assert "File tidak-ada.csv tidak bisa dibaca." in missing
