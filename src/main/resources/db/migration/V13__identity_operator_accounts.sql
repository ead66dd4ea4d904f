-- Accounts made by operators (the accounts command line) carry a password someone else chose or the command
-- generated: its owner must replace it at the next sign-in.
alter table identity_staff add column must_change_password boolean not null default false;
