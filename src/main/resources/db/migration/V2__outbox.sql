-- The transactional outbox (design.md §6): rows written in the same transaction as the state change that caused
-- them, delivered later by a dispatcher on any replica. The shape is Spring Modulith's event publication registry
-- (id, event type, serialised event, publication and completion dates, status, completion attempts, last
-- resubmission), rebuilt for R2DBC with a lease and a retry schedule.
--
-- status: published → processing → completed
--                                 → failed (a temporary failure, or the lease ran out) → (due again) processing ...
--                                 → dead (retry budget spent, or the handler gave up)
--         failed / dead → resubmitted (a supervisor) → processing ...
create table outbox_message (
    id              uuid        primary key,
    kind            text        not null,
    payload         jsonb       not null,
    dedupe_key      text        not null unique,
    status          text        not null check (status in ('published', 'processing', 'completed', 'failed', 'resubmitted', 'dead')),
    -- attempts started, counted when a row is claimed, so a replica that crashes mid-delivery still used one
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    lease_owner     text,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    -- the retry budget runs from here when a supervisor resubmitted the row (Modulith's last_resubmission_date)
    resubmitted_at  timestamptz,
    -- when the row stopped: delivered (completed) or given up (dead)
    completed_at    timestamptz
);

-- Claiming looks only at rows waiting for an attempt, oldest due first; completed rows, the bulk of the table,
-- are not in these indexes at all.
create index outbox_message_due on outbox_message (next_attempt_at) where status in ('published', 'failed', 'resubmitted');
-- Leases of a replica that stopped without finishing, made due again once they run out.
create index outbox_message_leased on outbox_message (lease_until) where status = 'processing';
-- The supervisors' list of dead rows, newest first.
create index outbox_message_dead on outbox_message (completed_at) where status = 'dead';
