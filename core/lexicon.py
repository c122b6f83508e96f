"""The vocabulary of Vietnamese legal and administrative text, once, as data.

Every rule that needs a document type, an issuer, an office, an abbreviation or a question cue reads
it from here; nothing else lists them.
"""

from __future__ import annotations

# Loại văn bản, longest first where one is a prefix of another.
DOC_TYPES = (
    "Bộ luật",
    "Luật",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Thông tư liên tịch",
    "Thông tư",
    "Chỉ thị",
    "Kế hoạch",
    "Công văn",
    "Báo cáo",
    "Thông báo",
    "Kết luận",
    "Chương trình",
    "Hiến pháp",
    "Pháp lệnh",
    "Quy định",
    "Hướng dẫn",
)
# Types of document named by their title ("Luật Giao dịch điện tử (20/2023/QH15)"); the others by type and số
# hiệu ("Nghị định 224/2026/NĐ-CP", "Kế hoạch 308/KH-UBND").
TITLED_TYPES = ("Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh")
NEWS_TYPE = "Tin tức"

# The code inside a số hiệu that names the document type ("1489/QĐ-TTg").
TYPE_BY_CODE = {
    "QĐ": "Quyết định",
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "KH": "Kế hoạch",
    "CV": "Công văn",
    "CT": "Chỉ thị",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "KL": "Kết luận",
    "HD": "Hướng dẫn",
}

# The code inside a số hiệu that names the issuer ("224/2026/NĐ-CP" → Chính phủ).
ISSUER_BY_CODE = {
    "TTg": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "TW": "Ban Chấp hành Trung ương Đảng",
    "VPĐU": "Văn phòng Đảng ủy Chính phủ",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BCA": "Bộ Công an",
    "BTC": "Bộ Tài chính",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BCT": "Bộ Công Thương",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BQP": "Bộ Quốc phòng",
    "BNG": "Bộ Ngoại giao",
    "BTP": "Bộ Tư pháp",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TTCP": "Thanh tra Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "KTNN": "Kiểm toán Nhà nước",
}

# Issuing bodies as they are written (an issuer found in a text is mapped to one of these, whatever its case).
AGENCIES = tuple(dict.fromkeys((
    "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Chính phủ", "Thủ tướng Chính phủ", "Bộ Chính trị",
    "Ban Chấp hành Trung ương Đảng", "Đảng đoàn Quốc hội", "Đảng ủy Chính phủ", "Tòa án nhân dân tối cao",
    "Viện kiểm sát nhân dân tối cao", "Ủy ban Dân tộc", "Ngân hàng Nhà nước",
    *ISSUER_BY_CODE.values(),
)))

# Offices a "who" question may name (the answer names the person holding it).
OFFICES = (
    "Thủ tướng",
    "Tổng Bí thư",
    "Bí thư",
    "Bộ trưởng",
    "Thứ trưởng",
    "Chủ tịch",
    "Tổng Giám đốc",
    "Giám đốc",
    "Trưởng ban",
    "Tổ trưởng",
    "Cục trưởng",
    "Vụ trưởng",
    "Viện trưởng",
    "Hiệu trưởng",
    "Chánh án",
    "Chủ nhiệm",
    "Người phát ngôn",
)

# Abbreviations officials type, with what they stand for. Matched as whole words, case-insensitively
# unless the entry is marked case-sensitive (short codes that are also words: "TT", "KH", "AI").
# Corpus-specific ones are learned from the documents' own definitions (see hoidap/query.py).
ABBREVIATIONS = {
    "CĐS": "chuyển đổi số",
    "CNTT": "công nghệ thông tin",
    "DVCTT": "dịch vụ công trực tuyến",
    "DVC": "dịch vụ công",
    "CSDL": "cơ sở dữ liệu",
    "ĐMST": "đổi mới sáng tạo",
    "KH&CN": "khoa học và công nghệ",
    "KHCN": "khoa học công nghệ",
    "KH,CN": "khoa học, công nghệ",
    "TT&TT": "thông tin và truyền thông",
    "TTTT": "thông tin và truyền thông",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "UB": "Ủy ban",
    "ĐBQH": "đại biểu Quốc hội",
    "BCĐ": "Ban Chỉ đạo",
    "ATTT": "an toàn thông tin",
    "GDĐT": "giao dịch điện tử",
    "TTĐT": "thông tin điện tử",
    "MXH": "mạng xã hội",
    "DLCN": "dữ liệu cá nhân",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
    "HTX": "hợp tác xã",
    "HKD": "hộ kinh doanh",
    "DN": "doanh nghiệp",
    "VPHC": "vi phạm hành chính",
    "NSNN": "ngân sách nhà nước",
    "TTHC": "thủ tục hành chính",
    "CQNN": "cơ quan nhà nước",
    "ĐVHC": "đơn vị hành chính",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "KH": "Kế hoạch",
    "TT": "Thông tư",
    "CV": "Công văn",
    "QH": "Quốc hội",
    "CP": "Chính phủ",
    "TW": "Trung ương",
    "TTg": "Thủ tướng",
    "AI": "trí tuệ nhân tạo",
    "IoT": "Internet vạn vật",
}
# Codes that are also ordinary words or parts of names: expanded only when typed in capitals
# (or followed by a number, for document types: "qđ 2629", "nq57").
CASE_SENSITIVE = frozenset({"DN", "KH", "TT", "CV", "QH", "TW", "AI", "NQ", "NĐ", "QĐ", "TTg", "DVC", "IoT", "CP", "UB"})
DOC_TYPE_CODES = frozenset({"NQ", "NĐ", "QĐ", "KH", "TT", "CV"})  # "NQ57", "qđ 2629": a document by number

# Nouns of an ordinal: "cấp mấy?" asks which level, answered "cấp II" (the numeral after the noun, often Roman).
ORDINAL_NOUNS = (
    "cấp độ", "mức độ", "giai đoạn", "phụ lục", "cấp", "mức", "hạng", "loại", "nhóm", "bậc", "thứ", "vòng", "đợt",
    "khoản", "điều", "chương", "kỳ", "khóa", "khoá", "nhiệm kỳ",
)

# Short forms of chat Vietnamese (whole words, lower case): what they stand for.
CHAT_FORMS = {
    "ko": "không",
    "k": "không",
    "hok": "không",
    "dc": "được",
    "đc": "được",
    "ng": "người",
    "bn": "bao nhiêu",
    "vs": "với",
    "ntn": "như thế nào",
    "j": "gì",
    "tp": "thành phố",
    "t": "tuổi",  # only after a number: "dưới 18t"
}

# Nouns a follow-up points back with ("văn bản đó", "phiên họp này", "tỉnh đó", "cơ quan ấy").
DOCUMENT_NOUNS = ("văn bản", "tài liệu", "bài báo", "bài viết", "đề án", "chương trình", "bộ luật") + tuple(
    t.lower() for t in DOC_TYPES
)
EVENT_NOUNS = ("phiên họp", "cuộc họp", "hội nghị", "buổi làm việc", "sự kiện")
PLACE_NOUNS = ("tỉnh", "thành phố", "địa phương", "huyện", "xã")
# Places whose name opens with a Vietnamese surname: "Hà Nội" is not a person named Hà.
PLACES_LIKE_NAMES = (
    "Hà Nội", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hà Đông", "Lâm Đồng", "Cao Bằng", "Thái Bình", "Thái Nguyên", "Hồ Chí Minh",
    "Hòa Bình", "Hoà Bình", "Lào Cai", "Giang Nam", "Vĩnh Long", "Lai Châu", "Kiên Giang", "Hậu Giang", "Tiền Giang",
)
DEMONSTRATIVES = ("đó", "này", "ấy", "trên", "nói trên", "vừa nêu")
ANAPHORS = ("đó", "này", "ấy", "nói trên", "vừa nêu", "như vậy", "họ", "nó")  # any back-reference
