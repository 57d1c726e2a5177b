/// The version a template gets when it is saved again: `1.0` → `1.1`,
/// `2.9` → `2.10`; a version that is not `major.minor` gains `.1`, so an
/// edited template is never mistaken for the one BOMs were generated from.
pub fn next_version(current: &str) -> String {
    let current = current.trim();
    let bumped = current.rsplit_once('.').and_then(|(major, minor)| {
        let minor: u32 = minor.parse().ok()?;
        let next = minor.checked_add(1)?;
        (!major.is_empty()).then(|| format!("{major}.{next}"))
    });
    bumped.unwrap_or_else(|| {
        if current.is_empty() {
            "1.0".to_owned()
        } else {
            format!("{current}.1")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_minor_number_counts_up() {
        assert_eq!(next_version("1.0"), "1.1");
        assert_eq!(next_version("2.9"), "2.10");
        assert_eq!(next_version("1.2.3"), "1.2.4");
    }

    #[test]
    fn other_versions_gain_a_minor_number() {
        assert_eq!(next_version("A"), "A.1");
        assert_eq!(next_version("1.x"), "1.x.1");
        assert_eq!(next_version(""), "1.0");
        assert_eq!(next_version("1.4294967295"), "1.4294967295.1");
    }
}
