-- Sign-in hardening (issue #13).
--
-- A password an administrator set (a new account, a reset) is known to
-- them: the user must choose their own at the next sign-in.
ALTER TABLE auth.users
    ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- One account per email address whatever its case. Sign-in matches
-- lower(email), and the application stores addresses lower-case; an
-- installation holding two addresses that differ only in case must merge
-- them by hand before this index can be built.
CREATE UNIQUE INDEX users_email_lower_key ON auth.users (lower(email));

-- Attempts counted per bucket (an address, an account, everyone) and fixed
-- window, so that every app server behind a load balancer counts the same:
-- an attempt adds itself with one INSERT ... ON CONFLICT before its
-- password is checked, so a concurrent burst cannot slip past the count.
-- Rows are of no use once their window has passed and are deleted then.
CREATE TABLE auth.attempt_counts (
    bucket TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    window_end TIMESTAMPTZ NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX attempt_counts_window_end ON auth.attempt_counts (window_end);
