import type { closeReasons } from '@samkraft/contracts/courses';

/** Who a course belongs to and whether it is closed: what access decisions and writes need. */
export type CourseKey = { courseId: string; referralId: string; citizenId: string; homeMunicipalityCode: string; closedOn: string | null };

/** Why a course closed (`course.close_reason`). */
export type CloseReason = (typeof closeReasons)[number];
