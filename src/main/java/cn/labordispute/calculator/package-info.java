/** The claim calculator for parties and staff: wages, overtime, economic compensation, 2N, double wages. */
package cn.labordispute.calculator;
