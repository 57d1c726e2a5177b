//! Quality control: the checklists a QC inspector works through per build,
//! and the evidence they record.

pub mod photos;
