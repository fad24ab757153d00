/** Prevention: the risk ledger (风险台账), its grading, first response and follow-up, and the risks intake raises. */
package cn.labordispute.prevention;
