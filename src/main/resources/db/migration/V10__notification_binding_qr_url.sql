-- The text a case's binding QR code holds (WeChat's url for the ticket, wechat-api.md §4.1), so the acceptance
-- receipt prints the code itself from what is stored, without asking WeChat again.
--
-- Nullable: a code stored before this has only its image and is made again when next needed (one WeChat call per
-- case), and replicas of the previous release, which write no url, keep working while a rollout replaces them.
alter table notification_binding_qr add column url text;
