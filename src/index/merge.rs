//! Which segments to merge: small ones, a bounded group at a time.
//!
//! Every commit leaves a segment per indexing thread, so a run of many commits leaves many small
//! segments, and each search or read visits every one of them. tantivy's log merge policy
//! merges a whole size level at once: after a run of twenty thousand CVs, every segment into
//! one, which takes memory in proportion to the run. Merging at most a fixed number of
//! documents at a time, one group after another, keeps that memory the same for any run.

use tantivy::index::SegmentMeta;
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// Most live documents a merge may produce.
const MERGED_DOCS_MAX: u32 = 8_000;
/// Small segments (under half of [`MERGED_DOCS_MAX`]) tolerated before merging some: a run of
/// twenty thousand CVs leaves about twenty, and searching that many costs little, while each
/// merge is time at the end of a run that no other work overlaps.
const SMALL_SEGMENTS_BEFORE_MERGE: usize = 32;
/// Share of deleted documents (replaced or vanished CVs) that makes a segment worth rewriting.
const DELETED_SHARE_BEFORE_MERGE: f32 = 0.25;

/// Merges the smallest segments together, up to [`MERGED_DOCS_MAX`] documents, one group at a
/// time (tantivy asks again after each merge), and rewrites segments with many deletions.
#[derive(Debug, Default)]
pub struct BoundedMergePolicy;

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let mut candidates: Vec<&SegmentMeta> = segments
            .iter()
            .filter(|segment| is_small(segment) || mostly_deleted(segment))
            .collect();
        let small = candidates
            .iter()
            .filter(|segment| is_small(segment))
            .count();
        if small < SMALL_SEGMENTS_BEFORE_MERGE && !candidates.iter().any(|s| mostly_deleted(s)) {
            return Vec::new();
        }
        candidates.sort_by_key(|segment| segment.num_docs());
        let mut group = Vec::new();
        let mut docs = 0;
        for segment in candidates {
            if docs + segment.num_docs() > MERGED_DOCS_MAX && !group.is_empty() {
                break;
            }
            docs += segment.num_docs();
            group.push(segment);
        }
        let worth_it = group.len() >= 2 || group.iter().any(|segment| mostly_deleted(segment));
        if worth_it {
            vec![MergeCandidate(
                group.iter().map(|segment| segment.id()).collect(),
            )]
        } else {
            Vec::new()
        }
    }
}

fn is_small(segment: &SegmentMeta) -> bool {
    segment.num_docs() < MERGED_DOCS_MAX / 2
}

fn mostly_deleted(segment: &SegmentMeta) -> bool {
    segment.max_doc() > 0
        && segment.num_deleted_docs() as f32 / segment.max_doc() as f32 > DELETED_SHARE_BEFORE_MERGE
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;

    fn segments(index: &tantivy::Index, sizes: &[u32]) -> Vec<SegmentMeta> {
        sizes
            .iter()
            .map(|&docs| index.new_segment_meta(SegmentId::generate_random(), docs))
            .collect()
    }

    fn merged_sizes(segments: &[SegmentMeta]) -> Vec<Vec<u32>> {
        BoundedMergePolicy
            .compute_merge_candidates(segments)
            .into_iter()
            .map(|MergeCandidate(ids)| {
                ids.iter()
                    .map(|id| {
                        segments
                            .iter()
                            .find(|segment| segment.id() == *id)
                            .map_or(0, SegmentMeta::num_docs)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_few_small_segments_are_left_alone() {
        let index = tantivy::Index::create_in_ram(crate::index::schema::build());
        assert!(
            merged_sizes(&segments(&index, &[500; SMALL_SEGMENTS_BEFORE_MERGE - 1])).is_empty()
        );
    }

    #[test]
    fn many_small_segments_merge_one_bounded_group_at_a_time() {
        let index = tantivy::Index::create_in_ram(crate::index::schema::build());
        let mut sizes = vec![1_000; SMALL_SEGMENTS_BEFORE_MERGE];
        sizes.extend([300, 9_000, 5_000]);
        let groups = merged_sizes(&segments(&index, &sizes));
        assert_eq!(groups.len(), 1, "one merge at a time");
        let group = &groups[0];
        assert_eq!(
            group.iter().sum::<u32>(),
            7_300,
            "smallest first, within the bound"
        );
        assert!(group.contains(&300));
        assert!(!group.contains(&9_000) && !group.contains(&5_000));
    }

    #[test]
    fn a_large_segment_with_many_deletions_is_rewritten() {
        let index = tantivy::Index::create_in_ram(crate::index::schema::build());
        let mut metas = segments(&index, &[9_000, 6_000]);
        metas[1] = metas[1].clone().with_delete_meta(2_000, 1);
        assert_eq!(merged_sizes(&metas), vec![vec![4_000]]);
    }
}
