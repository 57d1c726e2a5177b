-- Sessions: the idle timeout needs the time of last use, and an ended session
-- keeps why and when it ended (sign-out, password change, suspension, admin).
-- `session_token` holds the SHA-256 of the cookie's token, never the token.
ALTER TABLE auth.user_sessions
    ADD COLUMN last_seen_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN ended_at TIMESTAMPTZ,
    ADD COLUMN end_reason VARCHAR(30)
        CHECK (end_reason IN ('SIGN_OUT', 'IDLE', 'EXPIRED', 'PASSWORD_CHANGED', 'SUSPENDED', 'ENDED_BY_ADMIN')),
    ADD CONSTRAINT ended_sessions_are_inactive CHECK (ended_at IS NULL OR is_active = FALSE);

COMMENT ON COLUMN auth.user_sessions.session_token IS 'SHA-256 (hex) of the session cookie token';
COMMENT ON COLUMN auth.user_sessions.expires_at IS 'absolute expiry: the session ends then however busy';
