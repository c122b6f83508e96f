"""Ablation: each rule of the answer layer switched off in turn, measured on external data.

For every switch (a HOIDAP_* setting), hoidap alone is evaluated on the locked test (every batch of questions
and conversations, index runs/locked/index from `make eval-locked`; the table leads with PRIMARY, the newest batch,
read only as aggregates) and on the ALQAC 2022-format test split and the ALQAC 2023 private test
(indexes runs/alqac22/index and runs/alqac23/index from `hoidap prepare-alqac` + `hoidap reindex`); the table gives each metric
with the rule off (or on, for a switch named "(on)": a rule off by default) and its change against the defaults.
Writes bench/results/NAME.{json,md} (ablation).

    .venv/bin/python bench/ablation.py [--only NAME,NAME] [--name ablation-session3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOIDAP = str(ROOT / ".venv/bin/hoidap")

# name → (settings that switch it off, what it is)
SWITCHES = {
    "all rules on": ({}, "the default"),
    "abbreviations": ({"HOIDAP_EXPAND_ABBREVIATIONS": "false"}, "abbreviations and chat forms spelled out"),
    "compound parts": ({"HOIDAP_SPLIT_COMPOUND": "false"}, "compound questions answered part by part"),
    "required names": ({"HOIDAP_RULE_REQUIRED_NAMES": "false"}, "passage must name the question's places, số hiệu, years"),
    "answer type": ({"HOIDAP_RULE_ANSWER_TYPE": "false"}, "prefer sentences carrying the asked type"),
    "typed answer required": ({"HOIDAP_RULE_TYPED_REQUIRED": "false"}, "a date/duration/figure question needs one in the answer"),
    "validity": ({"HOIDAP_RULE_VALIDITY": "false"}, "answers, notes and ranking from what documents state about force"),
    "boilerplate": ({"HOIDAP_RULE_BOILERPLATE": "false"}, "no recitals, mottos, signature lines"),
    "scope article": ({"HOIDAP_RULE_SCOPE_ARTICLE": "false"}, "'Phạm vi điều chỉnh' answers only what a document governs"),
    "named documents": ({"HOIDAP_RULE_NAMED_DOCUMENTS": "false"}, "several documents named: a passage of one naming the others"),
    "item names asked": ({"HOIDAP_RULE_ITEM_NAMES_ASKED": "false"}, "an item under a fine's lead-in names the act asked"),
    "table rows": ({"HOIDAP_RULE_TABLE_ROWS": "false"}, "a list asked of a table: its matching rows"),
    "list head (on)": ({"HOIDAP_RULE_LIST_HEAD": "true"}, "a list block is scored half by its head line"),
    "item heading": ({"HOIDAP_RULE_ITEM_HEADING": "false"}, "an item is read under its section's heading"),
    "document statistics (on)": ({"HOIDAP_RULE_DOCUMENT_STATISTICS": "true"}, "switched ON (off by default): a named document's passages ranked by its own word statistics"),
    "required bodies (on)": ({"HOIDAP_RULE_REQUIRED_BODIES": "true"}, "switched ON (off by default): a passage names each body the question names"),
    "rate of": ({"HOIDAP_RULE_RATE_OF": "false"}, "a rate answers only if it names what the question measures"),
    "case facts": ({"HOIDAP_RULE_CASE_FACTS": "false"}, "a year told only of the asker's own case is not required"),
    "alone": ({"HOIDAP_RULE_ALONE": "false"}, "'riêng X': only a sentence naming X on its own carries its figure"),
    "dated years": ({"HOIDAP_RULE_DATED_YEARS": "false"}, "only a year dating a named document is found in its date"),
    "bound": ({"HOIDAP_RULE_BOUND": "false"}, "'tối đa …?' is not answered by a figure bounded 'ít nhất'"),
    "subject type": ({"HOIDAP_RULE_SUBJECT_TYPE": "false"}, "'Luật mà …' asks of a law, not of a decision its words name"),
    "news context": ({"HOIDAP_RULE_NEWS_CONTEXT": "false"}, "a news item's names also found in its other passages"),
    "horizon heading": ({"HOIDAP_RULE_HORIZON_HEADING": "false"}, "no targets from under another year's heading"),
    "day": ({"HOIDAP_RULE_DAY": "false"}, "'vào ngày nào' is answered by a day, not a month or a year"),
    "sentence start": ({"HOIDAP_RULE_SENTENCE_START": "false"}, "a quote starting inside a sentence read from its beginning"),
    "preamble": ({"HOIDAP_RULE_PREAMBLE": "false"}, "a question after the asker's context read from its question proper"),
    "keyboard": ({"HOIDAP_RULE_KEYBOARD": "false"}, "Telex leftovers, joined syllables, words left without marks repaired"),
    "loanwords": ({"HOIDAP_RULE_LOANWORDS": "false"}, "'timeline', 'owner', 'budget' stand for the documents' terms"),
    "named unit": ({"HOIDAP_RULE_NAMED_UNIT": "false"}, "'Phụ lục II của đề án …' ranks that unit's passages"),
    "government level": ({"HOIDAP_RULE_GOVERNMENT_LEVEL": "false"}, "'cấp huyện' is not answered by 'cấp tỉnh' alone"),
    "body rows": ({"HOIDAP_RULE_BODY_ROWS": "false"}, "a list asked of a body: the table rows naming it"),
    "spoken fillers": ({"HOIDAP_RULE_SPOKEN_FILLERS": "false"}, "'cái', 'hẳn', 'luôn', 'nha' are no key terms"),
    "i/y spelling": ({"HOIDAP_RULE_IY_SPELLING": "false"}, "'kĩ', 'tỉ', 'lí' also looked for as 'kỹ', 'tỷ', 'lý'"),
    "partial số hiệu": ({"HOIDAP_RULE_PARTIAL_NUMBERS": "false"}, "'2629/TTg' names the indexed 2629/QĐ-TTg"),
    "request": ({"HOIDAP_RULE_REQUEST": "false"}, "'Cho tôi biết …', 'Nhờ tra giúp: …' open the question asked"),
    "cross-reference": ({"HOIDAP_RULE_CROSS_REFERENCE": "false"}, "'tại mục (IV)(3.4)(a)' quoted with that section"),
    "described document": ({"HOIDAP_RULE_DESCRIBED_DOCUMENTS": "false"}, "'nghị định hướng dẫn Luật Chuyển đổi số' names NĐ 224"),
    "number date": ({"HOIDAP_RULE_NUMBER_DATES": "false"}, "'số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025' dates that document"),
    "table group": ({"HOIDAP_RULE_TABLE_GROUP": "false"}, "a table row read under its group row 'I | Đến năm 2030'"),
    "provinces": ({"HOIDAP_RULE_PROVINCES": "false"}, "'tinh binh duong' is a place a passage must name"),
    "quoted phrase": ({"HOIDAP_RULE_QUOTED_PHRASES": "false"}, "a phrase quoted in the question is one term"),
    "besides": ({"HOIDAP_RULE_BESIDES": "false"}, "'Ngoài Bộ Công an, …': that body is no answer"),
    "run list": ({"HOIDAP_RULE_RUN_LIST": "false"}, "'tôn vinh A, B, C và D': parallel phrases are a list"),
    "forms": ({"HOIDAP_RULE_FORMS": "false"}, "'Hiệu lực: từ ___ ?': each blank asked in words"),
    "locators (on)": ({"HOIDAP_RULE_LOCATORS": "true"}, "switched ON (off by default): 'điểm b, tiểu mục 6, mục III' are no key terms"),
    "signers": ({"HOIDAP_RULE_SIGNERS": "false"}, "'… mà Phó Thủ tướng X ký': X need not be in the passage"),
    "number words": ({"HOIDAP_RULE_NUMBER_WORDS": "false"}, "'năm yếu tố' answers 'mấy yếu tố'; 'số <noun> … bao nhiêu'"),
    "headings": ({"HOIDAP_RULE_HEADINGS": "false"}, "'Chương II … có tên là gì?': the heading, from the structure"),
    "purpose": ({"HOIDAP_RULE_PURPOSE": "false"}, "'… nhằm mục đích gì?': the part titled 'Mục đích'"),
    "row numbers": ({"HOIDAP_RULE_ROW_NUMBERS": "false"}, "'nhiệm vụ số 75 trong Phụ lục II': that row"),
    "more joiners": ({"HOIDAP_RULE_MORE_JOINERS": "false"}, "', kèm theo đó', ', đồng thời', ', cũng như' join two questions"),
    "dependent parts": ({"HOIDAP_RULE_DEPENDENT_PARTS": "false"}, "'Cơ quan nào …, và cơ quan đó …': the later part asks of it"),
    "brevity request": ({"HOIDAP_RULE_BREVITY_REQUEST": "false"}, "'Tóm lại một câu thôi: …' asks nothing itself"),
    "topic fallback": ({"HOIDAP_RULE_TOPIC_FALLBACK": "false"}, "a follow-up pointing to nothing, asked again in the previous topic"),
    "switch document": ({"HOIDAP_RULE_SWITCH_DOCUMENT": "false"}, "'Còn bên NĐ 174 thì sao?': the previous question of NĐ 174"),
    "why follow-up": ({"HOIDAP_RULE_WHY_FOLLOWUP": "false"}, "'Tại sao lại cần xây cái đó?': what the previous topic is for"),
    "paragraph heading": ({"HOIDAP_RULE_PARAGRAPH_HEADING": "false"}, "a paragraph read under its heading item, which alone answers nothing"),
    "grades": ({"HOIDAP_RULE_GRADES": "false"}, "'cấp độ 4' asked: a sentence must state that grade"),
    "own horizon": ({"HOIDAP_RULE_OWN_HORIZON": "false"}, "'Đến năm 2030, …' does not give the target of 2025"),
    "level named": ({"HOIDAP_RULE_LEVEL_NAMED": "false"}, "'cấp huyện' asked: the passage must name huyện"),
    "duration unit": ({"HOIDAP_RULE_DURATION_UNIT": "false"}, "'bao nhiêu giờ' answered by a term in hours"),
    "unindexed content": ({"HOIDAP_RULE_UNINDEXED_CONTENT": "false"}, "'nđ 88/2025 quy định …' (not held): refused with a notice"),
    "letter case": ({"HOIDAP_RULE_LETTER_CASE": "false"}, "'THEO KẾ HOẠCH 308 …' read in sentence case"),
    "numbered parts": ({"HOIDAP_RULE_NUMBERED_PARTS": "false"}, "'1) … 2) …', 'a) … b) …': the numbers ask nothing"),
    "confirmation": ({"HOIDAP_RULE_CONFIRMATION": "false"}, "'Vậy là … đúng không?': the previous question again"),
    "correction": ({"HOIDAP_RULE_CORRECTION": "false"}, "'À nhầm, ý tôi là X chứ không phải Y'"),
    "period years": ({"HOIDAP_RULE_PERIOD_YEARS": "false"}, "'giai đoạn 2028-2030': 2028 no required year"),
    "row figures": ({"HOIDAP_RULE_ROW_FIGURES": "false"}, "'Đơn vị: Tổ chức; Kết quả: ≥ 3' counts tổ chức"),
    "qualifiers": ({"HOIDAP_RULE_QUALIFIERS": "false"}, "'cơ bản' does not answer of 'nâng cao'"),
    "roles": ({"HOIDAP_RULE_ROLES": "false"}, "'Thế đơn vị phối hợp là ai?': the other role of the task"),
    "more items": ({"HOIDAP_RULE_MORE_ITEMS": "false"}, "'Còn gì nữa không?': the previous list at length"),
    "definition frame": ({"HOIDAP_RULE_DEFINITION_FRAME": "false"}, "'Theo Thông tư 194, X nghĩa là gì?': the term is X"),
    "unit rows": ({"HOIDAP_RULE_UNIT_ROWS": "false"}, "'Trong Phụ lục I, Bộ Nội vụ … những chỉ tiêu nào?'"),
    "spoken numbers": ({"HOIDAP_RULE_SPOKEN_NUMBERS": "false"}, "'quy định ba tám bốn' → 384, 'chỉ tiêu thứ sáu' → thứ 6"),
    "own task": ({"HOIDAP_RULE_OWN_TASK": "false"}, "'Thế còn Sở Xây dựng thì được giao việc gì?'; another period"),
    "hedges": ({"HOIDAP_RULE_HEDGES": "false"}, "'Tôi nhớ mang máng …', 'Hình như … thì phải', 'Không rõ …' ask nothing"),
    "inline correction": ({"HOIDAP_RULE_INLINE_CORRECTION": "false"}, "'Nghị định 45, à nhầm, Nghị định 224, …'"),
    "own effective date": ({"HOIDAP_RULE_OWN_EFFECTIVE_DATE": "false"}, "'từ ngày Nghị định này có hiệu lực thi hành (1/7/2026)'"),
    "time or term": ({"HOIDAP_RULE_TIME_OR_TERM": "false"}, "'hoàn thành trong thời gian nào?' answered by 'trong năm 2025'"),
    "central dialect": ({"HOIDAP_RULE_CENTRAL_DIALECT": "false"}, "'Khi mô thì phải xong hỉ?' asks 'Khi nào …?'"),
    "alternatives": ({"HOIDAP_RULE_ALTERNATIVES": "false"}, "'hạn nộp/deadline' read as 'hạn nộp hoặc deadline'"),
    "labels": ({"HOIDAP_RULE_LABELS": "false"}, "'Re: Fw: Câu 2: [Phòng TH] …' asks what follows"),
    "dated documents": ({"HOIDAP_RULE_DATED_DOCUMENTS": "false"}, "'Nghị định Chính phủ ký ngày 24/6/2026' is NĐ 224/2026"),
    "pointed figure": ({"HOIDAP_RULE_POINTED_FIGURE": "false"}, "'Con số 90% đó thì cơ quan nào chủ trì?' asks of that target"),
    "mixed marks": ({"HOIDAP_RULE_MIXED_MARKS": "false"}, "'Kế hoạch 308 cua Ha Noi … theo tieu chuan nao?' is read folded"),
    "duty title": ({"HOIDAP_RULE_DUTY_TITLE": "false"}, "a clause of 'Trách nhiệm của Bộ Công an' answers 'bộ nào …?'"),
    "cell rows": ({"HOIDAP_RULE_CELL_ROWS": "false"}, "'những nhiệm vụ nào có thời gian hoàn thành là Quí IV-2025?': every such row"),
    "courtesies": ({"HOIDAP_RULE_COURTESIES": "false"}, "'Chào anh/chị, cho em hỏi …? Em cảm ơn nhiều ạ!' asks what is inside"),
    "premise": ({"HOIDAP_RULE_PREMISE": "false"}, "'Tôi biết …; còn …?': what the statement tells does not answer"),
    "pointed back": ({"HOIDAP_RULE_POINTED_BACK": "false"}, "'bao nhiêu phần trăm các đối tượng đó': no word to repeat"),
    "heads": ({"HOIDAP_RULE_HEADS": "false"}, "'người đứng đầu ngành công an' is the Bộ trưởng Bộ Công an"),
    "item follow-up": ({"HOIDAP_RULE_ITEM_FOLLOWUP": "false"}, "'Loại thứ tư trong danh sách đó là gì?' leads with that item"),
    "vni": ({"HOIDAP_RULE_VNI": "false"}, "'Quye61t d9i5nh 2597/QD9-TTg co1 hie65u lu75c …' read in Vietnamese"),
    "reactions": ({"HOIDAP_RULE_REACTIONS": "false"}, "'😮 nhiều vậy à, thế ai theo dõi? :((' asks 'ai theo dõi?'"),
    "asking time": ({"HOIDAP_RULE_ASKING_TIME": "false"}, "'Hôm nay 10/1/2026, …' asks nothing; 'đến hết năm sau' → 2027"),
    "restatement": ({"HOIDAP_RULE_RESTATEMENT": "false"}, "'Hạn nộp là khi nào? Tức là trễ nhất ngày nào ấy?' asks once"),
    "idioms": ({"HOIDAP_RULE_IDIOMS": "false"}, "'bộ nào cầm trịch', 'bật đèn xanh' read as 'chủ trì', 'phê duyệt'"),
    "deadlines": ({"HOIDAP_RULE_DEADLINES": "false"}, "'phải gửi báo cáo trước ngày nào?' is not the date line's"),
    "source frame": ({"HOIDAP_RULE_SOURCE_FRAME": "false"}, "'Theo QĐ 2623 thì Luật … có hiệu lực …' asks the law's"),
    "unit content": ({"HOIDAP_RULE_UNIT_CONTENT": "false"}, "'Khoản 4 Điều 15 … quy định gì?' quotes that khoản"),
    "neighbour unit": ({"HOIDAP_RULE_NEIGHBOUR_UNIT": "false"}, "'Thế khoản tiếp theo nói gì?' after khoản 3 asks khoản 4"),
    "viqr": ({"HOIDAP_RULE_VIQR": "false"}, "'Chi? tie^u … o+? Ba('c Ninh' read in Vietnamese"),
    "search syntax": ({"HOIDAP_RULE_SEARCH_SYNTAX": "false"}, "'\"…\" OR \"…\"', '-\"…\"' read as words"),
    "dictation": ({"HOIDAP_RULE_DICTATION": "false"}, "'… phẩy … chấm hỏi', 'gạch ngang', 'gạch chéo' written as marks"),
    "relayed": ({"HOIDAP_RULE_RELAYED": "false"}, "'Chị trưởng phòng nhờ em hỏi giúp: …' asks what follows"),
    "place names": ({"HOIDAP_RULE_PLACE_NAMES": "false"}, "'xứ Kinh Bắc', 'Thủ đô' read as Bắc Ninh, Hà Nội"),
    "meeting dates": ({"HOIDAP_RULE_MEETING_DATES": "false"}, "'họp phiên thứ hai vào ngày nào?': only passages naming it"),
    "narrowing": ({"HOIDAP_RULE_NARROWING": "false"}, "'Chỉ tính cấp huyện thôi thì sao?' narrows the previous question"),
    "another document": ({"HOIDAP_RULE_ANOTHER_DOCUMENT": "false"}, "'Có văn bản nào khác quy định giống vậy không?'"),
    "body alone": ({"HOIDAP_RULE_BODY_ALONE": "false"}, "'Bộ Quốc phòng?' asks that body's task in the previous frame"),
    "field lead-in": ({"HOIDAP_RULE_FIELD_LEAD_IN": "false"}, "'văn bản nào …?' answered by '- Nội dung: …' under its item"),
    "issuer codes": ({"HOIDAP_RULE_ISSUER_CODES": "false"}, "'bca', 'VPCP' typed alone name the body"),
    "achieved": ({"HOIDAP_RULE_ACHIEVED": "false"}, "'thực tế đã đạt được bao nhiêu?' is not answered by a target"),
    "one year": ({"HOIDAP_RULE_ONE_YEAR": "false"}, "'riêng năm 2024 … bao nhiêu?' is not answered by 'Từ năm 2019 đến nay, …'"),
    "named years": ({"HOIDAP_RULE_NAMED_YEARS": "false"}, "'Giải thưởng … (VDA) năm 2024' is not the 2023 award"),
    "recital lists": ({"HOIDAP_RULE_RECITAL_LISTS": "false"}, "'căn cứ vào những nghị quyết nào?': twice the sentences"),
    "where follow-up": ({"HOIDAP_RULE_WHERE_FOLLOWUP": "false"}, "'Ở mục nào vậy?' names each source's section"),
    "quarters": ({"HOIDAP_RULE_QUARTERS": "false"}, "'quý II/2025' is not answered by 'Quý I/2025: …'"),
    "same document": ({"HOIDAP_RULE_SAME_DOCUMENT": "false"}, "a compound's later part asks of the earlier part's document"),
    "clause compound": ({"HOIDAP_RULE_CLAUSE_COMPOUND": "false"}, "', và' joins two questions when one asks a type"),
    "home country": ({"HOIDAP_RULE_HOME_COUNTRY": "false"}, "'Việt Nam' is no name a passage must repeat"),
    "ellipsis": ({"HOIDAP_RULE_ELLIPSIS": "false"}, "'Hạn chót là khi nào?' asks of the previous topic; 'còn cá nhân?'"),
    "list noun": ({"HOIDAP_RULE_LIST_NOUN": "false"}, "a list carries the answer only when its head names the noun asked"),
    "office holder": ({"HOIDAP_RULE_OFFICE_HOLDER": "false"}, "'ai là <office>' needs the person next to it"),
    "named document": ({"HOIDAP_RULE_NAMED_DOCUMENT": "false"}, "a named document answers first"),
    "source in words": ({"HOIDAP_RULE_NAME_SOURCE": "false"}, "'Theo Điều … <document>:' before quotes"),
    "split unseen compounds": ({"HOIDAP_RULE_SPLIT_UNSEEN": "false"}, "a compound no document contains counts as its syllables"),
    "typed initials": ({"HOIDAP_RULE_INITIALS": "false"}, "'ct', 'ub' read from the passages found"),
    "everyday words (on)": ({"HOIDAP_RULE_EVERYDAY_WORDS": "true"}, "switched ON (off by default): 'kho số liệu', 'tin tặc' also look for the formal terms"),
    "list continues": ({"HOIDAP_RULE_LIST_CONTINUES": "false"}, "a list cut by its passage goes on in the next one"),
    "item lead-in": ({"HOIDAP_RULE_ITEM_LEAD_IN": "false"}, "a list item quoted with the lead-in carrying the fine, the body"),
    "loose title": ({"HOIDAP_RULE_LOOSE_TITLE": "false"}, "a document named by its title with a word or two left out"),
    "title words (on)": ({"HOIDAP_RULE_TITLE_WORDS": "true"}, "switched ON (off by default): the words naming a document by title are not looked for in it"),
    "signer": ({"HOIDAP_RULE_SIGNER": "false"}, "'ai ký …?' from the signature block"),
    "antecedent": ({"HOIDAP_RULE_ANTECEDENT": "false"}, "'chỉ tiêu này' stands for its phrase in the previous question"),
    "frame fallback": ({"HOIDAP_RULE_FRAME_FALLBACK": "false"}, "a follow-up the cited document does not answer, asked unframed"),
    "section titles": ({"HOIDAP_RULE_SECTION_TITLES": "false"}, "'2. Đối tượng áp dụng' takes its items"),
    "named-title ranking": ({"HOIDAP_NAMED_TITLE_WEIGHT": "0"}, "passages writing a law's name the question gives"),
    "email frame": ({"HOIDAP_RULE_EMAIL_FRAME": "false"}, "a pasted e-mail's header and signature set aside"),
    "pdf breaks": ({"HOIDAP_RULE_PDF_BREAKS": "false"}, "'dữ li-\\nệu' joined again"),
    "markup": ({"HOIDAP_RULE_MARKUP": "false"}, "Markdown and HTML marks set aside"),
    "file names": ({"HOIDAP_RULE_FILE_NAMES": "false"}, "a document named by its file name or web address"),
    "short years": ({"HOIDAP_RULE_SHORT_YEARS": "false"}, "'năm 35', 'NĐ 224/26' read as 2035, 2026"),
    "chat frame": ({"HOIDAP_RULE_CHAT_FRAME": "false"}, "'[9:02] Hà: …' chat lines read as one question"),
    "code marks": ({"HOIDAP_RULE_CODE_MARKS": "false"}, "'174/2026/NĐ–CP', full-width digits: a số hiệu's marks made plain"),
    "type from code": ({"HOIDAP_RULE_TYPE_FROM_CODE": "false"}, "'Quyết định 174/2026/NĐ-CP' read as the Nghị định its code names"),
    "pointed unit": ({"HOIDAP_RULE_POINTED_UNIT": "false"}, "'Điều đó' in a follow-up: the unit the last answer led with"),
    "recipients": ({"HOIDAP_RULE_RECIPIENTS": "false"}, "'… gửi cho những nơi nào?' from the Nơi nhận list"),
    "signer forms": ({"HOIDAP_RULE_SIGNER_FORMS": "false"}, "'Nguyen Chi Dung ky', 'ông X, Phó Chủ tịch …, ký': the signer's words"),
    "counted forms": ({"HOIDAP_RULE_COUNTED_FORMS": "false"}, "'bao nhiêu … trở lên', 'Đơn vị: %', '11 cơ sở dữ liệu' for 'kho dữ liệu'"),
    "numbered items": ({"HOIDAP_RULE_NUMBERED_ITEMS": "false"}, "numbered khoản after a lead-in ending in ':' are its items"),
    "parallel parts": ({"HOIDAP_RULE_PARALLEL_PARTS": "false"}, "'…, và bao nhiêu trong giai đoạn 2028-2030?' asks the first part's question"),
    "content frame": ({"HOIDAP_RULE_CONTENT_FRAME": "false"}, "'… nói gì về trường hợp … hết hiệu lực?' asks the text, not the force"),
    "asked neighbour": ({"HOIDAP_RULE_ASKED_NEIGHBOUR": "false"}, "'Khoản tiếp theo?' counts from the unit the last question named"),
    "other named": ({"HOIDAP_RULE_OTHER_NAMED": "false"}, "'Thế văn bản kia …?': the other of two documents named"),
    "source note": ({"HOIDAP_RULE_SOURCE_NOTE": "false"}, "a Pháp điển source note answers only a question about force"),
    "grade floors": ({"HOIDAP_RULE_GRADE_FLOORS": "false"}, "'tối thiểu … cấp độ 3' is a range, as 'cấp độ 3 trở lên' is"),
    "until event": ({"HOIDAP_RULE_UNTIL_EVENT": "false"}, "'… tới lúc nào?' answered by an event ('đến khi … kết thúc')"),
    "record field": ({"HOIDAP_RULE_RECORD_FIELD": "false"}, "a record's labelled field ('- Thời hạn ban hành: …') answers with its head"),
    "case lead-in": ({"HOIDAP_RULE_CASE_LEAD_IN": "false"}, "an item of '… trong các trường hợp sau:' read with that lead-in"),
    "force clause": ({"HOIDAP_RULE_FORCE_CLAUSE": "false"}, "'trước khi Nghị định … có hiệu lực' is a condition, not a validity ask"),
    "body sections": ({"HOIDAP_RULE_BODY_SECTIONS": "false"}, "a plan's section headed by the body asked ranks and answers"),
    "other body": ({"HOIDAP_RULE_OTHER_BODY": "false"}, "a sentence naming another body of the kind asked, not the one asked, does not answer"),
    "recital dates": ({"HOIDAP_RULE_RECITAL_DATES": "false"}, "a recital citing a document asked states its date and issuer"),
    "glossed names": ({"HOIDAP_RULE_GLOSSED_NAMES": "false"}, "a name glossed in brackets is not required of a passage"),
    "merged cells": ({"HOIDAP_RULE_MERGED_CELLS": "false"}, "a table's cell written alone read with the row above"),
    "round the clock": ({"HOIDAP_RULE_ROUND_THE_CLOCK": "false"}, "'24/7' gives hours and days"),
    "other type": ({"HOIDAP_RULE_OTHER_TYPE": "false"}, "a record on making an act of another type than the one asked does not answer"),
    "cited basis": ({"HOIDAP_RULE_CITED_BASIS": "false"}, "'Căn cứ vào điều kiện cụ thể, …' is a provision, not a recital"),
    "whole sentences": ({"HOIDAP_RULE_WHOLE_SENTENCES": "false"}, "a sentence cut for its length quoted with its short tail"),
    "next row": ({"HOIDAP_RULE_NEXT_ROW": "false"}, "'Còn … ở dòng ngay sau đó?': the row below the last answer's"),
    "listed bodies": ({"HOIDAP_RULE_LISTED_BODIES": "false"}, "'gồm những cơ quan nào?' answered by a sentence naming two bodies"),
    "given terms": ({"HOIDAP_RULE_GIVEN_TERMS": "false"}, "a term the question states ('kế hoạch 5 năm') does not answer 'bao lâu?'"),
    "rate property": ({"HOIDAP_RULE_RATE_PROPERTY": "false"}, "'tỷ lệ … có chữ ký số' given only by a sentence naming it"),
    "other place": ({"HOIDAP_RULE_OTHER_PLACE": "false"}, "'Còn … của Đồng Tháp thì …?' leaves the old province's frame"),
    "plural mấy": ({"HOIDAP_RULE_PLURAL_MAY": "false"}, "'mấy nhiệm vụ … thì kinh phí lấy ở đâu' asks a count"),
    "dossier copies": ({"HOIDAP_RULE_DOSSIER_COPIES": "false"}, "'nộp hồ sơ … bao nhiêu bộ' is not answered in bản"),
    "one question word": ({"HOIDAP_RULE_ONE_QUESTION_WORD": "false"}, "'kh 144 bn … mô hình gì': 'bn' is no 'bao nhiêu'"),
    "block fields": ({"HOIDAP_RULE_BLOCK_FIELDS": "false"}, "'c) Thời gian thực hiện: …' read with its task block"),
    "title lines": ({"HOIDAP_RULE_TITLE_LINES": "false"}, "an article's title line ranks below its content"),
    "everyday thesaurus": ({"HOIDAP_RULE_EVERYDAY_THESAURUS": "false"}, "everyday forms of the corpus' words (core/everyday_thesaurus.tsv)"),
    "learned answerability": ({"HOIDAP_ANSWERABILITY": "rule"}, "the learned decision (off: coverage gate)"),
    "definition ranking": ({"HOIDAP_DEFINITION_WEIGHT": "0"}, "'X là gì' ranks defining clauses"),
    "named-document ranking": ({"HOIDAP_DOC_BOOST_WEIGHT": "0"}, "passages of named documents ranked"),
    "validity ranking": ({"HOIDAP_VALIDITY_WEIGHT": "0"}, "passages stating a named document's validity ranked"),
}
METRICS = ("answer_accuracy", "refusal_accuracy", "false_refusal_rate", "hit@5")
SETS = {
    "locked": ("runs/locked", "evalsets/locked/questions.jsonl"),
    "locked conversations": ("runs/locked", "evalsets/locked/conversations.jsonl"),
    "locked 2": ("runs/locked", "evalsets/locked/questions-2.jsonl"),
    "locked 2 conversations": ("runs/locked", "evalsets/locked/conversations-2.jsonl"),
    "locked 3": ("runs/locked", "evalsets/locked/questions-3.jsonl"),
    "locked 3 conversations": ("runs/locked", "evalsets/locked/conversations-3.jsonl"),
    "locked 4": ("runs/locked", "evalsets/locked/questions-4.jsonl"),
    "locked 4 conversations": ("runs/locked", "evalsets/locked/conversations-4.jsonl"),
    "locked 5": ("runs/locked", "evalsets/locked/questions-5.jsonl"),
    "locked 5 conversations": ("runs/locked", "evalsets/locked/conversations-5.jsonl"),
    "locked 7": ("runs/locked", "evalsets/locked/questions-7.jsonl"),
    "locked 7 conversations": ("runs/locked", "evalsets/locked/conversations-7.jsonl"),
    "locked 8": ("runs/locked", "evalsets/locked/questions-8.jsonl"),
    "locked 8 conversations": ("runs/locked", "evalsets/locked/conversations-8.jsonl"),
    "locked 9": ("runs/locked", "evalsets/locked/questions-9.jsonl"),
    "locked 9 conversations": ("runs/locked", "evalsets/locked/conversations-9.jsonl"),
    "locked 10": ("runs/locked", "evalsets/locked/questions-10.jsonl"),
    "locked 10 conversations": ("runs/locked", "evalsets/locked/conversations-10.jsonl"),
    "locked 11": ("runs/locked", "evalsets/locked/questions-11.jsonl"),
    "locked 11 conversations": ("runs/locked", "evalsets/locked/conversations-11.jsonl"),
    "locked 12": ("runs/locked", "evalsets/locked/questions-12.jsonl"),
    "locked 12 conversations": ("runs/locked", "evalsets/locked/conversations-12.jsonl"),
    "locked 13": ("runs/locked", "evalsets/locked/questions-13.jsonl"),
    "locked 13 conversations": ("runs/locked", "evalsets/locked/conversations-13.jsonl"),
    "locked 14": ("runs/locked", "evalsets/locked/questions-14.jsonl"),
    "locked 14 conversations": ("runs/locked", "evalsets/locked/conversations-14.jsonl"),
    "locked 15": ("runs/locked", "evalsets/locked/questions-15.jsonl"),
    "locked 15 conversations": ("runs/locked", "evalsets/locked/conversations-15.jsonl"),
    "locked 16": ("runs/locked", "evalsets/locked/questions-16.jsonl"),
    "locked 16 conversations": ("runs/locked", "evalsets/locked/conversations-16.jsonl"),
    "locked 17": ("runs/locked", "evalsets/locked/questions-17.jsonl"),
    "locked 17 conversations": ("runs/locked", "evalsets/locked/conversations-17.jsonl"),
    "locked 18": ("runs/locked", "evalsets/locked/questions-18.jsonl"),
    "locked 18 conversations": ("runs/locked", "evalsets/locked/conversations-18.jsonl"),
    "locked 19": ("runs/locked", "evalsets/locked/questions-19.jsonl"),
    "locked 19 conversations": ("runs/locked", "evalsets/locked/conversations-19.jsonl"),
    "locked 20": ("runs/locked", "evalsets/locked/questions-20.jsonl"),
    "locked 20 conversations": ("runs/locked", "evalsets/locked/conversations-20.jsonl"),
    "locked 21": ("runs/locked", "evalsets/locked/questions-21.jsonl"),
    "locked 21 conversations": ("runs/locked", "evalsets/locked/conversations-21.jsonl"),
    "locked 22": ("runs/locked", "evalsets/locked/questions-22.jsonl"),
    "locked 22 conversations": ("runs/locked", "evalsets/locked/conversations-22.jsonl"),
    "locked 23": ("runs/locked", "evalsets/locked/questions-23.jsonl"),
    "locked 23 conversations": ("runs/locked", "evalsets/locked/conversations-23.jsonl"),
    "locked 24": ("runs/locked", "evalsets/locked/questions-24.jsonl"),
    "locked 24 conversations": ("runs/locked", "evalsets/locked/conversations-24.jsonl"),
    "locked 25": ("runs/locked", "evalsets/locked/questions-25.jsonl"),
    "locked 25 conversations": ("runs/locked", "evalsets/locked/conversations-25.jsonl"),
    "locked 26": ("runs/locked", "evalsets/locked/questions-26.jsonl"),
    "locked 26 conversations": ("runs/locked", "evalsets/locked/conversations-26.jsonl"),
    "locked 27": ("runs/locked", "evalsets/locked/questions-27.jsonl"),
    "locked 27 conversations": ("runs/locked", "evalsets/locked/conversations-27.jsonl"),
    "locked 28": ("runs/locked", "evalsets/locked/questions-28.jsonl"),
    "locked 28 conversations": ("runs/locked", "evalsets/locked/conversations-28.jsonl"),
    "locked 29": ("runs/locked", "evalsets/locked/questions-29.jsonl"),
    "locked 29 conversations": ("runs/locked", "evalsets/locked/conversations-29.jsonl"),
    "locked 30": ("runs/locked", "evalsets/locked/questions-30.jsonl"),
    "locked 30 conversations": ("runs/locked", "evalsets/locked/conversations-30.jsonl"),
    "locked 31": ("runs/locked", "evalsets/locked/questions-31.jsonl"),
    "locked 31 conversations": ("runs/locked", "evalsets/locked/conversations-31.jsonl"),
    "locked 32": ("runs/locked", "evalsets/locked/questions-32.jsonl"),
    "locked 32 conversations": ("runs/locked", "evalsets/locked/conversations-32.jsonl"),
    "locked 33": ("runs/locked", "evalsets/locked/questions-33.jsonl"),
    "locked 33 conversations": ("runs/locked", "evalsets/locked/conversations-33.jsonl"),
    "locked 34": ("runs/locked", "evalsets/locked/questions-34.jsonl"),
    "locked 34 conversations": ("runs/locked", "evalsets/locked/conversations-34.jsonl"),
    "locked 35": ("runs/locked", "evalsets/locked/questions-35.jsonl"),
    "locked 35 conversations": ("runs/locked", "evalsets/locked/conversations-35.jsonl"),
    "locked 36": ("runs/locked", "evalsets/locked/questions-36.jsonl"),
    "locked 36 conversations": ("runs/locked", "evalsets/locked/conversations-36.jsonl"),
    "locked 37": ("runs/locked", "evalsets/locked/questions-37.jsonl"),
    "locked 37 conversations": ("runs/locked", "evalsets/locked/conversations-37.jsonl"),
    "locked 38": ("runs/locked", "evalsets/locked/questions-38.jsonl"),
    "locked 38 conversations": ("runs/locked", "evalsets/locked/conversations-38.jsonl"),
    "tuning 6": ("runs/locked", "evalsets/tuning/questions-6.jsonl"),
    "ALQAC 2022 test": ("runs/alqac22", "runs/alqac22/test.jsonl"),
    "ALQAC 2023 private": ("runs/alqac23", "runs/alqac23/private_test.jsonl"),
}


def evaluate(env: dict, base: str, testset: str) -> dict:
    full = {**os.environ, "HF_HUB_OFFLINE": "1", "HOIDAP_INDEX_DIR": f"{base}/index", "HOIDAP_CORPUS_DIR": f"{base}/corpus", **env}
    out = subprocess.run(
        [HOIDAP, "eval", testset, "--system", "hoidap", "--json"], cwd=ROOT, env=full, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated switch names (default: all)")
    parser.add_argument("--name", default="ablation", help="results file name under bench/results (NAME.json, NAME.md)")
    parser.add_argument("--sets", default="", help=f"comma-separated test sets (default: all of {', '.join(SETS)})")
    args = parser.parse_args()
    unknown = [n for n in args.only.split(",") if n and n not in SWITCHES] + [
        n for n in args.sets.split(",") if n and n not in SETS
    ]
    if unknown:  # a name left out silently would measure less than was asked
        sys.exit(f"unknown switch or set: {', '.join(unknown)}")
    wanted = [n for n in SWITCHES if not args.only or n in args.only.split(",") or n == "all rules on"]
    sets = {k: v for k, v in SETS.items() if not args.sets or k in args.sets.split(",")}
    for base, _ in sets.values():
        if not (ROOT / base / "index").is_dir():
            sys.exit(f"missing {base}/index (see the module docstring)")
    results: dict[str, dict] = {}
    started = time.time()
    for name in wanted:
        env, _ = SWITCHES[name]
        results[name] = {}
        for label, (base, testset) in sets.items():
            report = evaluate(env, base, testset)
            results[name][label] = {
                "overall": {m: report["systems"]["hoidap"].get(m) for m in METRICS},
                "kinds": {k: v.get("answer_accuracy") if v["n_answerable"] else v.get("refusal_accuracy")
                          for k, v in report["kinds"].get("hoidap", {}).items()},
            }
        print(f"{name}: done ({time.time() - started:.0f} s)", file=sys.stderr)
    out = ROOT / "bench/results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{args.name}.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    (out / f"{args.name}.md").write_text(table(results) + "\n", encoding="utf-8")


def _fmt(v, ref=None) -> str:
    if v is None:
        return "-"
    if ref is None or v == ref:
        return f"{v:.3f}"
    return f"{v:.3f} ({v - ref:+.3f})"


PRIMARY = "locked 38"  # the batch nobody has studied: the table's first columns and its per-kind rows


def table(results: dict) -> str:
    base = results["all rules on"]
    primary = PRIMARY if PRIMARY in base else next(iter(base))
    cols = [(primary, "answer_accuracy"), (primary, "refusal_accuracy"), (primary, "false_refusal_rate"),
            (primary, "hit@5"), (f"{primary} conversations", "answer_accuracy")]
    for other in base:  # every other set measured: a locked batch by its answers, ALQAC by its retrieval and refusals
        if other not in (primary, f"{primary} conversations"):
            cols += [(other, "hit@5"), (other, "false_refusal_rate")] if other.startswith("ALQAC") else [(other, "answer_accuracy")]
    cols = [(s, m) for s, m in cols if s in base]
    head = "| switched off | " + " | ".join(f"{s}: {m}" for s, m in cols) + " |"
    lines = [head, "|---|" + "---|" * len(cols)]
    for name, res in results.items():
        cells = [_fmt(res[s]["overall"][m], None if name == "all rules on" else base[s]["overall"][m]) for s, m in cols]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    kinds = list(base[primary]["kinds"])
    lines += ["", f"{primary} per kind (answer accuracy; unanswerable: refusal accuracy):", "",
              "| switched off | " + " | ".join(kinds) + " |", "|---|" + "---|" * len(kinds)]
    for name, res in results.items():
        ref = None if name == "all rules on" else base[primary]["kinds"]
        lines.append(f"| {name} | " + " | ".join(_fmt(res[primary]["kinds"].get(k), ref and ref.get(k)) for k in kinds) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
