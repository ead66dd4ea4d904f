-- The township (xinning) or committee (xinning/chengdong) of guides/places/ a village or township disclosure member
-- works for; the village module decides what it covers (docs/village.md §5). Null for county and hall staff. Not a
-- foreign key: places are files, checked by the identity module through the village module when an account changes.
alter table identity_staff add column place text check (place is null or place ~ '^[a-z0-9-]+(/[a-z0-9-]+)?$');
