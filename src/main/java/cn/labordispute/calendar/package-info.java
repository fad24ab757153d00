/** The Chinese working-day calendar: public holidays and 调休 working days as data. */
package cn.labordispute.calendar;
