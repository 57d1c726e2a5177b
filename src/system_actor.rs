//! Who makes a change when no user does. The audit trigger refuses a change
//! to an audited table that names neither an acting user nor one of these
//! actors, so a write path that forgets to say who it acts for fails loudly
//! instead of leaving an anonymous row in the trail. The database keeps the
//! same list (`audit.system_actors()`); a test holds the two equal.

crate::db_enum::db_enum! {
    /// A part of the system that writes on nobody's behalf, as
    /// `audit.audit_log.system_actor` records it.
    pub enum SystemActor: "system actor" {
        /// Sign-in bookkeeping before anyone is signed in: counting a
        /// refused attempt against its account, recording the refusal.
        SignIn = "sign-in" as "Sign-in",
        /// `torvan create-admin`, which makes an installation's first user.
        CreateAdmin = "create-admin" as "Create admin",
        /// Migrations and the permission table written after them.
        Migrate = "migrate" as "Migration",
        /// `torvan seed-demo`, which loads the demo data.
        SeedDemo = "seed-demo" as "Demo seed",
        /// Ending a session found past its idle or absolute timeout.
        SessionExpiry = "session-expiry" as "Session expiry",
        /// Freezing the production record of each build whose order shipped.
        RecordFreeze = "record-freeze" as "Record freeze",
        /// Applying the data retention policies: archiving and removing
        /// old sessions and sign-in attempts, listing the rest.
        Retention = "retention" as "Retention",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    #[test]
    fn each_actor_reads_back_by_its_exact_name_and_nothing_else_does() {
        for &actor in SystemActor::ALL {
            assert_eq!(SystemActor::parse(actor.as_db_str()), Ok(actor));
            let upper = actor.as_db_str().to_uppercase();
            assert!(SystemActor::parse(&upper).is_err(), "{upper}");
        }
        assert!(SystemActor::parse("cron").is_err());
        assert!(SystemActor::parse("").is_err());
    }
}
