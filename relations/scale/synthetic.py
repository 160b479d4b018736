"""Made-up but realistic names, bodies, places and article texts, for benchmarks and demo data.

Reproducible: everything is drawn from a ``random.Random(seed)``.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterator

VN_FAMILY = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Đinh Lương Mai"
).split()
VN_MIDDLE = ("Văn Thị Minh Quốc Hữu Đức Thanh Xuân Hoài Thế Công Ngọc Quang").split()
VN_GIVEN = (
    "Hùng Phong Tân Chính Lâm Khôi Hằng Thắng Trung Long Nam Hải Dũng Tuấn Hà Linh Mai "
    "Quyết Phước Định Khoa Sơn Bình Thảo Yến Đạt Cường Vinh Hiếu Tùng"
).split()
RU_GIVEN = (
    "Vladimir Dmitry Sergei Igor Anatoly Andrei Leonid Vadim Mikhail Nikolai Alexei Yuri "
    "Roman Viktor Pavel Oleg Boris Konstantin"
).split()
RU_FEMALE = ("Anastasia Tatyana Olga Elena Natalia Irina Maria Svetlana").split()
RU_FAMILY = (
    "Ivanov Petrov Smirnov Kuznetsov Popov Volkov Sokolov Lebedev Kozlov Novikov Morozov "
    "Orlov Belov Zubov Klimov Yegorov Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov "
    "Fedorov Mikhailov Tarasov Zaitsev"
).split()
FIELDS = (
    "Home Affairs|Justice|Education and Training|Health|Industry and Trade|Transport|"
    "Agriculture and Rural Development|Public Security|Foreign Affairs|Finance|Culture|"
    "Science and Technology|Natural Resources and Environment|Construction|Labour"
).split("|")
RU_FIELDS = (
    "Internal Affairs|Justice|Education|Health|Industry and Trade|Transport|Agriculture|Energy|"
    "Foreign Affairs|Finance|Culture|Digital Development|Natural Resources|Construction|Economic Development"
).split("|")
VN_CITIES = ["Hà Nội", "Hồ Chí Minh City", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nha Trang"]
RU_CITIES = ["Moscow", "St Petersburg", "Kazan", "Vladivostok", "Novosibirsk", "Yekaterinburg", "Sochi"]
DOCUMENTS = ["cooperation agreement", "memorandum of understanding", "cooperation programme", "action plan"]


def vietnamese_name(rng: random.Random) -> str:
    return f"{rng.choice(VN_FAMILY)} {rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}"


def russian_name(rng: random.Random) -> str:
    female = rng.random() < 0.25
    family = rng.choice(RU_FAMILY) + ("a" if female else "")
    return f"{rng.choice(RU_FEMALE if female else RU_GIVEN)} {family}"


def _visit_to_russia(rng: random.Random, year: int, month: int) -> str:
    vn, ru = vietnamese_name(rng), russian_name(rng)
    field, ru_field = rng.choice(FIELDS), rng.choice(RU_FIELDS)
    start = rng.randint(1, 20)
    end = start + rng.randint(2, 7)
    met = rng.randint(start, end)
    city = rng.choice(RU_CITIES)
    first, last = year + rng.randint(0, 1), year + rng.randint(2, 5)
    mon = calendar.month_name[month]
    return (
        f"{city.upper()}, {mon} {met} – A delegation from the Ministry of {field} led by Minister {vn} is "
        f"paying a working visit to Russia from {mon} {start}-{end}, aiming to promote cooperation.\n\n"
        f"While in {city}, {vn.split()[-1]} met with Russian Deputy Minister of {ru_field} {ru} "
        f"on {mon} {met}, "
        f"during which the two sides reviewed cooperation in {rng.choice(FIELDS).lower()}.\n\n"
        f"On this occasion, the two ministries signed a {rng.choice(DOCUMENTS)} for {first}-{last}.\n\n"
        f"The Vietnamese minister thanked the Russian side for its support, citing trade in {year - 1}. -VNA"
    )


def _visit_to_vietnam(rng: random.Random, year: int, month: int) -> str:
    vn, ru = vietnamese_name(rng), russian_name(rng)
    ru_field = rng.choice(RU_FIELDS)
    day = rng.randint(1, 28)
    city = rng.choice(VN_CITIES)
    return (
        f" date {year:04d}-{month:02d}-{day:02d} {city} – Deputy Prime Minister {vn} received visiting "
        f"Russian Minister of {ru_field} {ru} in {city} on {calendar.month_name[month]} {day}.\n\n"
        f"{vn.split()[-1]} said Việt Nam always attaches importance to the comprehensive strategic "
        f"partnership with Russia. For his part, {ru.split()[-1]} affirmed that Russia wished to deepen "
        f"cooperation.\n\n"
        f"The two sides agreed to consider a draft intergovernmental programme on {ru_field.lower()} "
        f"cooperation for {year + 1}-{year + 3}. VNA/VNS"
    )


TEMPLATES = [_visit_to_russia, _visit_to_vietnam]


def articles(n: int, *, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``n`` article texts with their file names, over thirty years of visits both ways."""
    rng = random.Random(seed)
    for i in range(n):
        year, month = rng.randint(1995, 2025), rng.randint(1, 12)
        text = rng.choice(TEMPLATES)(rng, year, month)
        yield f"gen_{seed}_{i:06d}.txt", text
