/**
 * What an operator watches and keeps: the metrics of the work (cases opened, open and overdue steps by stage, the job
 * executor's backlog), the audit log of what staff changed, and the case number in the log lines of a request.
 */
package cn.labordispute.operations;
