/** The words people read: message bundles (i18n/messages, Chinese; messages_en, English), not literals in code. */
package cn.labordispute.text;
