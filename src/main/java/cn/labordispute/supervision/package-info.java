/** What supervisors see at a glance: overdue and soon-due work and open escalations, filtered by organisation. */
package cn.labordispute.supervision;
