//! The audit trail's hash chain, as `torvan audit verify` checks it: every
//! audit row has a `seq` one above the row before it, a `prev_hash` equal to
//! that row's `row_hash`, and a `row_hash` the database recomputes from the
//! row's content. The first row that breaks one of these is named, with
//! what is wrong; nothing after it is trusted, so the walk stops there.
//!
//! The hashing itself is SQL (`audit.chain_digest`, migration 30), written
//! and recomputed by the same function: this module only compares.

use std::fmt;

/// A row of the chain as the verifier reads it, in seq order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    pub seq: i64,
    pub prev_hash: Vec<u8>,
    pub row_hash: Vec<u8>,
    /// Whether the hash recomputed from the row's content today equals the
    /// `row_hash` stored when it was written.
    pub content_matches: bool,
}

/// What is wrong with the first row that does not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// The row's content is not what was hashed when it was written.
    ContentChanged,
    /// The row does not link to the row before it.
    LinkBroken,
    /// Rows are missing before this one (or it repeats a seq).
    SeqGap { expected: i64 },
    /// The chain ends before its recorded end: rows at the end are gone.
    EndMissing { head_seq: i64 },
    /// A row an earlier verification saw is gone or no longer the same.
    AnchorLost { anchor_seq: i64 },
}

impl fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ContentChanged => write!(f, "content changed since it was written"),
            Self::LinkBroken => write!(f, "link broken: prev_hash is not the previous row's hash"),
            Self::SeqGap { expected } => write!(f, "seq gap: expected seq {expected}"),
            Self::EndMissing { head_seq } => write!(
                f,
                "the chain ends before its head (seq {head_seq}): rows at the end are missing"
            ),
            Self::AnchorLost { anchor_seq } => write!(
                f,
                "seq {anchor_seq}, verified earlier, is missing or no longer the same"
            ),
        }
    }
}

/// Where the chain broke: the seq of the row named (the last row for a
/// missing end) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    pub seq: i64,
    pub problem: ChainProblem,
}

/// The chain's end as recorded: `audit.chain_head`, or what an earlier
/// verification saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEnd {
    pub seq: i64,
    pub hash: Vec<u8>,
}

/// Walks the chain one row at a time, holding only the row before.
#[derive(Debug)]
pub struct ChainWalk {
    last: ChainEnd,
    anchor: Option<ChainEnd>,
    rows: u64,
}

impl ChainWalk {
    /// The genesis link every chain starts from: 32 zero bytes at seq 0.
    pub fn genesis() -> ChainEnd {
        ChainEnd {
            seq: 0,
            hash: vec![0; 32],
        }
    }

    /// A walk from the genesis link; `anchor`, the end an earlier
    /// verification found, must still be in the chain unchanged.
    pub fn new(anchor: Option<ChainEnd>) -> Self {
        Self {
            last: Self::genesis(),
            anchor,
            rows: 0,
        }
    }

    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The last row accepted (the genesis link before any).
    pub fn last(&self) -> &ChainEnd {
        &self.last
    }

    /// Checks the next row: its seq, then its link, then its content (a
    /// deleted row shows as a gap at the row after it, not as that row's
    /// broken link).
    pub fn step(&mut self, link: &ChainLink) -> Result<(), ChainBreak> {
        let broken = |problem| ChainBreak {
            seq: link.seq,
            problem,
        };
        let expected = self.last.seq + 1;
        if link.seq != expected {
            return Err(broken(ChainProblem::SeqGap { expected }));
        }
        if link.prev_hash != self.last.hash {
            return Err(broken(ChainProblem::LinkBroken));
        }
        if !link.content_matches {
            return Err(broken(ChainProblem::ContentChanged));
        }
        if let Some(anchor) = &self.anchor
            && anchor.seq == link.seq
            && anchor.hash != link.row_hash
        {
            return Err(broken(ChainProblem::AnchorLost {
                anchor_seq: anchor.seq,
            }));
        }
        self.last = ChainEnd {
            seq: link.seq,
            hash: link.row_hash.clone(),
        };
        self.rows += 1;
        Ok(())
    }

    /// After the last row: the chain must reach its head and the anchor.
    pub fn finish(self, head: &ChainEnd) -> Result<ChainEnd, ChainBreak> {
        let end_missing = |problem| ChainBreak {
            seq: self.last.seq,
            problem,
        };
        if let Some(anchor) = &self.anchor
            && anchor.seq > self.last.seq
        {
            return Err(end_missing(ChainProblem::AnchorLost {
                anchor_seq: anchor.seq,
            }));
        }
        if *head != self.last {
            return Err(end_missing(ChainProblem::EndMissing { head_seq: head.seq }));
        }
        Ok(self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A well-formed chain of `n` rows whose hashes are stand-ins.
    fn chain(n: i64) -> Vec<ChainLink> {
        let hash = |seq: i64| {
            if seq == 0 {
                ChainWalk::genesis().hash
            } else {
                vec![seq as u8; 32]
            }
        };
        (1..=n)
            .map(|seq| ChainLink {
                seq,
                prev_hash: hash(seq - 1),
                row_hash: hash(seq),
                content_matches: true,
            })
            .collect()
    }

    fn end(links: &[ChainLink]) -> ChainEnd {
        links
            .last()
            .map_or_else(ChainWalk::genesis, |link| ChainEnd {
                seq: link.seq,
                hash: link.row_hash.clone(),
            })
    }

    fn walk(
        links: &[ChainLink],
        head: &ChainEnd,
        anchor: Option<ChainEnd>,
    ) -> Result<u64, ChainBreak> {
        let mut walk = ChainWalk::new(anchor);
        for link in links {
            walk.step(link)?;
        }
        let rows = walk.rows();
        walk.finish(head).map(|_| rows)
    }

    #[test]
    fn an_intact_chain_and_an_empty_one_verify() {
        let links = chain(5);
        assert_eq!(walk(&links, &end(&links), None), Ok(5));
        assert_eq!(walk(&[], &ChainWalk::genesis(), None), Ok(0));
    }

    #[test]
    fn a_changed_row_is_named_by_its_own_seq() {
        let mut links = chain(5);
        links[2].content_matches = false;
        let head = end(&links);
        assert_eq!(
            walk(&links, &head, None),
            Err(ChainBreak {
                seq: 3,
                problem: ChainProblem::ContentChanged
            })
        );
    }

    #[test]
    fn a_deleted_row_is_a_gap_at_the_row_after_it() {
        let mut links = chain(5);
        let head = end(&links);
        links.remove(2);
        assert_eq!(
            walk(&links, &head, None),
            Err(ChainBreak {
                seq: 4,
                problem: ChainProblem::SeqGap { expected: 3 }
            })
        );
    }

    #[test]
    fn a_row_rehashed_after_a_change_breaks_the_next_link() {
        let mut links = chain(5);
        links[2].row_hash = vec![99; 32];
        let head = end(&links);
        assert_eq!(
            walk(&links, &head, None),
            Err(ChainBreak {
                seq: 4,
                problem: ChainProblem::LinkBroken
            })
        );
    }

    #[test]
    fn rows_removed_from_the_end_are_caught_by_the_head() {
        let mut links = chain(5);
        let head = end(&links);
        links.truncate(3);
        assert_eq!(
            walk(&links, &head, None),
            Err(ChainBreak {
                seq: 3,
                problem: ChainProblem::EndMissing { head_seq: 5 }
            })
        );
    }

    #[test]
    fn a_chain_cut_below_an_earlier_verification_is_caught_even_with_its_head_rewritten() {
        let mut links = chain(5);
        let anchor = end(&links);
        links.truncate(3);
        let rewritten_head = end(&links);
        assert_eq!(
            walk(&links, &rewritten_head, Some(anchor)),
            Err(ChainBreak {
                seq: 3,
                problem: ChainProblem::AnchorLost { anchor_seq: 5 }
            })
        );
        let links = chain(5);
        let mut stale = end(&links[..4]);
        stale.hash = vec![7; 32];
        assert_eq!(walk(&links, &end(&links), Some(stale)).unwrap_err().seq, 4);
    }

    #[test]
    fn problems_read_as_sentences() {
        assert_eq!(
            ChainProblem::SeqGap { expected: 3 }.to_string(),
            "seq gap: expected seq 3"
        );
        assert_eq!(
            ChainProblem::ContentChanged.to_string(),
            "content changed since it was written"
        );
    }
}
