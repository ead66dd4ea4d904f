-- A push whose send may have been taken by WeChat without us hearing so (a timeout, a connection closed after the
-- request went out) is resent only while WeChat still de-duplicates its client_msg_id (about 10 minutes,
-- wechat-api.md §2.1). After that it is 'uncertain': not sent again, shown to staff (送达情况不明).
--
-- status: pending → sent | delivered | failed | dead | cancelled (as before)
--         pending → uncertain (the resend window ran out after a send without an answer)
alter table notification_push drop constraint notification_push_status_check;
alter table notification_push add constraint notification_push_status_check
    check (status in ('pending', 'sent', 'delivered', 'failed', 'dead', 'cancelled', 'uncertain'));

-- The start of the earliest send of this push that WeChat may have taken; null while every send got an answer
-- saying it was not taken. Written before each send, so a replica dying mid-send leaves it set.
alter table notification_push add column unsure_since timestamptz;

-- The staff's list of pushes whose delivery is uncertain.
create index notification_push_uncertain on notification_push (updated_at) where status = 'uncertain';
