-- Files chosen on the applicant's form when the form came back with a problem: kept here, so that the form sent back
-- says "已选择：…" and nobody picks the same photo twice. A draft is reachable only with its random token and the
-- one-time key of the form it was chosen on (both are in that form, nowhere else); it is never shown or downloaded,
-- only attached to the application that form files. Rows older than a day are swept when drafts are written.
create table casework_draft_upload (
    token         uuid        primary key,
    form_key      text        not null check (length(form_key) between 1 and 100),
    material_key  text        not null,
    file_name     text        not null,
    content       bytea       not null,
    created_at    timestamptz not null
);
create index casework_draft_upload_form on casework_draft_upload (form_key);
create index casework_draft_upload_age on casework_draft_upload (created_at);
