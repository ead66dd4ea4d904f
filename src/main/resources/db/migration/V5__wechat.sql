-- The wechat module. No access-token table: stable tokens are shared by WeChat itself (see WxJavaGateway).

-- Dev mode (no app id and secret): pushes land here instead of WeChat, in the database so that the inbox page of
-- every replica shows them. json, not jsonb, keeps the template's key order for the page.
create table wechat_dev_inbox (
    id             bigserial   primary key,
    kind           text        not null check (kind in ('TEMPLATE', 'SUBSCRIBE')),
    openid         text        not null,
    template_id    text        not null,
    url            text,
    data           json        not null,
    client_msg_id  text,
    sent_at        timestamptz not null default now()
);

create index wechat_dev_inbox_by_openid on wechat_dev_inbox (openid, id);

-- As WeChat does with client_msg_id (wechat-api.md §2.1): one message per openid and client_msg_id.
create unique index wechat_dev_inbox_client_msg_id on wechat_dev_inbox (openid, client_msg_id);

-- Signed callback requests within the replay window: a timestamp and nonce are good for one use (§6.2). Rows older
-- than the window are deleted as new ones arrive.
create table wechat_callback_nonce (
    nonce      text        not null,
    signed_at  bigint      not null,
    seen_at    timestamptz not null default now(),
    primary key (nonce, signed_at)
);

create index wechat_callback_nonce_by_age on wechat_callback_nonce (seen_at);

-- Pushes handled. WeChat sends a push again when it has no answer within 5 s (§6.4); the key (MsgId for messages,
-- sender + CreateTime + event details for events) makes each count once.
create table wechat_callback_event (
    dedupe_key   text        primary key,
    openid       text        not null,
    event        text        not null,
    received_at  timestamptz not null default now()
);

-- What WeChat reported about each message it accepted (TEMPLATESENDJOBFINISH, subscribe_msg_sent_event, §2.4).
create table wechat_delivery (
    msgid          text        primary key,  -- an int64 kept as text; a double would lose digits (§2.1)
    openid         text        not null,
    status         text        not null check (status in ('DELIVERED', 'BLOCKED_BY_USER', 'SYSTEM_FAILED', 'FAILED')),
    wechat_status  text        not null,
    reported_at    timestamptz not null default now()
);
