-- Printed compendiums shared by every replica, one row per catalogue version and selection (design.md §7): a reprint
-- on any replica, or after a restart, is the book already printed, and all replicas hand out the same book for a
-- version. A row without a PDF is being rendered by rendering_by until lease_until; after that another may take over.
create table document_compendium (
    catalog_version    bigint      not null,
    selection          text        not null,
    pdf                bytea,
    page_count         int,
    title              text,
    missing_characters jsonb,
    rendering_by       text,
    lease_until        timestamptz,
    created_at         timestamptz not null default now(),
    primary key (catalog_version, selection)
);
