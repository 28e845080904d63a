"""Generated articles of a given size and shape: the inputs whose cost grows fastest with size (many
titled names, chains of attributions, unclosed quotation marks, malformed HTML ...). Written here, in
news Arabic of our own; `benchmarks/bench_scaling.py` times them and tests/test_scaling.py guards
their operation counts at small sizes."""
from __future__ import annotations

import html
import itertools

_FIRST = ("أحمد", "محمد", "خالد", "سامي", "يوسف", "عمر", "طارق", "حسن", "فيصل", "ماجد", "نبيل", "رامي",
          "وليد", "هشام", "عادل", "كريم", "زياد", "باسم", "جمال", "منير")
_LAST = ("الحربي", "القحطاني", "العتيبي", "الشمري", "الدوسري", "المطيري", "الزهراني", "الغامدي", "السبيعي",
         "العنزي", "الرشيدي", "البقمي", "الشهري", "العمري", "الجهني", "الحارثي", "المالكي", "السلمي")
_ROLES = ("وزير المالية", "وزير الصحة", "وزير النقل", "رئيس الهيئة", "مدير الشرطة", "محافظ البنك",
          "المتحدث باسم الوزارة", "أمين المنطقة", "سفير المملكة", "رئيس المجلس")
_PROSE = ("وأكدت الوزارة في بيان أن أعمال الصيانة في الطرق الرئيسية ستنتهي قبل نهاية الشهر الجاري.",
          "ويشمل المشروع إنشاء مدارس جديدة وتوسعة شبكة المياه في الأحياء الشمالية من المدينة.",
          "وتابع السكان الأعمال خلال الأسابيع الماضية وطالبوا بتسريع التنفيذ وتحسين الخدمات.",
          "وتعمل الجهات المختصة على متابعة الخطة بشكل دوري بالتنسيق مع المجالس البلدية.")


def _names():
    for k, (first, last, role) in enumerate(itertools.product(_FIRST, _LAST, _ROLES)):
        yield first, last, role, k


def _units(shape: str):
    """The repeated unit of each shape, endless; the article is its headline and then these."""
    if shape in ("titled-names", "titled-names-paragraphs"):
        for first, last, role, _ in itertools.cycle(_names()):
            yield f"وقال {role} {first} {last} إن العمل في المشروع يسير وفق الخطة."
    elif shape == "repeated-attributions":
        while True:
            yield "قال مسؤول إن"
    elif shape == "nested-attributions":
        for first, last, _, k in itertools.cycle(_names()):
            yield f"وقال {first} {last} إن مصدرا أكد أن شاهدا أوضح أن {first} أفاد بأن"
            if k % 5 == 4:
                yield "الوضع هادئ."
    elif shape == "quote-per-line":
        for first, last, _, k in itertools.cycle(_names()):
            yield f"وقال {first} {last}: «الوضع تحت السيطرة والعمل مستمر في الموقع {k}»."
    elif shape in ("prose", "giant-line"):
        yield from itertools.cycle(_PROSE)
    elif shape == "unclosed-quotes":
        while True:
            yield "وقال المتحدث «إن العمل مستمر"
    elif shape == "numbers":
        for k in itertools.count():
            yield f"وقتل {k % 90 + 3} أشخاص وأصيب {k % 70 + 10} آخرون في حادث على الطريق رقم {k}."
    elif shape == "quotes-one-line":
        for first, last, _, k in itertools.cycle(_names()):
            yield f"ووصف {first} الخطة بأنها «خطوة مهمة» وقال: «سنواصل العمل {k}»."
    elif shape == "short-paragraphs":
        while True:
            yield "انتهت الأعمال أمس."
    else:
        raise ValueError(shape)


# how units are joined: one paragraph (a space), one paragraph each (a blank line), one line each
_JOIN = {"titled-names": " ", "repeated-attributions": " ", "nested-attributions": " ",
         "giant-line": " ", "unclosed-quotes": " ", "quotes-one-line": " ",
         "titled-names-paragraphs": "\n\n", "short-paragraphs": "\n\n", "quote-per-line": "\n",
         "prose": None, "numbers": "\n"}
TEXT_SHAPES = tuple(_JOIN)
HTML_SHAPES = tuple(f"html-{s}" for s in TEXT_SHAPES) + ("html-unterminated-a", "html-unterminated-script")
SHAPES = TEXT_SHAPES + HTML_SHAPES
HEADLINE = "مشروع جديد لتطوير الطرق في المدينة"


def _text(shape: str, size: int) -> list[str]:
    """Paragraphs of the shape, about `size` bytes of UTF-8 in all."""
    paragraphs: list[str] = []
    current: list[str] = []
    total = len(HEADLINE.encode())
    join = _JOIN[shape]
    for k, unit in enumerate(_units(shape)):
        if total >= size:
            break
        total += len(unit.encode()) + 1
        if join == " ":
            current.append(unit)
        elif join is None:  # prose: paragraphs of four sentences
            current.append(unit)
            if k % 4 == 3:
                paragraphs.append(" ".join(current))
                current = []
        else:
            paragraphs.append(unit)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def article(shape: str, size: int) -> tuple[str, str]:
    """(suffix, text) of an article of about `size` bytes."""
    if shape == "html-unterminated-a":
        return ".html", f"<h1>{HEADLINE}</h1>\n<p>" + "<a " * (size // 3)
    if shape == "html-unterminated-script":
        return ".html", f"<h1>{HEADLINE}</h1>\n<p>" + "<script " * (size // 8)
    if shape.startswith("html-"):
        parts = [f"<p>{html.escape(p, quote=False)}</p>" for p in _text(shape[5:], size)]
        head, tail = f"<html><body>\n<h1>{HEADLINE}</h1>\n", "\n</body></html>\n"
        total = len(head.encode()) + len(tail.encode()) + sum(len(p.encode()) + 1 for p in parts)
        while total > size and len(parts) > 1:  # the tags of many short paragraphs overshoot the size
            total -= len(parts.pop().encode()) + 1
        return ".html", head + "\n".join(parts) + tail
    paragraphs = _text(shape, size)
    sep = "\n" if _JOIN[shape] == "\n" else "\n\n"
    return ".txt", HEADLINE + "\n\n" + sep.join(paragraphs) + "\n"
