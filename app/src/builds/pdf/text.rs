//! The production record as lines of text, in the page's order: headings,
//! and body lines in a fixed-width font wrapped at the page's width. These
//! lines are what the content hash covers.

use crate::builds::model::{BuildRecord, IssuedMaterial, QcRecord, TaskRecord};
use crate::signatures::ShownSignature;

/// Characters of the body font (Courier 8 pt) across the text width.
pub const COLUMNS: usize = 110;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading,
    Subheading,
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub style: Style,
    pub text: String,
}

#[derive(Default)]
struct Lines(Vec<Line>);

impl Lines {
    fn push(&mut self, style: Style, text: impl Into<String>) {
        self.0.push(Line {
            style,
            text: text.into(),
        });
    }

    fn heading(&mut self, text: impl Into<String>) {
        self.push(Style::Heading, text);
    }

    fn subheading(&mut self, text: impl Into<String>) {
        self.push(Style::Subheading, text);
    }

    /// A body line, wrapped at the page's width; continuations indented.
    fn body(&mut self, text: impl Into<String>) {
        let text = text.into();
        let mut rest: Vec<char> = text.chars().collect();
        let mut first = true;
        while !rest.is_empty() || first {
            let width = if first { COLUMNS } else { COLUMNS - 4 };
            let take = if rest.len() <= width {
                rest.len()
            } else {
                // Break at the last space within the width, if there is one.
                rest[..width]
                    .iter()
                    .rposition(|c| *c == ' ')
                    .filter(|at| *at > width / 2)
                    .unwrap_or(width)
            };
            let piece: String = rest.drain(..take).collect();
            let piece = if first {
                piece
            } else {
                format!("    {}", piece.trim_start())
            };
            self.push(Style::Body, piece.trim_end().to_owned());
            first = false;
        }
    }

    fn signatures(&mut self, signatures: &[ShownSignature]) {
        for signature in signatures {
            self.body(format!("Signed: {}", signature.text));
            if let Some(note) = &signature.no_longer_matches {
                self.body(format!("  NO LONGER MATCHES: {note}"));
            }
        }
    }
}

fn dash(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or("—")
}

/// Cuts `text` to `width` characters, marking a cut with `…`.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}

pub fn lines(record: &BuildRecord) -> Vec<Line> {
    let mut out = Lines::default();
    out.push(
        Style::Title,
        format!("Production record {}", record.build_number),
    );
    out.body(format!(
        "Unit {} of {} (configuration {}) · order {} · customer {} · PO {}",
        record.unit,
        record.units,
        record.configuration_number,
        record.order_number,
        record.customer,
        dash(&record.customer_po_number)
    ));
    out.body(format!(
        "Serial number: {} · order status: {} · shipped: {}",
        record
            .serial_number
            .as_deref()
            .unwrap_or("serial plate not recorded"),
        record.order_status.label(),
        record.shipped_on.as_deref().unwrap_or("not shipped")
    ));

    let configuration = &record.configuration;
    out.heading(format!(
        "Configuration as approved: {}",
        configuration.family
    ));
    for (label, value) in &configuration.lines {
        out.body(format!("{label}: {value}"));
    }
    out.body(format!(
        "Validated: {} · approved: {}",
        dash(&configuration.validated),
        dash(&configuration.approved)
    ));
    out.signatures(&configuration.signatures);

    match &record.bom {
        Some(bom) => {
            out.heading(format!("Bill of materials, version {}", bom.version));
            out.body(format!(
                "{} · approved: {}",
                bom.status,
                dash(&bom.approved)
            ));
            out.signatures(&bom.signatures);
            out.body(format!(
                "{:>5}  {:<12} {:<78} {:>10}",
                "Line", "Part", "Name", "Quantity"
            ));
            for line in &bom.lines {
                let name = format!("{}{}", "  ".repeat(usize::from(line.depth)), line.name);
                out.body(format!(
                    "{:>5}  {:<12} {:<78} {:>10}",
                    line.line_number,
                    fit(line.part_number.as_deref().unwrap_or(""), 12),
                    fit(&name, 78),
                    line.quantity
                ));
            }
        }
        None => {
            out.heading("Bill of materials");
            out.body("No BOM was generated for this build.");
        }
    }

    materials(&mut out, &record.materials);
    tasks(&mut out, &record.tasks);
    out.heading("Quality control");
    if record.checklists.is_empty() {
        out.body("No QC checklist has been opened for this build.");
    }
    for qc in &record.checklists {
        checklist(&mut out, qc);
    }

    out.heading("Order status history");
    for change in &record.timeline {
        out.body(format!(
            "{}  {} → {}  by {}{}",
            change.at,
            change.from.map_or("—", |from| from.label()),
            change.to.label(),
            change.by,
            change
                .reason
                .as_deref()
                .map(|reason| format!(": {reason}"))
                .unwrap_or_default()
        ));
    }
    out.signatures(&record.order_signatures);

    out.heading("Documents");
    if record.documents.is_empty() {
        out.body("No document is filed on this build.");
    }
    for document in &record.documents {
        let latest = &document.latest;
        out.body(format!(
            "{} ({}) · version {}: {} · uploaded by {} on {}",
            document.title,
            document.kind.label(),
            latest.version,
            latest.file_name,
            latest.uploaded_by,
            latest.uploaded_at
        ));
    }
    out.heading("Audit trail");
    out.body(format!(
        "{} of {} audit trail rows about this build's records match the hashes they were written with.",
        record.audit.intact, record.audit.rows
    ));
    out.body(format!(
        "Whole chain last verified: {}",
        record
            .audit
            .last_chain_verification
            .as_deref()
            .unwrap_or("never")
    ));
    out.0
}

fn materials(out: &mut Lines, materials: &[IssuedMaterial]) {
    out.heading("Materials issued, with lots and serial numbers");
    if materials.is_empty() {
        out.body("No stock has been issued to this build.");
        return;
    }
    for line in materials {
        let lot = line.lot.as_ref().map_or("no lot", |(_, number)| number);
        out.body(format!(
            "{} {} · lot {} · {} · issued {} by {} · {}",
            line.part_number,
            line.name,
            lot,
            line.quantity,
            line.issued,
            dash(&line.by),
            line.task.as_deref().unwrap_or("the whole BOM")
        ));
        if !line.serials.is_empty() {
            out.body(format!("    serial numbers: {}", line.serials.join(", ")));
        }
    }
}

fn tasks(out: &mut Lines, tasks: &[TaskRecord]) {
    out.heading("Tasks");
    if tasks.is_empty() {
        out.body("No task was generated for this build.");
    }
    for task in tasks {
        let people = if task.worked_by.is_empty() {
            dash(&task.assignee).to_owned()
        } else {
            task.worked_by.join(", ")
        };
        out.body(format!(
            "{} {} ({}) · {} · by {} · started {} · completed {} · {} min",
            task.number,
            task.title,
            task.work_center,
            task.status.label(),
            people,
            dash(&task.started),
            dash(&task.completed),
            task.minutes
        ));
    }
}

fn checklist(out: &mut Lines, qc: &QcRecord) {
    let checklist = &qc.checklist;
    out.subheading(format!(
        "{} · {} · round {} · template version {}",
        checklist.phase.label(),
        checklist.status.label(),
        checklist.round,
        checklist.template_version
    ));
    out.body(format!("Inspector: {}", dash(&checklist.inspector)));
    if let Some((by, at)) = &checklist.reviewed {
        out.body(format!(
            "Reviewed by {by}, {}",
            torvan::text::minute_utc(*at)
        ));
    }
    for item in &checklist.items {
        out.body(format!("{:>3}. {}", item.number, item.description));
        let tolerance = item.tolerance_text();
        let measured = item.measured_text();
        out.body(format!(
            "     tolerance {} · measured {} · {} · {} · photos {}",
            dash(&tolerance),
            dash(&measured),
            item.result.map_or("open", |result| result.label()),
            dash(&item.recorded),
            item.photos.len()
        ));
        if let Some(comment) = &item.comment {
            out.body(format!("     comment: {comment}"));
        }
    }
    for defect in &qc.defects {
        out.body(format!(
            "Defect {} (check {}) · {} · {} · {}",
            defect.number,
            defect.item_number,
            defect.severity.label(),
            defect.status.label(),
            defect.description
        ));
        let resolution = [&defect.corrective_action, &defect.resolution_notes]
            .into_iter()
            .filter(|text| !text.is_empty())
            .cloned()
            .chain(
                defect
                    .waiver_reason
                    .clone()
                    .map(|reason| format!("waived: {reason}")),
            )
            .collect::<Vec<_>>();
        if !resolution.is_empty() {
            out.body(format!("     resolution: {}", resolution.join(" · ")));
        }
    }
    out.signatures(&checklist.signatures);
}
