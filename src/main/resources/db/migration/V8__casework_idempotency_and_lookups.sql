-- Idempotent submission: the key a client sends (API header Idempotency-Key) or the one-time key of a rendered form,
-- with the hash of the request and the case it filed. Written in the transaction of the case, before it: a second
-- request with the same key waits on this row and then finds it, so two at once file one case. Keys are scoped by
-- channel (api, form, intake), so a key typed into one cannot reach a case filed through another. A key lives
-- onething.casework.idempotency-key-lifetime (24 h); older rows are ignored, reused and swept.
create table casework_idempotency (
    channel          text        not null,
    idempotency_key  text        not null check (length(idempotency_key) between 1 and 100),
    request_hash     text        not null,
    -- deferred: the key is claimed first, the case inserted after it in the same transaction
    application_id   uuid        not null references casework_application (id) deferrable initially deferred,
    created_at       timestamptz not null,
    primary key (channel, idempotency_key)
);
create index casework_idempotency_age on casework_idempotency (created_at);

-- Wrong phone digits per receipt code, for looking a case up by receipt code + last four phone digits (page and
-- API). Four digits are 10,000 guesses: after a few wrong ones the code is locked for a while, longer each time,
-- on every replica. Rows exist for codes that match no case too, so a lock says nothing about whether a code exists.
create table casework_lookup_attempt (
    receipt_code     text        primary key,
    failures         int         not null,
    locks            int         not null,
    last_failure_at  timestamptz not null,
    locked_until     timestamptz
);
create index casework_lookup_attempt_age on casework_lookup_attempt (last_failure_at);
