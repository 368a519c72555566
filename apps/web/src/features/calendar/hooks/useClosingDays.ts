import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClosingDayBody } from '@samkraft/contracts/calendar';
import { addClosingDay, deleteClosingDay, fetchClosingDays } from '../api/closingDayApi.ts';

const closingDaysKey = ['closing-days'] as const;

export function useClosingDays() {
  return useQuery({ queryKey: closingDaysKey, queryFn: fetchClosingDays });
}

/** A closing day moves due dates, so every course's deadlines are refetched too. */
function useCalendarChange<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: closingDaysKey }), client.invalidateQueries({ queryKey: ['course'] }), client.invalidateQueries({ queryKey: ['worklist'] })]);
    },
  });
}

export const useAddClosingDay = () => useCalendarChange((b: ClosingDayBody) => addClosingDay(b));
export const useDeleteClosingDay = () => useCalendarChange((id: string) => deleteClosingDay(id));
