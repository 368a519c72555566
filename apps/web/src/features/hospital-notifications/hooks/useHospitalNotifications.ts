import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCourseHospitalStay, fetchHospitalNotificationSettings, fetchTeamHospitalAbsences, saveHospitalNotificationSetting } from '../api/hospitalNotificationsApi.ts';

export const useCourseHospitalStay = (courseId: string) => useQuery({ queryKey: ['hospital-notifications', 'course', courseId], queryFn: () => fetchCourseHospitalStay(courseId) });

/** The team's participants at hospital now, as a set of enrolment ids. */
export function useTeamHospitalAbsences(teamId: string) {
  return useQuery({ queryKey: ['hospital-notifications', 'team', teamId], queryFn: () => fetchTeamHospitalAbsences(teamId), select: (d) => new Set(d.enrolmentIds) });
}

export const useHospitalNotificationSettings = () => useQuery({ queryKey: ['hospital-notifications', 'settings'], queryFn: fetchHospitalNotificationSettings });

/** Saves one municipality's setting; the list and every stay shown are read again. */
export function useSaveHospitalNotificationSetting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ municipalityCode, act }: { municipalityCode: string; act: boolean }) => saveHospitalNotificationSetting(municipalityCode, act),
    onSuccess: () => client.invalidateQueries({ queryKey: ['hospital-notifications'] }),
  });
}
