"""Pre-filled narrative sentences from records: counts and amounts the drafter keeps, corrects or extends.

A sentence is written only where a record supports it; the other sections start empty for the
drafter (Mẫu số 01–03, TT 06/2025/TT-TTCP: "số liệu dẫn chứng" come from the period's records).
"""

from reports.snapshot import format_value, plain


def _n(figure):
    return format_value(plain(figure.value if hasattr(figure, "value") else figure))


def _window(period):
    return f"từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"


def anti_corruption(facts, period):
    """Mẫu số 03: leadership and responsibility inspections, prevention (publication), detection and handling."""
    f = {key: figure.value for key, figure in facts.items()}
    text = {}
    if f["inspections"]:
        text["situation"] = (
            f"Trong kỳ báo cáo ({_window(period)}), đơn vị đã triển khai {_n(facts['inspections'])} cuộc thanh tra "
            f"về phòng, chống tham nhũng, lãng phí, tiêu cực; đã ban hành kết luận {_n(facts['inspections_concluded'])} cuộc.")
    if f["publications"]:
        text["prevention"] = (
            f"Về công khai, minh bạch trong hoạt động: trong kỳ đã công khai {_n(facts['publications'])} kết luận thanh tra "
            "theo quy định.")
    detection = []
    if f["violations"]:
        detection.append(
            f"Qua thanh tra phát hiện {_n(facts['violations'])} vi phạm liên quan đến tham nhũng, lãng phí, tiêu cực; "
            f"kiến nghị thu hồi {_n(facts['amount_to_recover'])} triệu đồng.")
    if f["amount_recovered"]:
        detection.append(f"Trong kỳ đã thu hồi {_n(facts['amount_recovered'])} triệu đồng theo kết luận thanh tra.")
    if f["petitions"] or f["denunciations"]:
        detection.append(
            f"Qua công tác tiếp nhận, xử lý đơn và giải quyết tố cáo: tiếp nhận {_n(facts['petitions'])} đơn và "
            f"{_n(facts['denunciations'])} vụ việc tố cáo liên quan đến tham nhũng, lãng phí, tiêu cực.")
    if detection:
        text["detection"] = " ".join(detection)
    return text


def _total(tables, code, column):
    table = next((t for t in tables if t.code == code), None)
    if table is None or not table.rows:
        return None
    figure = table.rows[-1].cells.get(column)
    return figure.value if figure else None


def inspection(tables, period):
    """Mẫu số 01 §I.1: inspections carried out and concluded (01/TTr), conclusions carried out (02/TTr)."""
    total, carried, started = (_total(tables, "01/TTr", c) for c in ("1", "2", "3"))
    concluded, units, money = (_total(tables, "01/TTr", c) for c in ("6", "7", "10"))
    followed, done = _total(tables, "02/TTr", "1"), _total(tables, "02/TTr", "3")
    sentences = []
    if total:
        sentences.append(
            f"Trong kỳ báo cáo ({_window(period)}), đã triển khai {_n(total)} cuộc thanh tra (kỳ trước chuyển sang "
            f"{_n(carried)} cuộc, triển khai trong kỳ {_n(started)} cuộc); đã ban hành {_n(concluded)} kết luận thanh tra "
            f"tại {_n(units)} đơn vị; kiến nghị thu hồi {_n(money)} triệu đồng.")
    if followed:
        sentences.append(f"Theo dõi, đôn đốc thực hiện {_n(followed)} kết luận thanh tra, trong đó {_n(done)} kết luận đã hoàn thành.")
    return {"results": " ".join(sentences)} if sentences else {}


def kntc(tables, period):
    """Mẫu số 02 §II: reception (01/TCD), petitions (02/XLD), complaints (03/GQKN), denunciations (04/GQTC)."""
    sentences = []
    visits, people, matters = (_total(tables, "01/TCD", c) for c in ("1", "2", "3"))
    if visits:
        sentences.append(f"Trong kỳ báo cáo ({_window(period)}), đã tiếp {_n(visits)} lượt với {_n(people)} người, "
                         f"{_n(matters)} vụ việc.")
    petitions, processed = _total(tables, "02/XLD", "1"), _total(tables, "02/XLD", "2")
    if petitions:
        sentences.append(f"Tiếp nhận {_n(petitions)} đơn, đã xử lý {_n(processed)} đơn.")
    complaints, denunciations = _total(tables, "03/GQKN", "2"), _total(tables, "04/GQTC", "2")
    if complaints or denunciations:
        sentences.append(f"Thuộc thẩm quyền giải quyết có {_n(complaints or 0)} vụ việc khiếu nại và "
                         f"{_n(denunciations or 0)} vụ việc tố cáo.")
    return {"results": " ".join(sentences)} if sentences else {}
