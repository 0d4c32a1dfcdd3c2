-- membership: when a paid membership's ended term was announced (MembershipLapsed), so the directory drops the lapsed
-- member once; a renewal (or the community no longer charging) clears it and announces MembershipRenewed.
alter table memberships add column lapsed_at timestamp with time zone;
