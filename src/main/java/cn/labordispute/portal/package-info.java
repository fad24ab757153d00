/** The party portal: apply at any hour, confirm claims, follow the case, sign, add evidence, with codes and limits. */
package cn.labordispute.portal;
