/** Users, groups and authorisations: who a caller is, which organisations they act for, what Camunda lets them do. */
package cn.labordispute.security;
