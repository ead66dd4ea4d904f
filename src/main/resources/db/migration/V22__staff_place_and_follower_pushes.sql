-- The township (xinning) or committee (xinning/chengdong) of guides/places/ a village or township disclosure member
-- works for; the village module decides what it covers (docs/village.md §5). Null for county and hall staff. Not a
-- foreign key: places are files, checked by the identity module through the village module when an account changes.
alter table identity_staff add column place text check (place is null or place ~ '^[a-z0-9-]+(/[a-z0-9-]+)?$');

-- Village pushes (docs/village.md §6) travel the notification module's push path: a row per follower and entry,
-- kind 'following', its topic (v:<township>:<committee>) in receipt_code and the entry's id in case_id.
alter table notification_push drop constraint notification_push_kind_check;
alter table notification_push add constraint notification_push_kind_check
    check (kind in ('accepted', 'notice', 'steps', 'completed', 'deadline-near', 'extended', 'bound', 'rating-invitation',
                    'following'));
