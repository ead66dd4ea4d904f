-- Review before publication (docs/platform.md §3): a change to the catalogue waits as a draft until a reviewer of
-- the government above (上级审核) approves it; approval writes the catalog_import that publishes it.

alter table catalog_import
    add column approved_by text,
    add column approved_at timestamptz;

create table catalog_draft (
    id            bigserial primary key,
    created_at    timestamptz not null default now(),
    source        text        not null,
    catalog_hash  text        not null,
    folder        jsonb       not null,
    status        text        not null default 'PENDING'
                  check (status in ('PENDING', 'APPROVED', 'SENT_BACK', 'PUBLISHED', 'SUPERSEDED')),
    publish_on    date,
    reviewer      text,
    decided_at    timestamptz,
    reason        text,
    -- no foreign key: tests and tools truncate catalog_import alone
    import_id     bigint
);

create index catalog_draft_open on catalog_draft (status) where status in ('PENDING', 'APPROVED');

-- One row per attempt to read the regional platform: what the catalogue pages show as "last sync".
create table platform_sync (
    id            bigserial primary key,
    started_at    timestamptz not null default now(),
    source        text        not null,
    outcome       text        not null check (outcome in ('SUBMITTED', 'UNCHANGED', 'REJECTED', 'UNREACHABLE')),
    items         int         not null,
    detail        jsonb       not null,
    draft_id      bigint
);
