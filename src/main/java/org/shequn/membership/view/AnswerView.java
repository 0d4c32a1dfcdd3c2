package org.shequn.membership.view;

/** An entry question and the applicant's answer. */
public record AnswerView(String question, String answer) {
}
