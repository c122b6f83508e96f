"""The vocabulary of Vietnamese legal and administrative text, once, as data.

Every rule that needs a document type, an issuer, an office, an abbreviation or a question cue reads
it from here; nothing else lists them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
# The words an official describes a document by ("nghị định hướng dẫn Luật Chuyển đổi số", "đề án của ngành xây dựng"):
# its type, or the kind of plan a decision issues
DESCRIBED_TYPES = (*DOC_TYPES, "Đề án")
# Types of document named by their title ("Luật Giao dịch điện tử (20/2023/QH15)"); the others by type and số
# hiệu ("Nghị định 224/2026/NĐ-CP", "Kế hoạch 308/KH-UBND").
TITLED_TYPES = ("Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh")
# Types of legal act a question may name by type and title when asking its force ("Luật Bảo vệ dữ liệu cá nhân có hiệu
# lực từ ngày nào?", "Nghị định Về chữ ký số …")
FORCE_TYPES = ("Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư", "Chỉ thị")
# Types of legal act named by type alone as a thing a plan makes ("ban hành thông tư hướng dẫn …", "- Nghị định quy định
# chi tiết …"), longest first
ACT_TYPES = tuple(sorted((t for t in FORCE_TYPES if t not in TITLED_TYPES), key=len, reverse=True))
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

# Words for a kind of body, before its name: "Sở Nông nghiệp và Môi trường", "Bộ Xây dựng", "Ngân hàng Nhà nước".
BODY_KINDS = (
    "Sở", "Bộ", "Cục", "Tổng cục", "Chi cục", "Vụ", "Viện", "Ban", "Ủy ban", "Uỷ ban", "Ngân hàng", "Văn phòng",
    "Trung tâm", "Học viện", "Tập đoàn", "Tổng công ty", "Đài", "Hội", "Hiệp hội", "Liên minh", "Liên đoàn", "Mặt trận",
    "Thanh tra", "Kiểm toán", "Đại học", "Trường",
)
# Bodies named by their kind alone ("Công an tỉnh", "Tòa án nhân dân").
SELF_NAMED_BODIES = ("Công an", "Tòa án", "Toà án", "Viện kiểm sát")
# Bodies that issue the documents rather than carry out their tasks: a question names them as the document's author
# ("Quy định 384 của Ban Bí thư"), and the document's passages need not repeat them.
AUTHORITIES = ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng", "Ban Chỉ đạo")
# Levels of government ("Chủ tịch Ủy ban nhân dân cấp huyện"): a provision for one level does not answer of another.
GOVERNMENT_LEVELS = ("xã", "phường", "huyện", "tỉnh", "trung ương", "bộ", "cơ sở")
# The country every document of the corpus is of: a question naming it ("… thí điểm dịch vụ vệ tinh tại Việt Nam?") names
# no place a passage must repeat.
HOME_COUNTRY = ("Việt Nam", "Viet Nam")

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
# Corpus-specific ones are learned from the documents' own definitions (see hoidap/query/expansions.py).
ABBREVIATIONS = {
    "CĐS": "chuyển đổi số",
    "CNTT": "công nghệ thông tin",
    "DVCTT": "dịch vụ công trực tuyến",
    "DVC": "dịch vụ công",
    "CSDL": "cơ sở dữ liệu",
    "ĐMST": "đổi mới sáng tạo",
    "KH&CN": "khoa học và công nghệ",
    "GD&ĐT": "giáo dục và đào tạo",
    "ANM": "an ninh mạng",
    "TBT": "Tổng Bí thư",
    "XHS": "xã hội số",
    "KTS": "kinh tế số",
    "CQS": "chính quyền số",
    "HTTT": "hệ thống thông tin",
    "HTCT": "hệ thống chính trị",
    "BMNN": "bí mật nhà nước",
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
    "CATP": "Công an Thành phố",
    "HKD": "hộ kinh doanh",
    "DN": "doanh nghiệp",
    "VPHC": "vi phạm hành chính",
    "NSNN": "ngân sách nhà nước",
    "TTHC": "thủ tục hành chính",
    "CCHC": "cải cách hành chính",
    "TMĐT": "thương mại điện tử",
    "KT-XH": "kinh tế - xã hội",
    "QP-AN": "quốc phòng - an ninh",
    "VPCP": "Văn phòng Chính phủ",
    "ĐVSNCL": "đơn vị sự nghiệp công lập",
    "CQNN": "cơ quan nhà nước",
    "ĐVHC": "đơn vị hành chính",
    "XD": "xây dựng",  # ministries' and departments' fields, as officials shorten them: "Sở XD", "Bộ GTVT"
    "GTVT": "giao thông vận tải",
    "TN&MT": "tài nguyên và môi trường",
    "KH&ĐT": "kế hoạch và đầu tư",
    "NN&PTNT": "nông nghiệp và phát triển nông thôn",
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
# The field of a ministry or department as officials shorten it right after "sở" / "bộ" ("sở tc", "Bộ NV", "Bộ GDĐT"):
# read there only, where "nv" is Nội vụ and not "nhiệm vụ", "tp" Tư pháp and not "thành phố", "gdđt" Giáo dục và Đào tạo
# and not "giao dịch điện tử" (a field ABBREVIATIONS spells out the same everywhere, "KH&CN", "XD", is not repeated here).
BODY_FIELDS = {
    "tc": "Tài chính",
    "yt": "Y tế",
    "nv": "Nội vụ",
    "ct": "Công Thương",
    "tp": "Tư pháp",
    "qp": "Quốc phòng",
    "ca": "Công an",
    "ng": "Ngoại giao",
    "gdđt": "Giáo dục và Đào tạo",
    "nnmt": "Nông nghiệp và Môi trường",
    "vhttdl": "Văn hóa, Thể thao và Du lịch",
}
# English words officials mix into a Vietnamese sentence ("timeline của đề án", "owner là ai"), and the term the
# documents use for each.
LOANWORDS = {
    "deadline": "thời hạn",
    "timeline": "tiến độ",
    "roadmap": "lộ trình",
    "budget": "kinh phí",
    "funding": "kinh phí",
    "platform": "nền tảng",
    "owner": "chủ trì",
    "leader": "lãnh đạo",
    "partner": "đối tác",
    "target": "chỉ tiêu",
    "KPI": "chỉ tiêu",
    "report": "báo cáo",
    "plan": "kế hoạch",
    "app": "ứng dụng",
    "apps": "ứng dụng",
    "website": "trang thông tin điện tử",
    "online": "trực tuyến",
    "cloud": "điện toán đám mây",
    "server": "máy chủ",
    "smartphone": "điện thoại thông minh",
    "email": "thư điện tử",
    "password": "mật khẩu",
    "user": "người dùng",
    "training": "đào tạo",
    "update": "cập nhật",
    "startup": "khởi nghiệp",
    "fintech": "công nghệ tài chính",
    "blockchain": "chuỗi khối",
    "cybersecurity": "an ninh mạng",
    "security": "an toàn thông tin",
    "e-commerce": "thương mại điện tử",
    "scope": "phạm vi",
}
# Figurative words for roles and acts, as officials say them, and the documents' terms for them ("ai cầm trịch việc này?"
# asks who chủ trì it): idioms of Vietnamese with one meaning in administration.
IDIOMS = {
    "cầm trịch": "chủ trì",
    "đứng mũi chịu sào": "chủ trì",
    "đứng ra lo": "chủ trì",
    "làm đầu mối": "chủ trì",
    "đầu tàu": "lãnh đạo",
    "cái loa": "tuyên truyền",
    "rót tiền": "kinh phí",
    "rót vốn": "bố trí vốn",
    "chi tiền": "kinh phí",
    "bật đèn xanh": "phê duyệt",
}
# Names a place goes by in speech and the press ("xứ Kinh Bắc", "đất Sen Hồng", "Thủ đô"): folded → the province or city
# the documents name (matched whole, any case; "Luật Thủ đô" and a company's "Sài Gòn" are names, not places)
PLACE_NICKNAMES = {
    "xứ kinh bắc": "Bắc Ninh",
    "vùng kinh bắc": "Bắc Ninh",
    "đất kinh bắc": "Bắc Ninh",
    "kinh bắc": "Bắc Ninh",
    "quê hương quan họ": "Bắc Ninh",
    "quê quan họ": "Bắc Ninh",
    "đất sen hồng": "Đồng Tháp",
    "xứ sen hồng": "Đồng Tháp",
    "thủ đô": "Hà Nội",
    "hà thành": "Hà Nội",
    "sài gòn": "Thành phố Hồ Chí Minh",
    "đất cố đô": "Huế",
    "cố đô huế": "Huế",
    "xứ nghệ": "Nghệ An",
    "xứ thanh": "Thanh Hóa",
    "đất võ": "Bình Định",
    "thành phố cảng": "Hải Phòng",
    "đất cảng": "Hải Phòng",
    "tây đô": "Cần Thơ",
    "đất mũi": "Cà Mau",
    "đất tổ": "Phú Thọ",
    "xứ quảng": "Quảng Nam",
    "xứ dừa": "Bến Tre",
    "phố núi pleiku": "Gia Lai",
}
# Codes that are also ordinary words or parts of names: expanded only when typed in capitals
# (or followed by a number, for document types: "qđ 2629", "nq57").
CASE_SENSITIVE = frozenset({"DN", "KH", "TT", "CV", "QH", "TW", "AI", "NQ", "NĐ", "QĐ", "TTg", "DVC", "IoT", "CP", "UB", "KPI"})
DOC_TYPE_CODES = frozenset({"NQ", "NĐ", "QĐ", "KH", "TT", "CV"})  # "NQ57", "qđ 2629": a document by number

# Nouns of an ordinal: "cấp mấy?" asks which level, answered "cấp II" (the numeral after the noun, often Roman).
ORDINAL_NOUNS = (
    "cấp độ", "mức độ", "giai đoạn", "phụ lục", "cấp", "mức", "hạng", "loại", "nhóm", "bậc", "thứ", "vòng", "đợt",
    "khoản", "điều", "chương", "kỳ", "khóa", "khoá", "nhiệm kỳ",
)

# Nouns a time question asks with ("vào những mốc nào?", "thời điểm nào?"): they name what is asked, not what the
# answering passage says ("trước ngày 01/6 và 15/11 hằng năm").
TIME_QUESTION_NOUNS = ("mốc", "mốc thời gian", "thời điểm", "dịp", "lúc")

# Words that bound a figure ("tối đa 15 tỷ đồng", "ít nhất 7 ngày làm việc"): an upper bound, and a lower bound.
UPPER_BOUNDS = ("tối đa", "không quá", "không vượt quá", "nhiều nhất", "cao nhất")
LOWER_BOUNDS = ("tối thiểu", "ít nhất", "không dưới", "không ít hơn", "thấp nhất")

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
    "tgian": "thời gian",
    "thgian": "thời gian",
    "t": "tuổi",  # only after a number: "dưới 18t"
    "bh": "bao giờ",
    "bgio": "bao giờ",
    "bnhieu": "bao nhiêu",
    "khum": "không",
    "hem": "không",
    "kh": "không",
    "nv": "nhiệm vụ",
    "tg": "thời gian",
    "z": "vậy",
    "dz": "vậy",
    "e": "em",  # "cho e hỏi" (not a letter of a list: "điểm e", "e)")
    "mn": "mọi người",
    "mng": "mọi người",
    "r": "rồi",
    "trc": "trước",
    "cq": "cơ quan",
    "dn": "doanh nghiệp",
    "hs": "hồ sơ",
    "lq": "liên quan",
    "ql": "quản lý",
    "vd": "ví dụ",
    "ngta": "người ta",
    "kq": "kết quả",
    "bc": "báo cáo",
    "dl": "dữ liệu",
    "vb": "văn bản",
    "ttin": "thông tin",
    "ctrinh": "chương trình",
    "ctrình": "chương trình",
    "qđịnh": "quy định",
    "ktra": "kiểm tra",
    "qly": "quản lý",
    "pl": "phụ lục",
    "cbccvc": "cán bộ, công chức, viên chức",
    "cbcc": "cán bộ, công chức",
    "kv": "khu vực",
    # Southern and spoken forms
    "hông": "không",
    "hổng": "không",
    "nhiêu": "bao nhiêu",  # "phạt nhiêu tiền?" (not where "bao nhiêu" is written out)
    "xài": "sử dụng",
    "mần": "làm",
    "vầy": "vậy",
}

# Spoken fillers: classifiers, adverbs and particles of speech that carry no topic ("cái vụ …", "cắt hẳn", "… luôn",
# "… liền", "… nha"). Legal text rarely uses them, so their IDF is high and a passage lacking them would count as
# missing the question's strongest words. Words the documents use as content ("mới", "hằng năm", "vừa" of "nhỏ và vừa",
# "ngay", "riêng") are not here.
SPOKEN_FILLERS = frozenset(
    "cái hẳn luôn liền thôi nhé nha nhỉ hả hở à chứ đấy kìa nè hen ha ơi cũng vẫn rất lắm chắc".split()
)

# Nouns a follow-up points back with ("văn bản đó", "phiên họp này", "tỉnh đó", "cơ quan ấy").
DOCUMENT_NOUNS = ("văn bản", "tài liệu", "bài báo", "bài viết", "đề án", "chương trình", "bộ luật") + tuple(
    t.lower() for t in DOC_TYPES
)
EVENT_NOUNS = ("phiên họp", "cuộc họp", "hội nghị", "buổi làm việc", "sự kiện")
PLACE_NOUNS = ("tỉnh", "thành phố", "địa phương", "huyện", "xã")
# Words of a follow-up that asks only to see the source of the previous answer ("Trích nguyên văn giúp tôi", "Cho xem
# toàn văn điều đó", "Nguồn ở đâu?"): the previous question is answered again, with its quotes.
SOURCE_WORDS = (
    "trích", "trích dẫn", "nguyên văn", "toàn văn", "nguồn", "dẫn", "gốc", "văn bản gốc", "cho", "xem", "giúp", "tôi",
    "mình", "em", "xin", "vui lòng", "lại", "đầy đủ", "được", "không", "nhé", "nha", "ạ", "với", "đi", "ở", "đâu", "câu",
    "trên", "đó", "này", "điều", "khoản", "đoạn", "chính xác", "quy định", "nội dung", "phần", "chỗ",
)
# Words that name an aspect of a task or a provision, not a topic of its own ("hạn chót", "cơ quan nào chủ trì", "kinh
# phí", "mức phạt", "hiệu lực", "người ký"), with the question and function words: a follow-up made of them alone
# ("Hạn chót là khi nào?", "Ai chủ trì?") asks that aspect of what the previous question was about.
ASPECT_WORDS = (
    "hạn", "hạn chót", "thời hạn", "thời gian", "thời điểm", "tiến độ", "mốc", "cơ quan", "đơn vị", "bộ", "sở", "ngành",
    "chủ trì", "phối hợp", "thực hiện", "triển khai", "đầu mối", "phụ trách", "kinh phí", "nguồn", "nguồn vốn", "vốn",
    "mức", "mức phạt", "phạt", "hiệu lực", "ký", "người ký", "ban hành", "kết quả", "sản phẩm", "báo cáo", "gửi", "trình",
    "hoàn thành", "đối tượng", "phạm vi", "trách nhiệm", "điều kiện", "hồ sơ", "thủ tục", "việc", "nhiệm vụ", "lo",
    "giao", "cấp", "lần", "định kỳ", "chậm nhất", "muộn nhất", "tối đa", "tối thiểu", "ngày", "tháng", "năm", "quý",
    "thế", "vậy", "nữa", "còn", "thì", "là", "có", "được", "phải", "do", "của", "cho", "với", "và", "hay", "hoặc", "ạ",
    "khi", "nào", "gì", "ai", "bao", "nhiêu", "lâu", "giờ", "mấy", "không", "chưa", "ra", "sao", "đâu", "bên", "từ",
    "đến", "trước", "sau", "cần", "sẽ", "đã", "theo", "lúc", "hằng", "hàng",
)
# Subjects a provision treats side by side: "còn cá nhân?" after a question about "tổ chức" asks the same of them.
CONTRASTED_SUBJECTS = (
    ("tổ chức", "cá nhân", "doanh nghiệp", "hộ kinh doanh", "hợp tác xã"),
    ("cơ quan nhà nước", "doanh nghiệp nhà nước", "đơn vị sự nghiệp"),
    ("cấp tỉnh", "cấp huyện", "cấp xã", "cấp trung ương", "cấp bộ"),
    ("trong nước", "nước ngoài"),
    ("người dân", "doanh nghiệp"),
    ("thành thị", "nông thôn"),
)
# Qualifiers a provision sets against each other: "chứng chỉ quản trị dữ liệu cơ bản" does not give the share of the
# "nâng cao" one, a figure "trong nước" not the one "nước ngoài".
CONTRASTED_QUALIFIERS = (
    ("cơ bản", "nâng cao", "chuyên sâu"),
    ("trong nước", "nước ngoài"),
    ("thành thị", "nông thôn"),
    ("công lập", "ngoài công lập"),
    ("toàn trình", "một phần"),
    ("bắt buộc", "tự nguyện"),
)
# Places whose name opens with a Vietnamese surname: "Hà Nội" is not a person named Hà.
# The provinces and centrally governed cities (the 63 of before the 2025 mergers; the 34 after keep names among them):
# a question typing one after "tỉnh" / "thành phố" in lower case or without diacritics ("tinh binh duong") still names
# a place a passage must name.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình",
    "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế",
    "Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
PLACES_LIKE_NAMES = (
    "Hà Nội", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hà Đông", "Lâm Đồng", "Cao Bằng", "Thái Bình", "Thái Nguyên", "Hồ Chí Minh",
    "Hòa Bình", "Hoà Bình", "Lào Cai", "Giang Nam", "Vĩnh Long", "Lai Châu", "Kiên Giang", "Hậu Giang", "Tiền Giang",
)
DEMONSTRATIVES = ("đó", "này", "ấy", "trên", "nói trên", "vừa nêu")
ANAPHORS = ("đó", "này", "ấy", "nói trên", "vừa nêu", "như vậy", "họ", "nó")  # any back-reference

# Everyday words for the terms of administrative text: the formal term (as the documents write it) → how people
# who have not read the text say it. A question that uses an everyday form also looks for the formal term
# (BM25 tokens, and the term counts as found where the formal term is). General Vietnamese usage, written
# once; matched as whole words, lower case. Forms of one syllable are matched only in questions typed with
# diacritics ("ấp" folds to "ap").
EVERYDAY_FORMS = {
    # who does what
    "chủ trì": ("cầm trịch", "đứng mũi chịu sào", "cầm đầu", "làm đầu mối", "đầu mối", "chịu trách nhiệm chính", "lo việc", "phụ trách chính", "dẫn dắt"),
    "phối hợp": ("chung tay", "cùng làm", "hợp sức"),
    "theo dõi": ("coi sóc", "nắm tình hình"),
    "tổng hợp": ("gom", "tập hợp"),
    "hướng dẫn": ("chỉ dẫn", "chỉ bảo", "bày cách", "chỉ cách"),
    "tuyên truyền": ("quảng bá", "lan tỏa", "lan toả", "phổ biến thông tin", "truyền bá", "cổ động"),
    "thông báo": ("báo cho", "cho biết", "báo trước", "báo tin", "báo cho biết"),
    "tạm ngừng": ("dừng", "ngưng", "tạm dừng", "ngắt", "tắt"),
    "ban hành": ("ra đời",),
    "thành lập": ("lập ra", "dựng lên", "lập nên"),
    "xây dựng": ("dựng lên", "tạo lập"),
    "khuyến khích": ("động viên", "cổ vũ"),
    "bắt buộc": ("buộc phải", "bắt phải", "ép buộc"),
    "đào tạo": ("huấn luyện", "tập huấn"),
    "xử phạt": ("phạt", "phạt tiền"),
    "bãi bỏ": ("xóa bỏ", "xoá bỏ", "hủy bỏ", "huỷ bỏ", "không còn áp dụng"),
    "sửa đổi": ("chỉnh sửa", "sửa lại"),
    "báo cáo": ("báo lên", "gửi tổng hợp", "trình lên", "tổng kết gửi"),
    # how much, how long, when
    "tối thiểu": ("ít nhất", "thấp nhất", "tối thiểu là"),
    "tối đa": ("nhiều nhất", "cao nhất", "không quá"),
    "chậm nhất": ("muộn nhất", "trễ nhất", "hạn chót"),
    "thời hạn": ("hạn chót", "deadline", "kỳ hạn"),
    "định kỳ 6 tháng": ("nửa năm một lần", "mỗi nửa năm", "cứ nửa năm", "sáu tháng một lần"),
    "6 tháng": ("nửa năm",),
    "hằng năm": ("mỗi năm", "năm nào cũng", "hàng năm"),
    "hằng quý": ("mỗi quý", "hàng quý"),
    "kinh phí": ("nguồn tiền",),
    "vốn": ("nguồn tiền", "tiền đầu tư", "nguồn lực tài chính"),
    "ngân sách nhà nước": ("tiền ngân sách", "tiền nhà nước", "tiền công quỹ", "công quỹ"),
    "vốn đầu tư công": ("tiền ngân sách", "tiền nhà nước", "tiền công quỹ"),
    "nước ngoài": ("ngoại quốc", "hải ngoại"),
    "xếp hạng": ("thứ hạng", "đứng thứ", "bảng xếp hạng"),
    "cấp độ": ("bậc",),
    # data, systems, security
    "cơ sở dữ liệu": ("kho dữ liệu", "kho số liệu", "kho thông tin", "ngân hàng dữ liệu", "kho số"),
    "dữ liệu": ("số liệu",),
    "an toàn thông tin": ("bảo mật", "an ninh thông tin", "bảo vệ thông tin"),
    "an ninh mạng": ("tin tặc", "hacker", "tấn công mạng", "xâm nhập", "phòng vệ mạng", "chống xâm nhập"),
    "hệ thống thông tin": ("mạng máy tính", "phần mềm nghiệp vụ", "hệ thống máy tính", "hệ thống phần mềm"),
    "dữ liệu cá nhân": ("thông tin riêng tư", "thông tin cá nhân", "đời tư", "quyền riêng tư", "bí mật cá nhân"),
    "cổng thông tin": ("trang mạng", "trang web", "website", "cổng điện tử", "trang điện tử"),
    "nền tảng số": ("app",),
    "dịch vụ số": ("tiện ích số", "tiện ích trên điện thoại", "tiện ích trực tuyến"),
    "dịch vụ công trực tuyến": ("nộp hồ sơ qua mạng", "làm thủ tục online", "thủ tục trên mạng", "thủ tục online"),
    "thủ tục hành chính": ("giấy tờ hành chính", "thủ tục giấy tờ"),
    "thiết bị di động": ("smartphone", "điện thoại thông minh"),
    "trí tuệ nhân tạo": ("máy học",),
    "bán dẫn": ("chip", "vi mạch"),
    "nhà máy thông minh": ("xưởng tự động", "nhà máy tự động", "xưởng sản xuất tự động", "xưởng thông minh"),
    "mô hình thông tin công trình": ("mô hình 3D", "mô hình số 3D", "mô hình ba chiều"),
    "kỹ năng số": ("biết dùng công nghệ", "kỹ năng công nghệ", "sử dụng công nghệ"),
    "trò chơi điện tử": ("game", "trò chơi trực tuyến", "trò chơi trên mạng"),
    "điểm cung cấp dịch vụ trò chơi điện tử công cộng": ("quán game", "tiệm game", "quán net", "tiệm net", "phòng game"),
    "tin nhắn quảng cáo": ("tin nhắn rác", "tin rác", "spam"),
    "thuê bao": ("số điện thoại", "người dùng điện thoại"),
    "chứng thư chữ ký số": ("chứng thư số",),
    # people, bodies, places
    "người dân": ("bà con", "dân chúng", "người dân thường"),
    "doanh nghiệp": ("công ty", "giới làm ăn", "giới kinh doanh", "nhà doanh nghiệp", "cơ sở kinh doanh"),
    "khách hàng": ("người dùng", "người sử dụng dịch vụ"),
    "người sử dụng": ("người dùng",),
    "tổ công nghệ số cộng đồng": ("nhóm tình nguyện", "tổ tình nguyện", "tình nguyện viên", "đội hỗ trợ công nghệ"),
    "cơ quan truyền thông": ("báo chí", "báo, đài", "báo đài", "đài phát thanh", "truyền hình"),
    "trẻ em": ("trẻ con", "con nít", "em nhỏ"),
    "người chưa thành niên": ("trẻ vị thành niên", "vị thành niên", "dưới 18 tuổi"),
    "nhân lực": ("nhân sự", "người làm"),
    "nhân lực chất lượng cao": ("nhân tài", "người giỏi"),
    "cán bộ, công chức": ("người làm nhà nước",),
    "người đứng đầu": ("thủ trưởng", "sếp", "lãnh đạo cao nhất"),
    "Thủ tướng Chính phủ": ("người đứng đầu Chính phủ",),
    "Công an": ("cảnh sát", "lực lượng công an"),
    "thôn": ("xóm", "ấp", "bản", "làng"),
    "tổ dân phố": ("khu phố", "phường xóm"),
    "đại học": ("ngôi trường", "trường đại học"),
    "Hà Nội": ("thủ đô",),
    "Thành phố Hồ Chí Minh": ("Sài Gòn",),
    "công trình": ("nhà cửa", "cầu cống", "cao ốc", "tòa nhà", "toà nhà"),
    "kết cấu hạ tầng": ("cầu đường", "đường sá", "cầu cống", "hạ tầng giao thông"),
    "dự án, chương trình": ("sáng kiến",),
}


# The everyday-words thesaurus (core/everyday_thesaurus.tsv): the same mapping as EVERYDAY_FORMS, for 1,785 words and
# phrases of corpus/'s own vocabulary, written by helper sessions that saw only the documents and a brief (never a
# question of any test set); see the file's header. A line: formal term, TAB, everyday forms parted by " | ".
THESAURUS_FILE = Path(__file__).with_name("everyday_thesaurus.tsv")


@lru_cache(maxsize=1)
def everyday_thesaurus() -> dict[str, tuple[str, ...]]:
    """formal term → its everyday forms, from THESAURUS_FILE (a form that contains its term is left out)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in THESAURUS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        term, forms = line.split("\t", 1)
        term = " ".join(term.split())
        kept = [" ".join(f.split()) for f in forms.split("|")]
        kept = [f for f in kept if f and term.lower() not in f.lower()]
        if term and kept:
            out[term] = tuple(dict.fromkeys(out.get(term, ()) + tuple(kept)))
    return out
