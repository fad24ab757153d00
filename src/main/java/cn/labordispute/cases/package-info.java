/** Case records (parties, claims, stage, timeline), case numbers, and the REST API through which staff read them. */
package cn.labordispute.cases;
