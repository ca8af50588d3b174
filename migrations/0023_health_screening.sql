-- Who a group's counselling session was held for: the group's members on the day, written when
-- the session is recorded. The denominator of a person's attendance rate (sessions attended ÷
-- sessions held for a group she or he belonged to at the time), kept so that members who join or
-- leave later do not rewrite past rates.
CREATE TABLE session_invitee (
  session_id uuid NOT NULL REFERENCES counselling_session (id),
  person_id uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX session_invitee_person ON session_invitee (person_id);

-- Sessions by group (the list filtered by group) and screenings by worker (recalls per worker).
CREATE INDEX counselling_session_group ON counselling_session (group_id, held_on) WHERE group_id IS NOT NULL;
CREATE INDEX screening_worker_due ON screening (worker_id, next_due_on);
