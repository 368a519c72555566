import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditReviewAlertQuery, AuditReviewFilter } from '@samkraft/contracts/audit-review';
import { fetchAlerts, fetchAuditEvents, lookupCitizen } from '../api/auditReviewApi.ts';

/** The events of the applied filter (null: not asked yet — each read is itself logged). */
export function useAuditEvents(filter: AuditReviewFilter | null) {
  return useInfiniteQuery({
    queryKey: ['audit-review', 'events', filter],
    queryFn: ({ pageParam }) => fetchAuditEvents(filter ?? {}, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: filter !== null,
  });
}

/** The CPR look-up is a mutation: the number stays in the page, never in a query key. */
export function useCitizenLookup() {
  return useMutation({ mutationFn: (cpr: string) => lookupCitizen(cpr) });
}

export function useAuditAlerts(query: AuditReviewAlertQuery | null) {
  return useQuery({ queryKey: ['audit-review', 'alerts', query], queryFn: () => fetchAlerts(query!), enabled: query !== null });
}
