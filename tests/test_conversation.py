"""Follow-up questions completed from the previous turn (extractive mode), in the service and the CLI."""

from typer.testing import CliRunner

from hoidap.answer.conversation import Turn, resolutions, resolve, with_antecedent
from hoidap.cli import app


def test_resolution_rules():
    plan = Turn("Đến năm 2030 kinh tế số của Bình Phước dự kiến chiếm bao nhiêu phần trăm GRDP?", ["Tin Bình Phước"])
    assert resolve("còn năm 2025 thì sao?", plan) == plan.question.replace("2030", "2025")
    law = Turn("Luật Giao dịch điện tử có hiệu lực từ ngày nào?", ["Luật Giao dịch điện tử (20/2023/QH15)"])
    assert resolve("Văn bản đó do cơ quan nào ban hành?", law) == "Luật Giao dịch điện tử (20/2023/QH15) do cơ quan nào ban hành?"
    rank = Turn("Bình Phước đứng thứ mấy về chỉ số chuyển đổi số?", [])
    assert resolve("Còn Hà Nội thì sao?", rank) == "Hà Nội đứng thứ mấy về chỉ số chuyển đổi số?"
    assert resolve("còn về hạ tầng số thì sao?", rank) == "Hạ tầng số (Bình Phước)?"
    assert resolve("còn doanh nghiệp thì sao?", plan) == "Doanh nghiệp (Bình Phước, 2030)?"
    nq = Turn("Nghị quyết 57 đặt mục tiêu bao nhiêu doanh nghiệp công nghệ số?", [])
    assert resolve("còn về kinh phí nghiên cứu thì sao?", nq) == "Kinh phí nghiên cứu (Nghị quyết 57)?"
    assert resolve("Nghị quyết 57 đặt mục tiêu gì?", rank) == "Nghị quyết 57 đặt mục tiêu gì?"  # not a follow-up
    assert resolve("còn năm 2025 thì sao?", None) == "còn năm 2025 thì sao?"
    # "còn X thì sao, <a question of its own>?": X asked that, not X put in the old question
    assert resolve("Còn luật cũ năm 2005 thì sao, có còn áp dụng nữa không?", law) == "luật cũ năm 2005 có còn áp dụng nữa không?"
    decree = Turn("Nghị định 91/2020/NĐ-CP quy định về vấn đề gì?", ["Nghị định 91/2020/NĐ-CP"])
    # any other back-reference is read in the frame of the document cited first
    assert resolve("Điều này áp dụng cho ai?", decree) == "Điều này áp dụng cho ai (theo Nghị định 91/2020/NĐ-CP)?"
    assert resolve("Họ phải báo cáo khi nào?", decree) == "Họ phải báo cáo khi nào (theo Nghị định 91/2020/NĐ-CP)?"
    assert resolve("Hội nghị này do ai chủ trì?", decree) == "Nghị định 91/2020/NĐ-CP do ai chủ trì?"  # a noun + demonstrative


def test_follow_up_in_the_service(service):
    first = service.ask("Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?")
    follow = service.ask("Văn bản đó do cơ quan nào ban hành?", previous=Turn(first.resolved_question, first.cited_documents()))
    assert follow.resolved_question.startswith("Luật Giao dịch điện tử (20/2023/QH15)")
    assert not follow.refused and "Quốc hội" in follow.text
    assert follow.to_dict()["resolved_question"] == follow.resolved_question


def test_chat_in_the_terminal(env_for):
    script = "Bình Phước đứng thứ mấy về chỉ số DTI?\nCòn Hà Nội thì sao?\n   \n"
    result = CliRunner().invoke(app, ["chat"], input=script)
    assert result.exit_code == 0, result.output
    assert "9/63" in result.stdout
    assert "(câu hỏi được hiểu là: Hà Nội đứng thứ mấy về chỉ số DTI?)" in result.stdout
    assert "Không tìm thấy thông tin" in result.stdout  # Hà Nội is in no document


def test_eval_replays_the_conversation(env_for, tmp_path):
    import json

    testset = tmp_path / "conv.jsonl"
    testset.write_text(json.dumps({
        "id": "c", "context": ["Luật Giao dịch điện tử có hiệu lực thi hành từ ngày nào?"],
        "question": "Văn bản đó do cơ quan nào ban hành?", "answers": ["Quốc hội"],
        "evidence": ["Quốc hội ban hành Luật Giao dịch điện tử"], "answerable": True,
    }, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(testset), "--system", "hoidap", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["systems"]["hoidap"]["answer_accuracy"] == 1.0


def test_a_contrast_follow_up_replaces_the_parallel_phrase():
    from hoidap.answer.conversation import Turn, resolve

    previous = Turn("Theo Nghị định 224, sản phẩm của dự án chuyển đổi số nhóm A phải bảo hành tối thiểu bao lâu?", [])
    assert resolve("còn dự án nhóm B, nhóm C thì sao?", previous) == (
        "Theo Nghị định 224, sản phẩm của dự án nhóm B, nhóm C phải bảo hành tối thiểu bao lâu?"
    )
    # "Theo" opening the question is no place name: the place is replaced, the frame kept
    assert resolve("còn Hà Nội thì sao?", Turn("Theo Kế hoạch 144, Bắc Ninh đặt chỉ tiêu gì?", [])) == (
        "Theo Kế hoạch 144, Hà Nội đặt chỉ tiêu gì?"
    )


def test_a_noun_pointed_back_to_stands_for_its_phrase_in_the_previous_question():
    previous = "Kế hoạch 144 của Bắc Ninh đặt chỉ tiêu tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình là bao nhiêu?"
    assert with_antecedent("chỉ tiêu này giao đơn vị nào chủ trì", previous) == (
        "chỉ tiêu tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình giao đơn vị nào chủ trì"
    )
    assert with_antecedent("Trong các tổ đó, tổ nào do Bộ trưởng làm tổ trưởng?", "Ban Chỉ đạo có mấy Tổ Công tác?") == (
        "Trong các Tổ Công tác, tổ nào do Bộ trưởng làm tổ trưởng?"
    )
    # the noun alone in the previous question ("cơ quan nào …?"): the answer's organisation is meant, nothing added
    assert with_antecedent("Cơ quan đó báo cáo khi nào?", "Theo QĐ 2629, cơ quan nào làm đầu mối?") == "Cơ quan đó báo cáo khi nào?"
    turn = Turn("Kế hoạch 144 của Bắc Ninh đặt chỉ tiêu tỷ lệ hồ sơ trực tuyến là bao nhiêu?", ["Kế hoạch 144/KH-UBND"])
    assert resolve("chỉ tiêu này giao ai chủ trì?", turn) == (
        "chỉ tiêu tỷ lệ hồ sơ trực tuyến giao ai chủ trì (theo Kế hoạch 144/KH-UBND)?"
    )


def test_a_refused_question_still_frames_the_follow_up():
    from hoidap.answer.types import Answer
    from hoidap.service import HoidapService

    answered = Turn("Luật Giao dịch điện tử có hiệu lực khi nào?", ["Luật Giao dịch điện tử (20/2023/QH15)"])
    refused = Answer("Tổ chức không có giấy phép bị phạt bao nhiêu theo Nghị định 174/2026?", "…", True)
    turn = HoidapService.next_turn(refused, answered)
    assert (turn.question, turn.cited_documents, turn.answered) == (refused.question, answered.cited_documents, False)
    assert turn.first() == answered  # the conversation's first question is kept ("Quay lại câu đầu, …")
    # the follow-up is about the refused question's document, not the earlier answer's
    assert resolve("Nếu là cá nhân vi phạm như vậy thì mức phạt tính thế nào?", turn) == (
        "Nếu là cá nhân vi phạm như vậy thì mức phạt tính thế nào (theo Nghị định 174/2026)?"
    )
    # a refused question naming no document: the last answer's documents still frame it
    vague = HoidapService.next_turn(Answer("Mức phạt là bao nhiêu?", "…", True), answered)
    assert resolve("Văn bản đó do ai ban hành?", vague) == "Luật Giao dịch điện tử (20/2023/QH15) do ai ban hành?"


def test_a_document_asked_about_is_what_it_points_to():
    # "nó" after a question on a document's force is that document, not the one its answer cited
    status = Turn("Nghị định 97/2008/NĐ-CP về dịch vụ Internet còn hiệu lực không?", ["Nghị định 72/2013/NĐ-CP"])
    assert resolve("vậy văn bản nào làm nó hết hiệu lực?", status) == "vậy văn bản nào làm Nghị định 97/2008/NĐ-CP hết hiệu lực?"
    assert resolve("Văn bản đó do ai ký?", status) == "Nghị định 97/2008/NĐ-CP do ai ký?"
    # after "văn bản nào thay thế …?" the document meant next is the answer's
    replaced = Turn("Văn bản nào thay thế Nghị định 97/2008/NĐ-CP?", ["Nghị định 72/2013/NĐ-CP"])
    assert resolve("Văn bản đó có hiệu lực khi nào?", replaced) == "Nghị định 72/2013/NĐ-CP có hiệu lực khi nào?"


def test_a_new_question_after_con_keeps_the_answer_frame():
    first = Turn("Ai chủ trì tập huấn về bảo vệ dữ liệu cá nhân theo kế hoạch kèm QĐ 2623?", ["Quyết định 2623/QĐ-TTg"])
    assert resolve("còn việc kiểm tra thi hành luật thì bắt đầu từ năm nào?", first) == (
        "Việc kiểm tra thi hành luật thì bắt đầu từ năm nào (QĐ 2623)?"
    )
    cited_only = Turn("Ai chủ trì tập huấn về bảo vệ dữ liệu cá nhân?", ["Quyết định 2623/QĐ-TTg"])
    assert resolve("còn việc kiểm tra thi hành luật thì bắt đầu từ năm nào?", cited_only) == (
        "Việc kiểm tra thi hành luật thì bắt đầu từ năm nào (Quyết định 2623/QĐ-TTg)?"
    )


def test_a_framed_reading_is_also_tried_without_its_frame():
    groups = Turn("Ban Chỉ đạo của Chính phủ có mấy Tổ Công tác?", ["Quyết định 2629/QĐ-TTg"])
    assert resolutions("Trong các tổ đó, tổ nào do Bộ trưởng Bộ Công an làm tổ trưởng?", groups) == [
        "Trong các Tổ Công tác, tổ nào do Bộ trưởng Bộ Công an làm tổ trưởng (theo Quyết định 2629/QĐ-TTg)?",
        "Trong các Tổ Công tác, tổ nào do Bộ trưởng Bộ Công an làm tổ trưởng?",
    ]
    assert resolutions("Nghị định 13/2023/NĐ-CP có hiệu lực khi nào?", groups) == ["Nghị định 13/2023/NĐ-CP có hiệu lực khi nào?"]


def test_the_service_answers_a_follow_up_outside_a_frame_that_has_no_answer(service):
    # the cited document frames the follow-up; where it holds no answer, the reading without the frame is answered
    turn = Turn("Chữ ký số là gì?", ["Luật Giao dịch điện tử (20/2023/QH15)"])
    follow = service.ask("Ông ấy đề nghị Bình Phước nâng tỷ lệ chi ngân sách cho chuyển đổi số lên bao nhiêu?", previous=turn)
    assert not follow.refused and "2%" in follow.text
    assert follow.resolved_question == "Ông ấy đề nghị Bình Phước nâng tỷ lệ chi ngân sách cho chuyển đổi số lên bao nhiêu?"


def test_the_task_pointed_back_to_is_the_task_the_previous_question_named():
    from hoidap.answer.conversation import with_antecedent

    previous = "Trong Chương trình phát triển Chính phủ số, cơ quan nào chủ trì xây dựng Khung đào tạo quản trị dữ liệu?"
    assert with_antecedent("Việc đó phải xong vào lúc nào?", previous) == (
        "Việc xây dựng Khung đào tạo quản trị dữ liệu phải xong vào lúc nào?"
    )
    assert with_antecedent("Nhiệm vụ đó hoàn thành khi nào?", "Luật này có hiệu lực khi nào?") == "Nhiệm vụ đó hoàn thành khi nào?"


def test_a_follow_up_with_a_predicate_of_its_own_is_asked_in_the_old_frame():
    from hoidap.answer.conversation import Turn, resolve

    previous = Turn("Kế hoạch 617 của Đồng Tháp về chuyển đổi số doanh nghiệp giao sở nào làm cơ quan đầu mối?", [])
    resolved = resolve("Còn Sở Tài chính thì được giao những việc gì?", previous)
    assert resolved.startswith("Sở Tài chính thì được giao những việc gì") and "617" in resolved, resolved
    # a year: the old question asked again with it
    previous = Turn("Chương trình đặt mục tiêu Việt Nam vào nhóm bao nhiêu nước dẫn đầu năm 2028?", [])
    assert "2030" in resolve("Còn đến năm 2030 thì mục tiêu đó là gì?", previous)
