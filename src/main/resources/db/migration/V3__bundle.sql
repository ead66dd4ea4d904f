-- One-thing bundles (一件事), versioned like guides. Each bundle import that changes something is one bundle_import
-- row (replicas poll its id to follow); each changed bundle gets a new bundle_version. Old versions are never
-- updated or deleted: an application records the bundle version it was filed under.

create table bundle_import (
    id                 bigserial   primary key,
    bundles_hash       text        not null,
    -- the catalogue version (catalog_import.id) the bundles were checked against; no foreign key, the catalogue
    -- module owns its tables
    catalog_import_id  bigint      not null,
    imported_at        timestamptz not null default now(),
    source             text        not null,
    added              int         not null,
    changed            int         not null,
    withdrawn          int         not null
);

create table bundle_current (
    id               text    primary key,
    current_version  int     not null,
    withdrawn        boolean not null default false
);

create table bundle_version (
    id            text        not null references bundle_current (id),
    version       int         not null,
    import_id     bigint      not null references bundle_import (id),
    content_hash  text        not null,
    name          text        not null,
    source_path   text        not null,
    imported_at   timestamptz not null default now(),
    content       jsonb       not null,
    primary key (id, version)
);
