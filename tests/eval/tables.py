"""What RESULTS.md shows: the sections, their notes and which figures go in which cell."""

from __future__ import annotations

from collections.abc import Sequence

from tests.eval.report import prf_cells, table
from tests.eval.score_places import ADMIN_LEVELS
from tests.eval.score_tree import KINDS as TREE_KINDS


def sections(results: dict, parts: Sequence[str], layouts: Sequence[str]) -> list[tuple]:
    """(title, note, markdown table) per section."""
    return [
        (
            "Story split",
            "A predicted story counts only if it covers exactly the non-blank lines of a true "
            "story (page header lines ignored on both sides). `headline`: share of true stories "
            'whose best-overlapping predicted story has the right title ("" for captions and '
            "briefs). "
            "`cec-real`: each cec file as published (date line, headline, text), one story a "
            "page; `bulletin`: 15 numbered addresses under one headline.",
            table(
                results,
                parts,
                ["F1", "P", "R", "headline", "stories", "pages"],
                [
                    (layout, [*prf_cells(f"split.{layout}")[:3], *_split_counts(layout)])
                    for layout in layouts
                ],
            ),
        ),
        (
            "People and organisations (CLUENER)",
            "Exact spans from `extract_facts`. People vs `name`; organisations vs `organization` + "
            "`government` + `company`. Heldout: CLUENER dev (all); tune: a fixed sample of train. "
            "`n`: labelled spans.",
            table(
                results,
                parts,
                ["F1", "P", "R", "n", "predicted"],
                [
                    (kind, [*prf_cells(f"facts.{kind}"), (f"facts.{kind}.predicted", "int")])
                    for kind in ("person", "organization")
                ],
            ),
        ),
        (
            "Places: recognition on labelled addresses",
            "Recall per level: labelled spans that `find_places` returns with exactly that span. "
            "Precision (last row): returned mentions whose span is exactly a labelled "
            "prov/city/district/town/community span. Heldout: address test.txt; tune: dev.txt.",
            table(
                results,
                parts,
                ["recall", "precision", "n"],
                [
                    (
                        level,
                        [
                            (f"places.addresses.levels.{level}.recall", "pct"),
                            ("-", "str"),
                            (f"places.addresses.levels.{level}.true", "int"),
                        ],
                    )
                    for level in ADMIN_LEVELS
                ]
                + [
                    (
                        "all five levels",
                        [
                            ("places.addresses.recall", "pct"),
                            ("places.addresses.precision", "pct"),
                            ("places.addresses.mentions", "int"),
                        ],
                    )
                ],
            ),
        ),
        (
            "Places: recognition on cec <Location> spans",
            "Overlap, not exact spans: cec Locations are phrases (a road section, `现场`, a "
            "village and what lies near it). Named = the span contains an admin suffix "
            "(省市县区镇乡村, 街道, 社区, …). The last row is only a weak precision proxy: cec "
            "marks the locations of annotated events, not every place, so a right mention "
            "outside them counts against it.",
            table(
                results,
                parts,
                ["share", "n"],
                [
                    (
                        "Location spans overlapped by a mention",
                        [("places.cec.recall", "pct"), ("places.cec.locations", "int")],
                    ),
                    (
                        "named Location spans overlapped",
                        [("places.cec.named_recall", "pct"), ("places.cec.named_locations", "int")],
                    ),
                    (
                        "mentions overlapping a Location (weak proxy)",
                        [("places.cec.precision_proxy", "pct"), ("places.cec.mentions", "int")],
                    ),
                ],
            ),
        ),
        (
            "Places: the tree",
            "`newspaper` pages and bulletin pages imported into one archive; `Archive.tree()` "
            "walked. Real: province…township nodes whose name the gazetteer knows (by name or "
            "short name). Links: child → parent edges (unassigned nodes skipped), right if a "
            "division named like the child lies inside one named like the parent, or, for names "
            "the gazetteer lacks, if a labelled address puts the parent above the child. "
            "n/a = the gazetteer is not available (see results.json `tree.gazetteer`). The "
            "gazetteer is of 2023 and the texts older: a renamed division (九堡镇, now a street) "
            "matches only a namesake elsewhere, so some `wrong` links are right for their time; "
            "`wrong links an address attests` counts those a labelled address confirms.",
            table(
                results,
                parts,
                ["value", "n"],
                [
                    ("real divisions", [("tree.real_share", "pct"), ("tree.real_checked", "int")]),
                    ("parent links right / judged", [("tree.link_accuracy", "pct"), *_judged()]),
                    ("links unjudged", [("-", "str"), ("tree.links.unjudged", "int")]),
                    ("wrong links an address attests", _wrong_attested()),
                    ("links attested by addresses (no gazetteer)", _attested()),
                    ("roots", [("-", "str"), ("tree.roots", "int")]),
                    ("roots that are provinces/municipalities", _provincial()),
                    ("nodes", [("-", "str"), ("tree.nodes", "int")]),
                ]
                + [
                    (f"nodes: {k}", [("-", "str"), (f"tree.by_kind.{k}", "int")])
                    for k in TREE_KINDS
                ],
            ),
        ),
        (
            "Dates",
            "Story `date` from `Archive.stories()` where the text states it. `newspaper`: a "
            "generated dateline with a date (`本报兰州４月９日讯`) gives that date, else the page "
            "header's date; original datelines and pages without a header are not scored. "
            "`cec-real`: each cec file as its own page, expected = the <ReportTime> date, except "
            "stories opening with their own dateline.",
            table(
                results,
                parts,
                ["accuracy", "scored", "not scored"],
                [
                    ("newspaper: all", _dates("dates.newspaper")),
                    ("newspaper: by dateline", _dates("dates.newspaper.dateline", False)),
                    ("newspaper: by page header", _dates("dates.newspaper.header", False)),
                    ("cec-real", _dates("dates.cec-real")),
                ],
            ),
        ),
    ]


def _split_counts(layout: str) -> list[tuple[str, str]]:
    return [
        (f"split.{layout}.headline_accuracy", "pct"),
        (f"split.{layout}.true", "int"),
        (f"split.{layout}.pages", "int"),
    ]


def _judged() -> list[tuple[str, str]]:
    return [("tree.links.judged", "int")]


def _wrong_attested() -> list[tuple[str, str]]:
    return [("-", "str"), ("tree.links.wrong_attested", "int")]


def _attested() -> list[tuple[str, str]]:
    return [("-", "str"), ("tree.links_attested", "int")]


def _provincial() -> list[tuple[str, str]]:
    return [("-", "str"), ("tree.roots_provincial", "int")]


def _dates(prefix: str, with_unscored: bool = True) -> list[tuple[str, str]]:
    unscored = (f"{prefix}.unscored_total", "int") if with_unscored else ("-", "str")
    return [(f"{prefix}.accuracy", "pct"), (f"{prefix}.scored", "int"), unscored]
