use rust_decimal::Decimal;
use torvan::number::grouped;

/// Dollars with cents and thousands separators: `$17,545.00`.
pub fn money(amount: Decimal) -> String {
    let fixed = format!("{:.2}", amount.abs().round_dp(2));
    let (whole, cents) = fixed.split_once('.').unwrap_or((&fixed, "00"));
    let grouped = grouped(whole);
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}${grouped}.{cents}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_an_invoice() {
        assert_eq!(money(Decimal::new(1754500, 2)), "$17,545.00");
        assert_eq!(money(Decimal::new(95, 0)), "$95.00");
        assert_eq!(money(Decimal::new(123456789, 1)), "$12,345,678.90");
        assert_eq!(money(Decimal::new(-5, 1)), "-$0.50");
        assert_eq!(money(Decimal::ZERO), "$0.00");
    }
}
