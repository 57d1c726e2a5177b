//! Text for the standard PDF fonts: WinAnsiEncoding (Windows-1252), which
//! every reader has for them. The record's few characters beyond ASCII
//! (× ± ° — · “ ” é …) have a byte there; anything else is written as `?`
//! rather than dropped, so a missing character shows.

pub fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '™' => 0x99,
            '−' => b'-',
            '›' => 0x9b,
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn the_record_s_symbols_have_their_windows_1252_bytes_and_others_show_as_a_question_mark() {
        assert_eq!(encode("25.4 ± 0.5 mm"), b"25.4 \xb1 0.5 mm");
        assert_eq!(encode("2 × 3 — 90°"), b"2 \xd7 3 \x97 90\xb0");
        assert_eq!(encode("−1 ✓"), b"-1 ?");
    }
}
