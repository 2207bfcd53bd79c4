/** Scores parsed articles against a corpus with ground truth: headline, date and lead accuracy. */
package warta.evaluation;
