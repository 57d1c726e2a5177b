//! Lines onto Letter pages: a heading is never the last line of a page,
//! every page carries the build number and "page n of N" at its foot with
//! the start of the content hash, and the last line gives the hash whole.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::text::{Line, Style};
use super::winansi::encode;

const WIDTH: f32 = 612.0;
const HEIGHT: f32 = 792.0;
const MARGIN: f32 = 40.0;
/// The body's baseline-to-baseline distance; headings take more.
const LEADING: f32 = 10.0;
const TOP: f32 = HEIGHT - MARGIN - 14.0;
const BOTTOM: f32 = MARGIN + 24.0;

const BODY: Name = Name(b"F1");
const BOLD: Name = Name(b"F2");

fn size_and_space(style: Style) -> (Name<'static>, f32, f32) {
    match style {
        Style::Title => (BOLD, 14.0, 22.0),
        Style::Heading => (BOLD, 11.0, 20.0),
        Style::Subheading => (BOLD, 9.0, 14.0),
        Style::Body => (BODY, 8.0, LEADING),
    }
}

/// The lines of each page, headings kept with the line after them.
fn paginate(lines: &[Line]) -> Vec<Vec<&Line>> {
    let mut pages: Vec<Vec<&Line>> = vec![Vec::new()];
    let mut y = TOP;
    for (index, line) in lines.iter().enumerate() {
        let (_, _, space) = size_and_space(line.style);
        let next = lines
            .get(index + 1)
            .map_or(0.0, |next| size_and_space(next.style).2);
        let keep = if line.style == Style::Body { 0.0 } else { next };
        if y - space - keep < BOTTOM && !pages.last().is_some_and(Vec::is_empty) {
            pages.push(Vec::new());
            y = TOP;
        }
        y -= space;
        if let Some(page) = pages.last_mut() {
            page.push(line);
        }
    }
    pages
}

pub fn write(build_number: &str, edition: &str, lines: &[Line], content_hash: &str) -> Vec<u8> {
    let closing = Line {
        style: Style::Body,
        text: format!("Content SHA-256: {content_hash}"),
    };
    let mut all: Vec<Line> = lines.to_vec();
    all.push(closing);
    let pages = paginate(&all);
    let count = pages.len();

    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let body_font = Ref::new(3);
    let bold_font = Ref::new(4);
    let info = Ref::new(5);
    let first_page = 6;
    let page_ids: Vec<Ref> = (0..count)
        .map(|index| Ref::new(first_page + 2 * i32::try_from(index).unwrap_or(0)))
        .collect();

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(count).unwrap_or(i32::MAX));
    for (font, name) in [(body_font, "Courier"), (bold_font, "Helvetica-Bold")] {
        pdf.type1_font(font)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    let title = format!("Production record {build_number}");
    pdf.document_info(info)
        .title(TextStr(&title))
        .subject(TextStr(content_hash))
        .producer(TextStr("TORVAN"));

    for (index, (page_lines, page_id)) in pages.iter().zip(&page_ids).enumerate() {
        let content_id = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
        page.parent(tree);
        page.contents(content_id);
        page.resources()
            .fonts()
            .pair(BODY, body_font)
            .pair(BOLD, bold_font);
        page.finish();

        let mut content = Content::new();
        let mut y = TOP;
        for line in page_lines {
            let (font, size, space) = size_and_space(line.style);
            y -= space;
            text_at(&mut content, font, size, MARGIN, y, &line.text);
        }
        let head = format!("TORVAN production record {build_number} · {edition}");
        text_at(&mut content, BODY, 7.0, MARGIN, HEIGHT - MARGIN, &head);
        let foot = format!(
            "{build_number} · page {} of {count} · content SHA-256 {}…",
            index + 1,
            &content_hash[..16.min(content_hash.len())]
        );
        text_at(&mut content, BODY, 7.0, MARGIN, MARGIN, &foot);
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

/// One line of text. Its ASCII runs go out as literal strings and the
/// rest as hex strings (what `Str` writes for a string with any byte past
/// ASCII), one after another in one array: the file's words stay readable
/// and searchable as they are, "·" or "±" beside them.
fn text_at(content: &mut Content, font: Name, size: f32, x: f32, y: f32, text: &str) {
    let bytes = encode(text);
    content.begin_text().set_font(font, size).next_line(x, y);
    {
        let mut shown = content.show_positioned();
        let mut items = shown.items();
        for run in bytes.chunk_by(|a, b| a.is_ascii() == b.is_ascii()) {
            items.show(Str(run));
        }
    }
    content.end_text();
}
