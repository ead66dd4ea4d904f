-- The notification module (design.md §3, §6): who is told about which case, what each push said and what became of
-- it. Cases are named by their receipt code, the name that travels in QR codes and links.

-- An applicant's WeChat openid bound to a case by scanning its binding QR code or through web OAuth.
create table notification_binding (
    receipt_code  text        not null,
    openid        text        not null,
    -- the capability in unbind links: random, so a link names one binding without showing the openid
    token         text        not null unique,
    bound_at      timestamptz not null,
    primary key (receipt_code, openid)
);

-- One push to one applicant, delivered by an outbox message (kind notification.push) with the same dedupe key;
-- that message's id is the push's client_msg_id at WeChat.
--
-- status: pending → sent (WeChat accepted it, msgid known) → delivered | failed (WeChat's delivery report)
--         pending → dead (WeChat refused it for good: 43004 not following, ...)
--         pending → cancelled (unbound before it was sent, or merged into the completion push)
create table notification_push (
    id            uuid        primary key,
    dedupe_key    text        not null unique,
    receipt_code  text        not null,
    case_id       text        not null,
    openid        text        not null,
    kind          text        not null check (kind in ('accepted', 'notice', 'steps', 'completed', 'deadline-near',
                                                       'extended', 'bound')),
    -- the case event that started the push (its seq in the case's trail); 0 for the confirmation of a binding
    first_seq     int         not null,
    channel       text        not null check (channel in ('wechat-template')),
    template_id   text        not null,
    url           text        not null,
    -- the status word of the template (已受理, 需补正...), kept to render a digest again when news joins it
    status_word   text        not null,
    -- template key → value as sent; json, not jsonb, keeps the template's key order
    data          json        not null,
    -- what the push tells, one entry per case event ({"seq": 12, "text": "出生登记已通过"}): a digest of step news
    -- gathers several while it is collecting
    lines         jsonb       not null,
    -- a digest that later step news of the same case and openid still join; closed when it is sent
    collecting    boolean     not null default false,
    status        text        not null check (status in ('pending', 'sent', 'delivered', 'failed', 'dead', 'cancelled')),
    msgid         text,       -- WeChat's msgid, an int64 kept as text
    last_error    text,
    attempts      int         not null default 0,
    created_at    timestamptz not null,
    due_at        timestamptz not null,
    updated_at    timestamptz not null
);

-- At most one collecting digest per case and openid: the one later step news joins.
create unique index notification_push_collecting on notification_push (receipt_code, openid) where collecting;
create index notification_push_by_case on notification_push (receipt_code, openid, created_at);
-- The staff's list of pushes WeChat reported as not delivered.
create index notification_push_failed on notification_push (updated_at) where status = 'failed';

-- WeChat's msgid of a sent push and WeChat's report about it, whichever arrives first: the report
-- (TEMPLATESENDJOBFINISH) may overtake the recording of the send's answer.
create table notification_delivery (
    msgid          text        primary key,
    push_id        uuid,
    status         text        check (status in ('delivered', 'failed')),
    wechat_status  text,
    updated_at     timestamptz not null
);

-- A binding QR code per case, reused while it lives: creating one is a WeChat API call with a daily quota.
create table notification_binding_qr (
    receipt_code  text        primary key,
    image_url     text        not null,
    expires_at    timestamptz not null
);
