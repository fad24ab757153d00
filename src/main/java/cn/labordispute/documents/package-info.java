/** Documents issued on a case (一键成稿): Freemarker templates rendered to XHTML and PDF, stored with a hash. */
package cn.labordispute.documents;
