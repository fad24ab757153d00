/**
 * Policy staff change the flow safely: one rule set validates BPMN, DMN, forms and policy tables (for the build, the
 * command line and the deploy endpoint); a preview shows what changes against the deployed version; deployments,
 * roll-backs and migrations of running cases go through here and into the audit trail.
 */
package cn.labordispute.models;
