-- Who did what to which staff account, and when: every change made through the admin pages, the accounts command
-- line or the start-up bootstrap, written in the same transaction as the change. Never a password.
create table identity_audit (
    id      bigserial   primary key,
    at      timestamptz not null default now(),
    -- the administrator's user name, or how the change came (命令行, 启动配置)
    actor   text        not null,
    action  text        not null,
    -- a user name, or a session id
    target  text        not null,
    detail  text
);

create index identity_audit_by_time on identity_audit (at desc);
