/** Demo users and demo cases for the embedded default profile, so that a newcomer sees real work. */
package cn.labordispute.demo;
