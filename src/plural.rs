//! Counted nouns as people write them: "1 sink", "2 sinks". Every count
//! shown or said in a message goes through `count`, so no page says
//! "1 sinks" or hedges with "sink(s)".

use std::fmt::Display;

/// `number` followed by the singular or the plural, as `number` calls for.
pub fn count<N>(number: N, singular: &str, plural: &str) -> String
where
    N: Copy + Display + TryInto<u8>,
{
    let noun = if number.try_into().ok() == Some(1) {
        singular
    } else {
        plural
    };
    format!("{number} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_and_every_other_number_the_plural() {
        assert_eq!(count(1u32, "sink", "sinks"), "1 sink");
        assert_eq!(count(0u32, "sink", "sinks"), "0 sinks");
        assert_eq!(count(3i32, "field", "fields"), "3 fields");
        assert_eq!(count(2usize, "entry", "entries"), "2 entries");
        assert_eq!(count(-1i64, "entry", "entries"), "-1 entries");
    }
}
