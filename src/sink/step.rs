/// The wizard's steps in order; each owns the fields it shows, so a rule's
/// message appears on the step where the user can fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WizardStep {
    Family,
    Body,
    Basins,
    Pegboard,
    Legs,
    Fittings,
    Review,
}

impl WizardStep {
    pub const ALL: [WizardStep; 7] = [
        Self::Family,
        Self::Body,
        Self::Basins,
        Self::Pegboard,
        Self::Legs,
        Self::Fittings,
        Self::Review,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Family => "family",
            Self::Body => "body",
            Self::Basins => "basins",
            Self::Pegboard => "pegboard",
            Self::Legs => "legs",
            Self::Fittings => "fittings",
            Self::Review => "review",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Family => "Family",
            Self::Body => "Body",
            Self::Basins => "Basins",
            Self::Pegboard => "Pegboard",
            Self::Legs => "Legs",
            Self::Fittings => "Faucets, drains and accessories",
            Self::Review => "Review",
        }
    }

    /// An unknown or missing slug opens the first step.
    pub fn from_slug(slug: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|step| step.slug() == slug)
            .unwrap_or(Self::Family)
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|&step| step == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Self> {
        self.index().checked_sub(1).map(|index| Self::ALL[index])
    }

    /// The step that shows `field` (`basins.2.depth` belongs to Basins).
    pub fn of_field(field: &str) -> Self {
        let head = field.split('.').next().unwrap_or(field);
        match head {
            "family" | "quantity" => Self::Family,
            "material" | "finish" | "width" | "depth" | "height" | "mounting" => Self::Body,
            "basins" => Self::Basins,
            "pegboard" | "pegboard_width" | "pegboard_height" => Self::Pegboard,
            "legs" | "leg_height_min" | "leg_height_max" => Self::Legs,
            _ => Self::Fittings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_in_order_both_ways() {
        assert_eq!(WizardStep::Family.next(), Some(WizardStep::Body));
        assert_eq!(WizardStep::Review.next(), None);
        assert_eq!(WizardStep::Body.previous(), Some(WizardStep::Family));
        assert_eq!(WizardStep::Family.previous(), None);
        for step in WizardStep::ALL {
            assert_eq!(WizardStep::from_slug(step.slug()), step);
        }
    }

    #[test]
    fn each_message_lands_on_the_step_that_shows_its_field() {
        assert_eq!(WizardStep::of_field("basins.1.depth"), WizardStep::Basins);
        assert_eq!(WizardStep::of_field("pegboard_width"), WizardStep::Pegboard);
        assert_eq!(
            WizardStep::of_field("accessories.0.quantity"),
            WizardStep::Fittings
        );
        assert_eq!(WizardStep::of_field("quantity"), WizardStep::Family);
    }
}
