-- Wrong passwords counted per (user name as typed, client address) instead of per account: a lock holds only
-- against the address that guessed, so nobody can lock a member of staff out by typing their name five times.
-- Names that belong to no account are counted the same way, so the answers do not tell which names exist.
create table identity_sign_in_failure (
    username        text        not null,
    client          text        not null,
    failures        int         not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz,
    primary key (username, client)
);

create index identity_sign_in_failure_by_time on identity_sign_in_failure (last_failure_at);

-- identity_staff.failed_sign_ins and locked_until are no longer read or written; they stay until no replica of
-- an earlier release runs (a rolling upgrade), and go in a later migration.
comment on column identity_staff.failed_sign_ins is 'unused since V15 (identity_sign_in_failure)';
comment on column identity_staff.locked_until is 'unused since V15 (identity_sign_in_failure)';
