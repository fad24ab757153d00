/** Process-engine plugins and configuration only: the few places that touch Camunda directly. */
package cn.labordispute.engine;
