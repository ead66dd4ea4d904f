-- The identity module: staff accounts of the hall and of the departments. Passwords are bcrypt hashes. Failed
-- sign-ins are counted here rather than in memory, so a lock holds on every replica. Sessions are not stored at
-- all: the signed-in member travels in a signed cookie (identity.session.CookieSecurityContextRepository).

create table identity_staff (
    username        text        primary key check (username ~ '^[a-z0-9][a-z0-9._-]{1,31}$'),
    display_name    text        not null,
    password_hash   text        not null,
    -- an id of guides/departments.yaml; hall staff (window, supervisor) may belong to none
    department_id   text,
    roles           text[]      not null check (cardinality(roles) > 0),
    enabled         boolean     not null default true,
    failed_sign_ins int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    constraint identity_staff_reviewer_has_department
        check (department_id is not null or not ('REVIEWER' = any (roles)))
);
