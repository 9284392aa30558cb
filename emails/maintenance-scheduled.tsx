import IncidentAffected, { type IncidentAffectedProps } from './incident-affected';

export type MaintenanceScheduledProps = IncidentAffectedProps;

/** Admin planned maintenance on the booked resource during the booking: the damage notice's layout, its own words. */
export default function MaintenanceScheduled(props: MaintenanceScheduledProps) {
  return <IncidentAffected {...props} messageKey="maintenanceScheduled" />;
}

MaintenanceScheduled.PreviewProps = { ...IncidentAffected.PreviewProps, description: '年度设备保养' } satisfies MaintenanceScheduledProps;
