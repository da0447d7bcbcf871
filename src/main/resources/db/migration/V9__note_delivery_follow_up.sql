-- The privacy officer's follow-up of an encounter note that did not reach the practice (rejected by the practice's
-- GP system or not delivered by MESH): who marked it followed up, when, and what was done (typed by them). A note
-- marked followed up leaves the "Undelivered encounter notes" page and its author's alerts; its delivery row, its
-- status and the audit trail keep the whole story.
alter table note_delivery add column followed_up_at timestamptz;
alter table note_delivery add column followed_up_by varchar(200);
alter table note_delivery add column followed_up_note varchar(500);
