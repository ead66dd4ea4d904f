-- 好差评 (国办发〔2019〕51号): one rating per completed case, with the fields national platforms exchange, so that a
-- later report to the platform sends them as they are (docs/rating.md).
create table rating_rating (
    id              uuid        primary key,
    -- one rating per case (一事一评): a second one, even from another replica at the same moment, fails here
    case_id         text        not null unique,
    receipt_code    text        not null,
    bundle_id       text        not null,
    item_codes      text[]      not null,
    department_ids  text[]      not null,
    channel         text        not null check (channel in ('online', 'mobile', 'onsite')),
    -- 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意
    level           smallint    not null check (level between 1 and 5),
    indicators      text[]      not null,
    comment         text        check (length(comment) <= 500),
    rated_at        timestamptz not null
);
create index rating_rating_rated_at on rating_rating (rated_at);

-- 差评整改: the follow-up of a bad rating, for supervisors, with its due date. The whole follow-up (contact,
-- rectification, reply, closing, the applicant's verdict) is the state; the columns beside it are what lists sort
-- and filter by. revision guards against two supervisors saving at once.
create table rating_follow_up (
    id              uuid        primary key,
    rating_id       uuid        not null unique references rating_rating (id),
    receipt_code    text        not null,
    opened_at       timestamptz not null,
    due_on          date        not null,
    closed_at       timestamptz,
    revision        int         not null,
    state           jsonb       not null
);
create index rating_follow_up_open on rating_follow_up (due_on) where closed_at is null;

-- The invitation to rate is one more kind of push (notification module).
alter table notification_push drop constraint notification_push_kind_check;
alter table notification_push add constraint notification_push_kind_check
    check (kind in ('accepted', 'notice', 'steps', 'completed', 'deadline-near', 'extended', 'bound', 'rating-invitation'));
