use std::collections::HashMap;

/// Lines linked to their parent by line number, as templates and BOMs
/// store them. A line whose parent is not among the lines stands at the
/// top; a line in a loop of parents cannot be reached from the top and is
/// left out of `depth_first` (parsed templates and generated BOMs have none).
pub(super) struct Hierarchy {
    roots: Vec<usize>,
    children: Vec<Vec<usize>>,
}

/// One line in depth-first order; `parent` is the position of its parent's
/// visit in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Visit {
    pub(super) index: usize,
    pub(super) depth: usize,
    pub(super) parent: Option<usize>,
}

impl Hierarchy {
    /// `links` are (line number, parent line) in the order siblings are
    /// shown; the first of two lines with one number is the parent.
    pub(super) fn new(links: &[(i32, Option<i32>)]) -> Self {
        let mut by_number = HashMap::with_capacity(links.len());
        for (index, (number, _)) in links.iter().enumerate() {
            by_number.entry(*number).or_insert(index);
        }
        let mut roots = Vec::new();
        let mut children = vec![Vec::new(); links.len()];
        for (index, (_, parent)) in links.iter().enumerate() {
            let parent = parent.and_then(|number| by_number.get(&number));
            match parent.and_then(|&parent| children.get_mut(parent)) {
                Some(siblings) => siblings.push(index),
                None => roots.push(index),
            }
        }
        Self { roots, children }
    }

    pub(super) fn has_children(&self, index: usize) -> bool {
        self.children
            .get(index)
            .is_some_and(|children| !children.is_empty())
    }

    /// Parents before their children, each subtree whole before the next
    /// sibling; without recursion, so any depth is safe.
    pub(super) fn depth_first(&self) -> Vec<Visit> {
        let mut visits = Vec::with_capacity(self.children.len());
        let mut pending: Vec<Visit> = self
            .roots
            .iter()
            .rev()
            .map(|&index| Visit {
                index,
                depth: 0,
                parent: None,
            })
            .collect();
        while let Some(visit) = pending.pop() {
            let position = visits.len();
            visits.push(visit);
            let children = self
                .children
                .get(visit.index)
                .map_or(&[][..], Vec::as_slice);
            pending.extend(children.iter().rev().map(|&index| Visit {
                index,
                depth: visit.depth + 1,
                parent: Some(position),
            }));
        }
        visits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(links: &[(i32, Option<i32>)]) -> Vec<(usize, usize)> {
        Hierarchy::new(links)
            .depth_first()
            .into_iter()
            .map(|visit| (visit.index, visit.depth))
            .collect()
    }

    #[test]
    fn children_follow_their_parent_whatever_the_order_given() {
        let links = [(30, Some(10)), (10, None), (20, None), (40, Some(30))];
        assert_eq!(order(&links), [(1, 0), (0, 1), (3, 2), (2, 0)]);
    }

    #[test]
    fn orphans_stand_at_the_top_and_loops_are_left_out() {
        let links = [(10, Some(99)), (20, Some(30)), (30, Some(20))];
        assert_eq!(order(&links), [(0, 0)]);
    }
}
