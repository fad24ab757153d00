/** Tables that policy staff own and edit as files (periods, holidays, case causes), read the same way everywhere. */
package cn.labordispute.policy;
