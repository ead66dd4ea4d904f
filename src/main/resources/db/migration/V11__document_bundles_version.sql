-- One-thing pages (一件事) print the bundles, which are imported and versioned apart from the catalogue: a book is now
-- kept by both versions. The books printed so far have no one-thing pages, so they are dropped, not carried over; the
-- next download prints each anew.
delete from document_compendium;
alter table document_compendium add column bundles_version bigint not null;
alter table document_compendium drop constraint document_compendium_pkey;
alter table document_compendium add primary key (catalog_version, bundles_version, selection);
