-- Backfill of 0034: a closing note sent to the GP electronically before its messages were linked
-- to it went as the course's first outgoing CareCommunication — until this release the closing note
-- was the only one, so the first is the note's. One statement over the set.
update closing_note n
   set gp_message_id = first_out.id
  from (
    select distinct on (m.course_id) m.course_id, m.id
      from message m
     where m.direction = 'out' and m.kind = 'care_communication' and m.course_id is not null
     order by m.course_id, m.created_at, m.id
  ) first_out
 where first_out.course_id = n.course_id and n.sent_to_gp and n.gp_message_id is null;
