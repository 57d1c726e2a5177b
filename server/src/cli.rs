/// What the `torvan` binary was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Serve,
    Migrate,
    /// `force`: load it even into a database that holds other users.
    SeedDemo {
        force: bool,
    },
    CreateAdmin {
        email: String,
    },
    Help,
}

impl Command {
    pub const USAGE: &'static str = "\
usage: torvan [COMMAND]

commands:
  serve       apply pending migrations and serve the app (default)
  migrate     apply pending database migrations and exit
  seed-demo [--force]
              load the demo data set (idempotent); refused when the
              database holds users the demo did not create, unless forced
  create-admin --email EMAIL
              create an administrator; the password is read from the
              terminal (or the first line of standard input)
  help        show this text

configuration comes from environment variables: see README.md";

    pub fn from_args(mut args: impl Iterator<Item = String>) -> Result<Self, String> {
        let command = match args.next().as_deref() {
            None | Some("serve") => Self::Serve,
            Some("migrate") => Self::Migrate,
            Some("seed-demo") => match args.next().as_deref() {
                None => Self::SeedDemo { force: false },
                Some("--force") => Self::SeedDemo { force: true },
                Some(other) => return Err(format!("unexpected argument `{other}`")),
            },
            Some("create-admin") => match (args.next().as_deref(), args.next()) {
                (Some("--email"), Some(email)) => Self::CreateAdmin { email },
                _ => return Err("create-admin needs --email EMAIL".into()),
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
