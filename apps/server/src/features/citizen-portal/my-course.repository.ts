import { sql } from 'kysely';
import type { GoalStatus } from '@samkraft/contracts/plans';
import type { Db } from '../../platform/database/database.ts';

export type MyCourseRecord = {
  id: string;
  openedOn: string;
  homeMunicipality: string;
  unitPhone: string | null;
  contactPerson: { name: string; profession: string; phone: string | null; email: string | null } | null;
};

/** The citizen's open courses with the contact person (the current assignment) and the home unit's phone. */
export async function listOpenCoursesOf(db: Db, citizenId: string): Promise<MyCourseRecord[]> {
  const r = await sql<{ id: string; opened_on: string; municipality: string; unit_phone: string | null; display_name: string | null; profession: string | null; phone: string | null; email: string | null }>`
    select k.id, k.opened_on::text as opened_on, m.name as municipality, m.unit_phone, s.display_name, s.profession, s.phone, s.email
      from referral r
      join course k on k.referral_id = r.id and k.closed_on is null
      join municipality m on m.code = r.home_municipality_code
      left join course_assignment a on a.course_id = k.id and a.ended_at is null
      left join staff_user s on s.id = a.staff_user_id
     where r.citizen_id = ${citizenId}
     order by k.opened_on desc, k.id`.execute(db);
  return r.rows.map((x) => ({
    id: x.id,
    openedOn: x.opened_on,
    homeMunicipality: x.municipality,
    unitPhone: x.unit_phone,
    contactPerson: x.display_name === null ? null : { name: x.display_name, profession: x.profession ?? 'other', phone: x.phone, email: x.email },
  }));
}

export type MyPlanRecord = {
  courseId: string;
  version: number;
  agreedOn: string;
  difficultiesAndNeeds: string;
  purposeAndContent: string;
  location: string;
  firstFollowUpOn: string;
  goals: { description: string; targetOn: string | null; status: GoalStatus }[];
  responsibilities: { part: string; responsible: string }[];
};

/** Each course's latest plan version, its goals (each with its latest judged status) and responsibilities, in one statement. */
export async function listCurrentPlans(db: Db, courseIds: string[]): Promise<MyPlanRecord[]> {
  if (courseIds.length === 0) return [];
  const r = await sql<{ course_id: string; version: number; agreed_on: string; difficulties_and_needs: string; purpose_and_content: string; location: string; first_follow_up_on: string; goals: MyPlanRecord['goals']; responsibilities: MyPlanRecord['responsibilities'] }>`
    with latest as (
      select distinct on (p.course_id) p.id, p.course_id, p.version, p.agreed_on, p.difficulties_and_needs, p.purpose_and_content, p.location, p.first_follow_up_on
        from action_plan p where p.course_id = any(${courseIds}::uuid[])
       order by p.course_id, p.version desc
    )
    select l.course_id, l.version, l.agreed_on::text as agreed_on, l.difficulties_and_needs, l.purpose_and_content, l.location, l.first_follow_up_on::text as first_follow_up_on,
      coalesce((select json_agg(json_build_object('description', g.description, 'targetOn', g.target_on, 'status',
                  coalesce((select st.status from plan_goal_status st where st.plan_goal_id = g.id order by st.recorded_on desc, st.recorded_at desc limit 1), g.status))
                  order by g.ordinal)
                  from plan_goal g where g.action_plan_id = l.id), '[]') as goals,
      coalesce((select json_agg(json_build_object('part', x.part, 'responsible', x.responsible) order by x.ordinal)
                  from action_plan_responsibility x where x.action_plan_id = l.id), '[]') as responsibilities
      from latest l`.execute(db);
  return r.rows.map((x) => ({
    courseId: x.course_id,
    version: x.version,
    agreedOn: x.agreed_on,
    difficultiesAndNeeds: x.difficulties_and_needs,
    purposeAndContent: x.purpose_and_content,
    location: x.location,
    firstFollowUpOn: x.first_follow_up_on,
    goals: x.goals,
    responsibilities: x.responsibilities,
  }));
}

export type MyInterventionRecord = {
  courseId: string;
  name: string;
  providerMunicipality: string;
  providerUnitPhone: string | null;
  placeName: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  decision: 'accepted' | 'declined' | null;
  startedOn: string | null;
  endedOn: string | null;
};

/** The courses' interventions with the providing municipality and the offering's contact. */
export async function listInterventions(db: Db, courseIds: string[]): Promise<MyInterventionRecord[]> {
  if (courseIds.length === 0) return [];
  const r = await sql<{ course_id: string; name_da: string; provider: string; unit_phone: string | null; place_name: string | null; address: string | null; contact_name: string | null; contact_phone: string | null; contact_email: string | null; provider_decision: 'accepted' | 'declined' | null; started_on: string | null; ended_on: string | null }>`
    select x.course_id, i.name_da, pm.name as provider, pm.unit_phone, o.place_name, o.address, o.contact_name, o.contact_phone, o.contact_email,
           x.provider_decision, x.started_on::text as started_on, x.ended_on::text as ended_on
      from cross_referral x
      join intervention i on i.code = x.intervention_code
      join municipality pm on pm.code = x.provider_municipality_code
      left join offering o on o.id = x.offering_id
     where x.course_id = any(${courseIds}::uuid[])
     order by x.received_on, x.id`.execute(db);
  return r.rows.map((x) => ({
    courseId: x.course_id,
    name: x.name_da,
    providerMunicipality: x.provider,
    providerUnitPhone: x.unit_phone,
    placeName: x.place_name,
    address: x.address,
    contactName: x.contact_name,
    contactPhone: x.contact_phone,
    contactEmail: x.contact_email,
    decision: x.provider_decision,
    startedOn: x.started_on,
    endedOn: x.ended_on,
  }));
}
