"""Synthetic Indonesian news articles for scale benchmarks, from our own templates.

Every article is composed afresh: a dateline, a headline, 8–14 paragraphs mixing relation sentences
(accuse, supply, warn, meet, visit, sanction, deny, role) with quotes and background, drawn from
pools of states, capitals, organisations, people (generated names with titles) and the weapon
labels of ``ontology/weapons.ttl``. Entities come from ``ontology/entities.ttl`` too when it exists.
Article ``i`` depends only on ``(seed, i)``, so the 1,000-article corpus is a prefix of the
10,000-article one. The planted relations go to ``_manifest.jsonl`` beside the texts (``kg build``
reads only ``.txt``/``.html``), for sanity checks of extraction on the synthetic text.

    python -m bench.corpus --n 1000 --out build/bench/corpus-1000
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import ONTOLOGY_DIR

# (Indonesian name, short forms/metonyms, capital)
STATES: list[tuple[str, list[str], str]] = [
    ("Rusia", ["Moskow", "Kremlin"], "Moskow"),
    ("Ukraina", ["Kyiv"], "Kyiv"),
    ("Korea Utara", ["Korut", "Pyongyang"], "Pyongyang"),
    ("Korea Selatan", ["Korsel", "Seoul"], "Seoul"),
    ("Amerika Serikat", ["AS", "Washington"], "Washington"),
    ("China", ["Tiongkok", "Beijing"], "Beijing"),
    ("Iran", ["Teheran"], "Teheran"),
    ("Jepang", ["Tokyo"], "Tokyo"),
    ("Inggris", ["London"], "London"),
    ("Prancis", ["Paris"], "Paris"),
    ("Jerman", ["Berlin"], "Berlin"),
    ("Turki", ["Ankara"], "Ankara"),
    ("India", ["New Delhi"], "New Delhi"),
    ("Pakistan", ["Islamabad"], "Islamabad"),
    ("Israel", ["Tel Aviv"], "Yerusalem"),
    ("Suriah", ["Damaskus"], "Damaskus"),
    ("Arab Saudi", ["Riyadh"], "Riyadh"),
    ("Belarus", ["Minsk"], "Minsk"),
    ("Polandia", ["Warsawa"], "Warsawa"),
    ("Indonesia", ["RI", "Jakarta"], "Jakarta"),
    ("Australia", ["Canberra"], "Canberra"),
    ("Filipina", ["Manila"], "Manila"),
    ("Vietnam", ["Hanoi"], "Hanoi"),
    ("Mesir", ["Kairo"], "Kairo"),
    ("Yaman", ["Sanaa"], "Sanaa"),
    ("Venezuela", ["Caracas"], "Caracas"),
    ("Myanmar", ["Naypyidaw"], "Naypyidaw"),
    ("Kanada", ["Ottawa"], "Ottawa"),
]
ORGS: list[tuple[str, list[str]]] = [
    ("Perserikatan Bangsa-Bangsa", ["PBB"]),
    ("Dewan Keamanan PBB", ["DK PBB"]),
    ("Organisasi Pakta Atlantik Utara", ["NATO"]),
    ("Uni Eropa", ["UE"]),
    ("Badan Energi Atom Internasional", ["IAEA"]),
    ("Gedung Putih", []),
    ("Pentagon", []),
    ("Wagner Group", ["Wagner"]),
    ("Hizbullah", []),
    ("Houthi", []),
    ("ASEAN", []),
    ("Dewan Keamanan Nasional", ["NSC"]),
    ("Korps Garda Revolusi Islam", ["IRGC"]),
    ("Kantor Berita Yonhap", ["Yonhap"]),
]
MINISTRIES = ["Kementerian Pertahanan", "Kementerian Luar Negeri", "Kementerian Perdagangan"]
TITLES = [
    ("Menteri Luar Negeri", "state"),
    ("Menteri Pertahanan", "state"),
    ("Presiden", "state"),
    ("Perdana Menteri", "state"),
    ("Duta Besar", "state"),
    ("Juru bicara Kementerian Luar Negeri", "state"),
    ("Juru bicara", "org"),
    ("Sekretaris Jenderal", "org"),
    ("Direktur", "org"),
    ("Kepala", "org"),
    ("Koordinator komunikasi strategis", "org"),
    ("Wakil Menteri Pertahanan", "state"),
]
FIRST = [
    "John",
    "Sergei",
    "Ivan",
    "Anna",
    "Maria",
    "Kim",
    "Li",
    "Wang",
    "Park",
    "Ahmad",
    "Hassan",
    "Ali",
    "Yusuf",
    "Budi",
    "Siti",
    "Dewi",
    "Rina",
    "Andi",
    "Fatimah",
    "Olga",
    "Dmitri",
    "Elena",
    "Pierre",
    "Claire",
    "Hans",
    "Ingrid",
    "Kenji",
    "Yuki",
    "Carlos",
    "Lucia",
    "Omar",
    "Layla",
    "Mehmet",
    "Ayse",
    "Rahul",
    "Priya",
    "Tomasz",
    "Agnieszka",
    "Nguyen",
    "Tran",
    "Samuel",
    "Grace",
    "Viktor",
    "Natalia",
    "Marco",
    "Sofia",
    "Jonas",
]
LAST = [
    "Kirby",
    "Petrov",
    "Ivanov",
    "Smirnova",
    "Park",
    "Choi",
    "Lee",
    "Zhang",
    "Wei",
    "Rahman",
    "Haddad",
    "Karimi",
    "Santoso",
    "Wijaya",
    "Pratama",
    "Hidayat",
    "Kusuma",
    "Dubois",
    "Martin",
    "Schmidt",
    "Weber",
    "Tanaka",
    "Sato",
    "Garcia",
    "Lopez",
    "Yilmaz",
    "Demir",
    "Sharma",
    "Gupta",
    "Kowalski",
    "Nowak",
    "Tran",
    "Le",
    "Johnson",
    "Brown",
    "Miller",
    "Novak",
    "Horvat",
    "Rossi",
    "Bianchi",
    "Lindqvist",
]
CRIMES = [
    "melanggar resolusi Dewan Keamanan PBB",
    "mengganggu stabilitas kawasan",
    "menyelundupkan {w} melalui jalur darat",
    "mengatur kesepakatan senjata secara rahasia",
    "memperpanjang perang di {place}",
    "melanggar embargo senjata",
]
SUPPLY_VERBS = ["mengirimkan", "memasok", "menjual", "menyediakan", "mentransfer", "menyerahkan"]
WARN_PATTERNS = [
    "{a} memperingatkan {b} agar tidak melanjutkan kerja sama militer tersebut",
    "{a} mendesak {b} untuk menghentikan pengiriman {w}",
    "{a} meminta {b} untuk menahan diri",
]
OUTLETS = ["ANTARA", "TEMPO.CO", "Kompas", "Republika", "CNN Indonesia"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BACKGROUND = [
    "Perang di {place} telah memasuki tahun kedua tanpa tanda-tanda akan berakhir.",
    "{s} menembakkan {n} {w} sepanjang {y}, menurut data militer {s2}.",
    "Hubungan antara {s} dan {s2} memburuk sejak awal tahun {y}.",
    "Para analis menilai langkah tersebut dapat mengubah keseimbangan kekuatan di kawasan.",
    "Pertemuan tingkat tinggi itu berlangsung selama {n} jam di {city}.",
    "Sejumlah negara Barat telah menjatuhkan berbagai sanksi sejak konflik pecah.",
    "Laporan intelijen menyebutkan sedikitnya {n} gerbong kereta melintasi perbatasan pada {mon}.",
    "Harga minyak dunia naik {n} persen setelah kabar tersebut tersebar.",
    "Dewan Keamanan PBB dijadwalkan menggelar sidang darurat pekan depan untuk membahas isu itu.",
    "Citra satelit menunjukkan peningkatan aktivitas di pelabuhan {city} dalam beberapa pekan terakhir.",
]
QUOTES = [
    "Kami tidak akan tinggal diam menghadapi ancaman ini",
    "Tindakan itu jelas melanggar hukum internasional",
    "Kami terus memantau situasi dengan saksama",
    "Semua opsi tetap terbuka",
    "Itu tidak baik bagi rakyat {place} dan bagi kawasan",
    "Tuduhan tersebut sama sekali tidak berdasar",
]


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    affiliation: str  # state or organisation name as written


@lru_cache(maxsize=1)
def weapon_labels() -> list[str]:
    """Indonesian surface forms of every weapon concept (prefLabel@id and altLabel@id)."""
    from rdflib import Graph
    from rdflib.namespace import SKOS

    g = Graph().parse(ONTOLOGY_DIR / "weapons.ttl")
    labels = {
        str(o)
        for p in (SKOS.prefLabel, SKOS.altLabel)
        for o in g.objects(None, p)
        if getattr(o, "language", None) == "id" and str(o) not in ("senjata", "Jenis senjata")
    }
    return sorted(labels)


@lru_cache(maxsize=1)
def ontology_entities() -> dict[str, list[str]]:
    """Extra names by kind ("state"/"org"/"person") from ontology/entities.ttl when it exists."""
    path = ONTOLOGY_DIR / "entities.ttl"
    found: dict[str, list[str]] = {"state": [], "org": [], "person": []}
    if not path.exists():
        return found
    from rdflib import RDF, Graph
    from rdflib.namespace import RDFS, SKOS

    g = Graph().parse(path)
    kinds = {"State": "state", "Organization": "org", "Person": "person"}
    for s, _, cls in g.triples((None, RDF.type, None)):
        kind = kinds.get(str(cls).rsplit("#", 1)[-1])
        if kind is None:
            continue
        for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label):
            for o in g.objects(s, p):
                if getattr(o, "language", None) in ("id", None) and 2 < len(str(o)) < 40:
                    found[kind].append(str(o))
    return {k: sorted(set(v)) for k, v in found.items()}


class ArticleWriter:
    """Composes one article with a private RNG; ``relations`` records what was planted."""

    def __init__(self, seed: int, index: int) -> None:
        self.r = random.Random(seed * 1_000_003 + index)
        self.index = index
        self.relations: list[dict] = []
        self.states = self.r.sample(STATES, 5)
        extra = ontology_entities()
        self.orgs = [o[0] for o in self.r.sample(ORGS, 3)]
        if extra["org"]:
            self.orgs.append(self.r.choice(extra["org"]))
        self.people = [self._person() for _ in range(self.r.randint(2, 4))]
        if extra["person"] and self.r.random() < 0.5:
            self.people.append(Person(self.r.choice(extra["person"]), "Juru bicara", self.orgs[0]))
        self.weapons = self.r.sample(weapon_labels(), 3)
        self.year = self.r.randint(2019, 2025)

    def _person(self) -> Person:
        title, kind = self.r.choice(TITLES)
        if kind == "state":
            aff = self.r.choice(self.states)[0]
        else:
            aff = self.r.choice(self.orgs + [f"{self.r.choice(MINISTRIES)} {self.r.choice(self.states)[0]}"])
        return Person(f"{self.r.choice(FIRST)} {self.r.choice(LAST)}", title, aff)

    def state(self, short_ok: bool = True) -> str:
        name, shorts, _ = self.r.choice(self.states)
        if short_ok and shorts and self.r.random() < 0.35:
            return self.r.choice(shorts)
        return name

    def place(self) -> str:
        return self.r.choice(self.states)[0]

    def fill(self, text: str) -> str:
        s, s2 = self.r.sample(self.states, 2)
        return text.format(
            place=self.place(),
            s=s[0],
            s2=s2[0],
            w=self.r.choice(self.weapons),
            n=self.r.randint(2, 90),
            y=self.year,
            city=self.r.choice(self.states)[2],
            mon=self.r.choice(MONTHS),
        )

    def plant(self, type_: str, modality: str, **args: str | None) -> None:
        self.relations.append({"type": type_, "args": args, "modality": modality})

    # one sentence per relation type ---------------------------------------------------------

    def accuse(self) -> str:
        p = self.r.choice(self.people)
        b = self.state()
        crime = self.fill(self.r.choice(CRIMES))
        self.plant("accuses", "asserted", accuser=p.name, accused=b)
        if self.r.random() < 0.5:
            where = self.r.choice(self.states)[2]
            return f'"{b} telah {crime}," kata {p.name.split()[-1]} dalam konferensi pers di {where}.'
        return f"{p.title} {p.affiliation}, {p.name}, menuduh {b} {crime}."

    def supply(self) -> str:
        a, rcp = self.r.sample(self.states, 2)
        w = self.r.choice(self.weapons)
        verb = self.r.choice(SUPPLY_VERBS)
        prep = self.r.choice(["ke", "kepada", "untuk"])
        modality, lead = self.r.choice(
            [
                ("alleged", f"{self.state()} menuduh {a[0]} diam-diam"),
                ("alleged", f"{a[0]} diduga telah"),
                ("planned", f"{a[0]} berencana"),
                ("potential", f"{a[0]} dapat"),
                ("asserted", f"{a[0]}"),
            ]
        )
        self.plant("supplies", modality, supplier=a[0], weapon=w, recipient=rcp[0])
        tail = self.r.choice(
            ["", f" untuk digunakan di {self.place()}", " melalui jalur laut", " bulan lalu"]
        )
        return f"{lead} {verb} {w} {prep} {rcp[0]}{tail}."

    def warn(self) -> str:
        a, b = self.r.sample(self.states, 2)
        self.plant("warns", "asserted", warner=a[0], warned=b[0])
        return self.fill(self.r.choice(WARN_PATTERNS).format(a=a[0], b=b[0], w="{w}")) + "."

    def meet(self) -> str:
        p, q = self.r.sample(self.people, 2)
        city = self.r.choice(self.states)[2]
        self.plant("meets", "asserted", a=p.name, b=q.name)
        return (
            f"{p.title} {p.affiliation} {p.name} bertemu dengan {q.title} {q.affiliation} {q.name} "
            f"di {city} pada {self.r.choice(DAYS)} ({self.r.randint(1, 28)}/{self.r.randint(1, 12)})."
        )

    def visit(self) -> str:
        p = self.r.choice(self.people)
        name, _, capital = self.r.choice(self.states)
        verb = self.r.choice(["mengunjungi", "melakukan kunjungan ke", "tiba di"])
        self.plant("visits", "asserted", visitor=p.name, place=name)
        return f"{p.name} {verb} {capital} untuk membahas kerja sama pertahanan."

    def sanction(self) -> str:
        a, t = self.r.sample([s[0] for s in self.states] + ["Uni Eropa"], 2)
        target = self.r.choice([t, self.r.choice(self.orgs)])
        verb = self.r.choice(
            ["menjatuhkan sanksi terhadap", "memberlakukan sanksi baru kepada", "mengumumkan sanksi terhadap"]
        )
        self.plant("sanctions", "asserted", sanctioner=a, target=target)
        return f"{a} {verb} {target} terkait pengiriman {self.r.choice(self.weapons)}."

    def deny(self) -> str:
        a, b = self.r.sample(self.states, 2)
        self.plant("denies", "denied", denier=a[0], accuser=b[0])
        return self.r.choice(
            [
                f"{a[0]} membantah tuduhan {b[0]} soal senjata.",
                f"Pemerintah {a[0]} menolak tuduhan yang dilontarkan {b[0]} dan menyebutnya propaganda.",
            ]
        )

    def role(self) -> str:
        p = self.r.choice(self.people)
        self.plant("role", "asserted", person=p.name, org_or_state=p.affiliation, title=p.title)
        quote = self.fill(self.r.choice(QUOTES))
        return f'"{quote}," ujar {p.title} {p.affiliation} {p.name}.'

    def background(self) -> str:
        return self.fill(self.r.choice(BACKGROUND))

    def write(self) -> tuple[str, str]:
        """(file name, text)."""
        r = self.r
        outlet = r.choice(OUTLETS)
        city = r.choice(self.states)[2]
        day, mon = r.randint(1, 28), r.randint(1, 12)
        dateline = (
            f"{city} ({outlet}) - "
            if outlet == "ANTARA"
            else f"TEMPO.CO, {city} - "
            if outlet == "TEMPO.CO"
            else f"{outlet.upper()} - "
        )
        makers = [
            self.accuse,
            self.supply,
            self.warn,
            self.meet,
            self.visit,
            self.sanction,
            self.deny,
            self.role,
        ]
        paras = []
        for _ in range(r.randint(8, 14)):
            n_sent = r.randint(1, 3)
            sents = [r.choice(makers)() if r.random() < 0.6 else self.background() for _ in range(n_sent)]
            paras.append(" ".join(sents))
        first = paras[0]
        paras[0] = (
            f"{dateline}{first[0].upper()}{first[1:]} Hal itu disampaikan pada "
            f"{r.choice(DAYS)}, {day} {MONTHS[mon - 1]} {self.year}."
        )
        s1, s2 = (s[0] for s in r.sample(self.states, 2))
        title = r.choice(
            [
                f"{s1} tuduh {s2} pasok {self.weapons[0]}",
                f"{s1} dan {s2} memanas soal {self.weapons[0]}",
                f"Ketegangan baru antara {s1} dan {s2}",
                f"{self.people[0].name} angkat bicara soal {self.weapons[1]}",
            ]
        )
        footer = [
            f"Penerjemah: {r.choice(FIRST)}",
            f"Editor: {r.choice(FIRST)} {r.choice(LAST)}",
            f"Copyright © {outlet} {self.year}",
        ]
        text = "\n\n".join([title, *paras, *footer]) + "\n"
        return f"{self.index:05d}_synthetic.txt", text


def generate(n: int, out: Path, *, seed: int = 7, start: int = 0) -> Path:
    """Write articles ``start..n-1`` into ``out`` (existing identical files are kept) and a manifest."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "_manifest.jsonl", "w", encoding="utf-8") as manifest:
        for i in range(start, n):
            writer = ArticleWriter(seed, i)
            name, text = writer.write()
            path = out / name
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            row = {"doc": name, "relations": writer.relations}
            manifest.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--out", type=Path, default=None, help="folder (default build/bench/corpus-N)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    out = args.out or Path("build/bench") / f"corpus-{args.n}"
    generate(args.n, out, seed=args.seed)
    print(f"wrote {args.n} articles to {out}")


if __name__ == "__main__":
    main()
