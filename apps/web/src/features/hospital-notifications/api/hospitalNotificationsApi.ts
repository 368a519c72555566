import {
  courseHospitalStay,
  hospitalNotificationSetting,
  hospitalNotificationSettings,
  teamHospitalAbsences,
  type CourseHospitalStay,
  type HospitalNotificationSetting,
  type HospitalNotificationSettings,
  type TeamHospitalAbsences,
} from '@samkraft/contracts/hospital-notifications';
import { requestJson } from '../../../api/client.ts';

export function fetchCourseHospitalStay(courseId: string): Promise<CourseHospitalStay> {
  return requestJson(`/api/courses/${encodeURIComponent(courseId)}/hospital-stay`, courseHospitalStay);
}

export function fetchTeamHospitalAbsences(teamId: string): Promise<TeamHospitalAbsences> {
  return requestJson(`/api/teams/${encodeURIComponent(teamId)}/hospital-absences`, teamHospitalAbsences);
}

export function fetchHospitalNotificationSettings(): Promise<HospitalNotificationSettings> {
  return requestJson('/api/hospital-notifications/settings', hospitalNotificationSettings);
}

export function saveHospitalNotificationSetting(municipalityCode: string, act: boolean): Promise<HospitalNotificationSetting> {
  return requestJson(`/api/hospital-notifications/settings/${encodeURIComponent(municipalityCode)}`, hospitalNotificationSetting, { method: 'PUT', body: { act } });
}
