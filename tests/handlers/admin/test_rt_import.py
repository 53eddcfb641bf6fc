"""The admin imports the RT list by sending the file to the bot: the same rules and report
as the command line, nothing imported while a row is bad unless the admin asks for the
good rows only, size and type checks, and an audit entry for each import."""

from __future__ import annotations

import io

from openpyxl import Workbook

from bot.app import App
from bot.core.messages import Attachment
from support.chat import Chat

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GOOD = (
    "kecamatan,kelurahan,rt,nama_ketua,hp,anggaran\n"
    "Telanaipura,Simpang IV Sipin,1,Budi Santoso,081200000001,120000000\n"
    ",Thehok,5,Ahmad Fauzi,081200000003,\n"
)
WITH_BAD_ROWS = (
    "kelurahan,rt,nama_ketua\n"
    "Simpang IV Sipin,1,Budi Santoso\n"  # 2: fine
    "Kampung Antah,2,Siti\n"  # 3: unknown kelurahan
    "Thehok,0,Ahmad\n"  # 4: no RT 0
    "Thehok,5,Ahmad Fauzi\n"  # 5: fine
)


def csv_file(text: str, name: str = "daftar_rt.csv") -> Attachment:
    return Attachment(name, CSV, text.encode("utf-8"))


def xlsx_file(rows: list[list[object]]) -> Attachment:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return Attachment("daftar_rt.xlsx", XLSX, out.getvalue())


async def open_import(admin: Chat) -> None:
    await admin.says("/admin")
    await admin.taps("Impor daftar RT")
    assert "Kirim berkas" in admin.text


async def rts(app: App) -> list[tuple[str, int, str]]:
    async with app.uow_factory() as uow:
        return [(rt.kelurahan_code, rt.number, rt.chair_name) for rt in await uow.rts.list()]


async def audit_actions(app: App) -> list[tuple[str, dict]]:
    async with app.uow_factory() as uow:
        return [(e.action, e.detail) for e in await uow.audit.recent(50)]


async def test_a_good_file_is_imported_and_reported(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=csv_file(GOOD))
    assert "Impor selesai" in admin.text
    assert "RT baru: 2 · diperbarui: 0 · tidak berubah: 0" in admin.text
    assert "Menu admin" in admin.last.text  # back in the admin menu
    assert await rts(app) == [
        ("15.71.01.1001", 1, "Budi Santoso"),
        ("15.71.02.1004", 5, "Ahmad Fauzi"),
    ]
    async with app.uow_factory() as uow:
        rt = await uow.rts.find("15.71.01.1001", 1)
        assert await uow.rts.budget(rt.id, 2026, default=0) == 120_000_000
    action, detail = (await audit_actions(app))[0]
    assert action == "rt_import"
    assert detail["created"] == 2 and detail["file"] == "daftar_rt.csv"


async def test_the_same_file_again_changes_nothing(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=csv_file(GOOD))
    await admin.taps("Impor daftar RT")
    await admin.sends(attachment=csv_file(GOOD))
    assert "RT baru: 0 · diperbarui: 0 · tidak berubah: 2" in admin.text


async def test_an_xlsx_file_works_too(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(
        attachment=xlsx_file(
            [
                ["Daftar RT Kota Jambi"],
                ["Kelurahan", "No. RT", "Nama Ketua"],
                ["Thehok", 5.0, "Ahmad"],
            ]
        )
    )
    assert "RT baru: 1" in admin.text
    assert await rts(app) == [("15.71.02.1004", 5, "Ahmad")]


async def test_bad_rows_are_listed_with_their_line_and_nothing_is_imported(
    app: App, admin: Chat
) -> None:
    await open_import(admin)
    await admin.sends(attachment=csv_file(WITH_BAD_ROWS))
    text = admin.text
    assert "Belum ada yang diimpor" in text
    assert "Dari 4 baris, 2 baris salah dan 2 baris benar" in text
    assert "Baris 3: Kelurahan 'Kampung Antah' tidak dikenal." in text
    assert "Baris 4: Nomor RT harus antara 1 dan 999." in text
    assert admin.choices == ["Impor baris yang benar saja", "Menu admin"]
    assert await rts(app) == []
    assert await audit_actions(app) == []


async def test_the_admin_may_then_import_the_good_rows_only(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=csv_file(WITH_BAD_ROWS))
    await admin.taps("Impor baris yang benar saja")
    assert "RT baru: 2" in admin.text
    assert "2 baris salah dilewati" in admin.text
    assert [number for _, number, _ in await rts(app)] == [1, 5]
    action, detail = (await audit_actions(app))[0]
    assert action == "rt_import" and detail["skipped_rows"] == 2


async def test_or_send_a_corrected_file(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=csv_file(WITH_BAD_ROWS))
    await admin.sends(attachment=csv_file(GOOD, "daftar_rt_perbaikan.csv"))
    assert "RT baru: 2" in admin.text
    assert len(await rts(app)) == 2


async def test_or_go_back_and_nothing_is_imported(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=csv_file(WITH_BAD_ROWS))
    await admin.taps("Menu admin")
    assert "tidak ada yang diimpor" in admin.text
    assert await rts(app) == []
    async with app.uow_factory() as uow:  # the rows kept for the choice are gone
        conversation = await uow.conversations.get("whatsapp", "admin-1")
        assert "import_rows" not in conversation.data


async def test_batal_after_bad_rows_imports_nothing(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=csv_file(WITH_BAD_ROWS))
    await admin.says("batal")
    assert "Dibatalkan" in admin.text
    assert await rts(app) == []


async def test_text_instead_of_a_file(admin: Chat) -> None:
    await open_import(admin)
    await admin.says("ini daftarnya 🙏")
    assert "Kirim sebagai dokumen" in admin.text
    await admin.says("x" * 5000)
    assert "terlalu panjang" in admin.text
    assert "Kirim berkas" in admin.last.text


async def test_wrong_type_too_big_empty_and_unreadable_files(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=Attachment("foto.jpg", "image/jpeg", b"\xff\xd8\xff"))
    assert "bukan XLSX atau CSV" in admin.text
    await admin.sends(attachment=Attachment("lama.xls", "application/vnd.ms-excel", b"abc"))
    assert "bukan XLSX atau CSV" in admin.text
    big = ("kelurahan,rt,nama_ketua\n" + "Thehok,5,Ahmad\n" * 200_000).encode()
    await admin.sends(attachment=Attachment("besar.csv", CSV, big))
    assert "lebih besar dari 2 MB" in admin.text
    await admin.sends(attachment=csv_file("kelurahan,rt,nama_ketua\n"))
    assert "kosong" in admin.text
    await admin.sends(attachment=csv_file("nama,alamat\nBudi,Jl. Melati\n"))
    assert "tidak bisa dibaca: Kolom wajib tidak ditemukan: kelurahan, rt" in admin.text
    await admin.sends(attachment=Attachment("rusak.xlsx", XLSX, b"PK\x03\x04 rusak"))
    assert "Berkas XLSX tidak dapat dibaca" in admin.text
    assert "Kirim berkas" in admin.last.text  # still waiting for a file
    assert await rts(app) == []


async def test_a_file_without_extension_is_taken_by_its_type(app: App, admin: Chat) -> None:
    await open_import(admin)
    await admin.sends(attachment=Attachment("daftar", CSV, GOOD.encode()))
    assert "RT baru: 2" in admin.text


async def test_a_change_of_chair_is_applied_and_reported_line_by_line(
    app: App, admin: Chat
) -> None:
    """The list is the official word: the new chair's phone is applied, and the result
    says exactly what changed, including a resident who is Ketua RT from now on."""
    resident = Chat(app, "warga-x", channel="whatsapp", phone="+6281200000009", name="Rina")
    await resident.says("menu")
    # The menu (the privacy notice before it names who sees the data: "Ketua RT …").
    assert "Ketua RT" not in resident.last.text
    await open_import(admin)
    await admin.sends(attachment=csv_file(GOOD))
    await admin.taps("Impor daftar RT")
    await admin.sends(attachment=csv_file(GOOD.replace("081200000001", "081200000009")))
    text = admin.text
    assert "diperbarui: 1" in text and "Ketua RT berubah di 1 RT" in text
    assert (
        "• RT 01 Kel. Simpang IV Sipin: nomor HP ketua Budi Santoso berganti dari"
        " +6281200000001 ke +6281200000009." in text
    )
    assert "Nomor +6281200000009 sudah terdaftar di bot: akun itu kini Ketua RT." in text
    actions = dict(reversed(await audit_actions(app)))  # the newest of each action
    assert actions["rt_import"]["chair_changes"] == 1
    assert actions["rt_chair_changed_by_import"]["new_name"] == "Budi Santoso"
    await resident.says("menu")
    assert "Ketua RT 01, Kel. Simpang IV Sipin" in resident.text
