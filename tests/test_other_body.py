"""A sentence naming another body of the kind asked, and not the one asked, does not answer (HOIDAP_RULE_OTHER_BODY)."""

from hoidap.terms import asked_body_kinds, names_asked_body, names_other_body


def test_kinds_are_the_longest_kind_before_a_name_asked():
    assert asked_body_kinds("Tổ đảng ở Thường trực Ủy ban Đối ngoại được giao gì?", ("doi ngoai",)) == {"uy ban"}
    assert asked_body_kinds("Sở Nông nghiệp và Môi trường làm gì?", ("nong nghiep va moi truong",)) == {"so"}


def test_an_authority_typed_without_diacritics_is_no_body_asked():
    assert asked_body_kinds("Ban Chi dao Trung uong yeu cau gi?", ("chi dao",)) == frozenset()


def test_another_body_of_the_kind_asked_is_found():
    row = "Cơ quan chủ quản dữ liệu: Ban Tổ chức Trung ương"
    assert names_other_body(frozenset({"ban"}), ("doi ngoai trung uong",), row)
    assert not names_other_body(frozenset({"ban"}), ("to chuc trung uong",), row)
    assert not names_other_body(frozenset({"so"}), ("doi ngoai trung uong",), row)  # no Sở named


def test_a_body_asked_by_its_initials_is_no_other_body():
    assert not names_other_body(frozenset({"bo"}), ("khoa hoc va cong nghe",), "gửi văn bản về Bộ KH&CN")
    assert names_asked_body(("khoa hoc va cong nghe",), "gửi văn bản về Bộ KH&CN")
    assert names_asked_body(("nong nghiep va moi truong",), "Sở Nông nghiệp và Môi trường chủ trì")
    assert not names_asked_body(("nong nghiep va moi truong",), "Sở Công Thương chủ trì")


def test_issuing_authorities_and_lower_case_words_are_no_bodies():
    assert not names_other_body(frozenset({"ban"}), ("doi ngoai",), "trình Ban Bí thư xem xét")
    assert not names_other_body(frozenset({"uy ban"}), ("doi ngoai",), "Ủy ban nhân dân tỉnh ban hành")
