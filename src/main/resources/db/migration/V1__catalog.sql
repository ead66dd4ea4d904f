-- The service-guide catalogue. Each import that changes something is one catalog_import row; each changed item
-- gets a new catalog_guide_version. Old versions are never updated or deleted.

create table catalog_import (
    id            bigserial primary key,
    catalog_hash  text        not null,
    imported_at   timestamptz not null default now(),
    source        text        not null,
    added         int         not null,
    changed       int         not null,
    withdrawn     int         not null,
    hall          jsonb       not null,
    domains       jsonb       not null,
    departments   jsonb       not null
);

create table catalog_item (
    code             char(12) primary key,
    current_version  int      not null,
    withdrawn        boolean  not null default false
);

create table catalog_guide_version (
    code          char(12)    not null references catalog_item (code),
    version       int         not null,
    import_id     bigint      not null references catalog_import (id),
    content_hash  text        not null,
    domain_id     text        not null,
    name          text        not null,
    effective_date date       not null,
    source_path   text        not null,
    content       jsonb       not null,
    primary key (code, version)
);
