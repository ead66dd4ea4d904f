-- Cases (办件). The rules' state is stored whole as JSON (casework.model.CaseFile); the columns beside it are what
-- queues, deadlines and look-ups filter on. Personal data stays in this table and is shown unmasked only to the
-- applicant and to entitled staff.

create table casework_application (
    id               uuid primary key,
    receipt_code     text        not null unique,
    bundle_id        text        not null,
    bundle_version   int         not null,
    guide_versions   jsonb       not null,
    status           text        not null,
    received_on      date        not null,
    accepted_on      date,
    due_on           date,
    applicant_name   text        not null,
    applicant_id_number text     not null,
    applicant_phone  text        not null,
    form             jsonb       not null,
    state            jsonb       not null,
    revision         int         not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index casework_application_open on casework_application (status) where status <> 'COMPLETED';

-- One row per step, rewritten with the case, so each department's queue is an indexed query.
create table casework_step (
    application_id  uuid not null references casework_application (id),
    step_id         text not null,
    department_id   text not null,
    state           text not null,
    primary key (application_id, step_id)
);
create index casework_step_queue on casework_step (department_id, state);

-- The audit trail: every change with actor, time and what happened; never updated.
create table casework_event (
    application_id  uuid        not null references casework_application (id),
    seq             int         not null,
    kind            text        not null,
    actor_kind      text        not null,
    actor_id        text        not null,
    actor_name      text        not null,
    at              timestamptz not null,
    payload         jsonb       not null,
    primary key (application_id, seq)
);

create table casework_material (
    id              uuid primary key,
    application_id  uuid        not null references casework_application (id),
    material_key    text        not null,
    file_name       text        not null,
    content_type    text        not null,
    size_bytes      int         not null,
    sha256          text        not null,
    content         bytea       not null,
    uploaded_at     timestamptz not null default now(),
    uploaded_by     text        not null
);
create index casework_material_of on casework_material (application_id);
