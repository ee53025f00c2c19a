"""When to merge index segments: a tiered policy, so frequent small commits stay cheap.

Every commit writes a new segment. whoosh's default policy (MERGE_SMALL) re-merges most of a
young index on each commit, which halves import speed when the caller commits every hundred
stories. Here segments are grouped in size tiers (powers of `MERGE_FACTOR` documents, all
below `TIER_FLOOR` counting as one tier) and a tier is merged only once it holds
`MERGE_FACTOR` segments, so each document is rewritten about log_F(N) times in all.
Segments with many deleted documents are merged to reclaim their space.
"""

from __future__ import annotations

import math

from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

MERGE_FACTOR = 8
TIER_FLOOR = 256
DELETED_SHARE = 1 / 3  # merge a segment once this share of its documents is deleted


def _tier(docs: int) -> int:
    return int(math.log(max(docs, TIER_FLOOR), MERGE_FACTOR))


def merge_tiers(writer: SegmentWriter, segments: list) -> list:
    """whoosh merge policy: merge the chosen segments into `writer`, return the others."""
    tiers: dict[int, list] = {}
    chosen = []
    for segment in segments:
        if segment.deleted_count() > segment.doc_count_all() * DELETED_SHARE:
            chosen.append(segment)
        else:
            tiers.setdefault(_tier(segment.doc_count()), []).append(segment)
    for members in tiers.values():
        if len(members) >= MERGE_FACTOR:
            chosen.extend(members)
    for segment in chosen:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in chosen]
