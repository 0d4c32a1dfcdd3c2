package org.shequn.shared;

import java.util.List;

/**
 * A request that cannot be carried out, with a message key in the i18n bundles. Use cases throw it
 * before writing anything (or inside a transaction that it rolls back); the web layer turns it into a
 * problem+json response or a page showing the message in the user's language.
 */
public class Rejection extends RuntimeException {

    /** One invalid field: the message is an i18n key, or an already-localized text. */
    public record FieldProblem(String field, String message, Object... args) {
    }

    private final ProblemKind kind;
    private final String messageKey;
    private final Object[] args;
    private final List<FieldProblem> fieldProblems;
    private Action action;

    /** The one thing a person refused can do about it (a link on the error page), e.g. renew an ended membership. */
    public record Action(String href, String labelKey) {
    }

    public Rejection(ProblemKind kind, String messageKey, List<FieldProblem> fieldProblems, Object... args) {
        super(messageKey, null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static Rejection invalid(String field, String messageKey, Object... args) {
        return new Rejection(ProblemKind.VALIDATION, "problem.validation",
                List.of(new FieldProblem(field, messageKey, args)));
    }

    public static Rejection invalid(List<FieldProblem> problems) {
        return new Rejection(ProblemKind.VALIDATION, "problem.validation", problems);
    }

    public static Rejection conflict(String messageKey, Object... args) {
        return new Rejection(ProblemKind.CONFLICT, messageKey, List.of(), args);
    }

    /** A conflict caused by one field's value, e.g. an email or slug already taken. */
    public static Rejection conflictOn(String field, String messageKey, Object... args) {
        return new Rejection(ProblemKind.CONFLICT, messageKey, List.of(new FieldProblem(field, messageKey, args)), args);
    }

    public static Rejection notFound(String messageKey, Object... args) {
        return new Rejection(ProblemKind.NOT_FOUND, messageKey, List.of(), args);
    }

    public static Rejection forbidden(String messageKey, Object... args) {
        return new Rejection(ProblemKind.FORBIDDEN, messageKey, List.of(), args);
    }

    public static Rejection unauthenticated() {
        return new Rejection(ProblemKind.UNAUTHENTICATED, "problem.unauthenticated", List.of());
    }

    public static Rejection tooLarge(String messageKey, Object... args) {
        return new Rejection(ProblemKind.TOO_LARGE, messageKey, List.of(), args);
    }

    public static Rejection tooMany(String messageKey, Object... args) {
        return new Rejection(ProblemKind.RATE_LIMITED, messageKey, List.of(), args);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** This refusal with a way out: the error page shows it as its main button (a path on this site). */
    public Rejection withAction(String href, String labelKey) {
        if (href == null || !href.startsWith("/") || href.startsWith("//")) {
            throw new IllegalArgumentException("an action is a path on this site");
        }
        this.action = new Action(href, labelKey);
        return this;
    }

    public java.util.Optional<Action> action() {
        return java.util.Optional.ofNullable(action);
    }
}
