"""Ranking: BM25's saturating term frequency and idf, without length normalisation.

Why not whoosh's BM25F: it reads each matching document's field length from a column (a
quarter of the time of a common-word query), and its block score bounds need per-block length
statistics that cost a third of every commit to gather (see `schema.StoryCodec`). Without
lengths the bound of a block is exact from its largest term weight, so whoosh can skip blocks
that cannot reach the top results. Stories are similar in length, and tf saturation (K1)
keeps a long story that repeats a word from dominating; headline fields carry their own boost.
"""

from __future__ import annotations

from whoosh.matching import Matcher
from whoosh.scoring import BaseScorer, WeightingModel
from whoosh.searching import Searcher


class SaturatedTfIdf(WeightingModel):
    """score = idf * tf * (K1 + 1) / (tf + K1), tf being the term's weight in the document."""

    def __init__(self, k1: float = 1.2) -> None:
        self.k1 = k1

    def supports_block_quality(self) -> bool:
        return True

    def scorer(
        self, searcher: Searcher, fieldname: str, text: bytes, qf: int = 1
    ) -> SaturatedScorer:
        idf = searcher.get_parent().idf(fieldname, text)
        max_weight = searcher.term_info(fieldname, text).max_weight()
        return SaturatedScorer(idf, self.k1, max_weight)


class SaturatedScorer(BaseScorer):
    def __init__(self, idf: float, k1: float, max_weight: float) -> None:
        self.idf = idf
        self.k1 = k1
        self._max_quality = self.weight_score(max_weight)

    def weight_score(self, weight: float) -> float:
        """The score of a document where the term has `weight` (see `exact`)."""
        return self.idf * weight * (self.k1 + 1) / (weight + self.k1)

    def supports_block_quality(self) -> bool:
        return True

    def score(self, matcher: Matcher) -> float:
        return self.weight_score(matcher.weight())

    def max_quality(self) -> float:
        return self._max_quality

    def block_quality(self, matcher: Matcher) -> float:
        return self.weight_score(matcher.block_max_weight())
