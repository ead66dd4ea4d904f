-- The open-data package of each published catalogue version (docs/open-data.md): built once, by whichever replica
-- loads the version first, and kept, so every replica and every later download hands out the same bytes. Kept, not
-- rebuilt: the catalogue tables hold each guide's versions but not which items a past version had withdrawn.
create table catalog_open_data (
    -- catalog_import.id; no foreign key, tests and tools truncate catalog_import alone
    catalog_version  bigint      primary key,
    published_at     timestamptz not null,
    approved_by      text,
    approved_at      timestamptz,
    archive          bytea       not null,
    sha256           text        not null,
    built_at         timestamptz not null default now()
);
