/** 一窗受理: validating an application (identity checksums, causes, amounts), numbering it and starting its process. */
package cn.labordispute.intake;
