-- Every staff session (console cookie) and API token, so that one can be ended before it runs out: signing out,
-- disabling an account or an operator's revoke-sessions sets revoked_at, and every replica checks it (cached for a
-- few seconds, onething.identity.revocation-check-interval). The cookie or token itself still carries the member,
-- signed; this table only says whether it still counts.
create table identity_session (
    id          uuid        primary key,
    username    text        not null references identity_staff (username) on delete cascade,
    kind        text        not null check (kind in ('console', 'api')),
    created_at  timestamptz not null default now(),
    -- the absolute end (onething.identity.session-lifetime); idleness ends a console session earlier, in its cookie
    ends_at     timestamptz not null,
    -- the address it was opened from, as the server saw it (see server.forward-headers-strategy)
    client      text,
    revoked_at  timestamptz
);

create index identity_session_live_by_username on identity_session (username) where revoked_at is null;
create index identity_session_by_end on identity_session (ends_at);
