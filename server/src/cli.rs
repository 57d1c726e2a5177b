/// What the `torvan` binary was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Serve,
    Migrate,
    /// `migrate --print-grants`: the roles and grants the migrations expect,
    /// for the DBA of an external database; touches no database.
    PrintGrants,
    /// `audit verify`: walk the audit chain, name the first row that does
    /// not match, record the outcome.
    AuditVerify,
    /// `force`: load it even into a database that holds other users.
    SeedDemo {
        force: bool,
    },
    CreateAdmin {
        email: String,
    },
    /// `backup`: a consistent dump of the database to S3.
    Backup,
    /// `backup restore KEY --into URL`: a stored dump into an empty database.
    Restore {
        key: String,
        into: String,
    },
    Help,
}

impl Command {
    pub const USAGE: &'static str = "\
usage: torvan [COMMAND]

commands:
  serve       apply pending migrations and serve the app (default)
  migrate [--print-grants]
              apply pending database migrations and exit (as the owner
              role of TORVAN_MIGRATION_DATABASE_URL when set); with
              --print-grants, print the roles and grants they expect
  audit verify
              walk the audit trail's hash chain and name the first row
              that does not match (exit code 1 then); the outcome is
              recorded and shown to admins
  seed-demo [--force]
              load the demo data set (idempotent); refused when the
              database holds users the demo did not create, unless forced
  create-admin --email EMAIL
              create an administrator; the password is read from the
              terminal (or the first line of standard input)
  backup      write a consistent pg_dump of the database to the file
              store and record it (system.backup_jobs)
  backup restore KEY --into URL
              load the backup stored at KEY into the empty database at
              URL (README.md, restoring a backup)
  help        show this text

configuration comes from environment variables: see README.md";

    pub fn from_args(mut args: impl Iterator<Item = String>) -> Result<Self, String> {
        let command = match args.next().as_deref() {
            None | Some("serve") => Self::Serve,
            Some("migrate") => match args.next().as_deref() {
                None => Self::Migrate,
                Some("--print-grants") => Self::PrintGrants,
                Some(other) => return Err(format!("unexpected argument `{other}`")),
            },
            Some("audit") => match args.next().as_deref() {
                Some("verify") => Self::AuditVerify,
                _ => return Err("audit needs a subcommand: verify".into()),
            },
            Some("seed-demo") => match args.next().as_deref() {
                None => Self::SeedDemo { force: false },
                Some("--force") => Self::SeedDemo { force: true },
                Some(other) => return Err(format!("unexpected argument `{other}`")),
            },
            Some("create-admin") => match (args.next().as_deref(), args.next()) {
                (Some("--email"), Some(email)) => Self::CreateAdmin { email },
                _ => return Err("create-admin needs --email EMAIL".into()),
            },
            Some("backup") => match args.next().as_deref() {
                None => Self::Backup,
                Some("restore") => match (args.next(), args.next().as_deref(), args.next()) {
                    (Some(key), Some("--into"), Some(into)) => Self::Restore { key, into },
                    _ => return Err("backup restore needs KEY --into URL".into()),
                },
                Some(other) => return Err(format!("unexpected argument `{other}`")),
            },
            Some("help" | "-h" | "--help") => Self::Help,
            Some(other) => return Err(format!("unknown command `{other}`")),
        };
        match args.next() {
            None => Ok(command),
            Some(extra) => Err(format!("unexpected argument `{extra}`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        Command::from_args(args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn serve_is_the_default() {
        assert_eq!(parse(&[]), Ok(Command::Serve));
        assert_eq!(parse(&["serve"]), Ok(Command::Serve));
    }

    #[test]
    fn named_commands_parse() {
        assert_eq!(parse(&["migrate"]), Ok(Command::Migrate));
        assert_eq!(
            parse(&["seed-demo"]),
            Ok(Command::SeedDemo { force: false })
        );
        assert_eq!(
            parse(&["seed-demo", "--force"]),
            Ok(Command::SeedDemo { force: true })
        );
        assert_eq!(parse(&["--help"]), Ok(Command::Help));
        assert_eq!(
            parse(&["create-admin", "--email", "it@hospital.test"]),
            Ok(Command::CreateAdmin {
                email: "it@hospital.test".into()
            })
        );
        assert!(parse(&["create-admin"]).is_err());
        assert_eq!(
            parse(&["migrate", "--print-grants"]),
            Ok(Command::PrintGrants)
        );
        assert_eq!(parse(&["audit", "verify"]), Ok(Command::AuditVerify));
        assert_eq!(parse(&["backup"]), Ok(Command::Backup));
        assert_eq!(
            parse(&[
                "backup",
                "restore",
                "backups/2026/x.dump",
                "--into",
                "postgres:///copy"
            ]),
            Ok(Command::Restore {
                key: "backups/2026/x.dump".into(),
                into: "postgres:///copy".into()
            })
        );
        assert!(parse(&["backup", "restore", "backups/2026/x.dump"]).is_err());
        assert!(parse(&["backup", "now"]).is_err());
        assert!(parse(&["audit"]).is_err());
        assert!(parse(&["audit", "verify", "now"]).is_err());
    }

    #[test]
    fn unknown_or_extra_arguments_are_refused() {
        assert_eq!(parse(&["seed"]), Err("unknown command `seed`".into()));
        assert_eq!(
            parse(&["migrate", "now"]),
            Err("unexpected argument `now`".into())
        );
    }
}
