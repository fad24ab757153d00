/**
 * Arbitration's own rules beside its BPMN: the minimum-wage table and the final-award test (终局裁决) applied to each
 * item of an award through the final_award decision table.
 */
package cn.labordispute.arbitration;
