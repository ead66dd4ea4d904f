-- Village disclosure (docs/village.md): what village and residents' committees publish, entered by village and
-- township staff in the console. Places and the village-level list come from guides/places/, not from here.
create table village_entry (
    id                uuid        primary key,
    -- ids of guides/places/: a township file and a committee in it
    township          text        not null,
    committee         text        not null,
    -- an item id of guides/places/village-list.yaml
    item              text        not null,
    title             text        not null,
    content           text        not null,
    -- the figures the county publishes for the same matter, as this entry publishes them
    amount            text,
    standard          text,
    basis             text,
    deadline          text,
    -- masked recipients, one a line
    recipients        text[]      not null default '{}',
    starts_on         date        not null,
    ends_on           date        not null,
    objection_channel text,
    published_at      timestamptz not null default now(),
    published_by      text        not null,
    constraint village_entry_period check (ends_on >= starts_on)
);

create index village_entry_by_committee on village_entry (township, committee, starts_on desc);
create index village_entry_by_period on village_entry (ends_on, starts_on);

-- A figure published although it differs from the county's: who decided it, why and when (相同事项公开内容一致).
create table village_difference (
    id            bigserial   primary key,
    entry_id      uuid        not null references village_entry (id),
    element       text        not null,
    village_value text        not null,
    county_value  text        not null,
    reason        text        not null,
    decided_by    text        not null,
    decided_at    timestamptz not null default now()
);

create index village_difference_by_time on village_difference (decided_at desc);

-- Every publication, in its own transaction with the entry.
create table village_audit (
    id        bigserial   primary key,
    at        timestamptz not null default now(),
    actor     text        not null,
    action    text        not null,
    entry_id  uuid        not null references village_entry (id),
    detail    text
);

-- WeChat users following a committee's disclosure: a push when it publishes an entry. Deleted on opt-out; the id is
-- the unguessable token of the opt-out link the pushed page carries.
create table village_follower (
    id          uuid        primary key,
    openid      text        not null,
    township    text        not null,
    committee   text        not null,
    followed_at timestamptz not null default now(),
    constraint village_follower_once unique (openid, township, committee)
);

create index village_follower_by_committee on village_follower (township, committee);

-- 办事咨询 (docs/consultation.md): a person's question about a guide or a committee, with a phone to call back,
-- answered by the department or the committee within the configured time; an answer may be published as a FAQ.
create table consultation_question (
    id          uuid        primary key,
    -- g:<basic code> for a guide, v:<township>:<committee> for a committee
    about       text        not null,
    question    text        not null,
    phone       text        not null,
    asked_at    timestamptz not null default now(),
    due_at      timestamptz not null,
    answer      text,
    answered_by text,
    answered_at timestamptz,
    faq         boolean     not null default false,
    constraint consultation_answered check ((answer is null) = (answered_at is null))
);

create index consultation_question_open on consultation_question (due_at) where answer is null;
create index consultation_question_faq on consultation_question (about) where faq;
