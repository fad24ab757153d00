/** Statutory periods in one table, and the deadline arithmetic that BPMN due dates and timers call by period name. */
package cn.labordispute.deadlines;
