-- Backfill of 0028: a closing note sent to the GP electronically before its messages were linked
-- to it went as the course's first outgoing CareCommunication — until this release the closing note
-- was the only one, so the first is the note's. A new database creates `message` later (0030) and
-- has no note to fill, so the update runs only where the table is there.
do $$
begin
  if to_regclass('message') is not null then
    update closing_note n
       set gp_message_id = (
         select m.id from message m
          where m.course_id = n.course_id and m.direction = 'out' and m.kind = 'care_communication'
          order by m.created_at, m.id
          limit 1)
     where n.sent_to_gp and n.gp_message_id is null;
  end if;
end $$;
