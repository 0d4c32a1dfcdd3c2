package org.shequn.directory.view;

/** The directory's filters as the page and the API receive them; blank means "any". */
public record DirectoryFilter(String city, String industry, String company, String position, String school,
                              String skill, String role, String verified, String q) {

    public static DirectoryFilter none() {
        return new DirectoryFilter(null, null, null, null, null, null, null, null, null);
    }

    /**
     * The filters read straight from the request's parameters: binding the record through a data binder took a tenth
     * of the directory's CPU under load (docs/benchmarks.md, session 15).
     */
    public static DirectoryFilter from(java.util.function.UnaryOperator<String> parameter) {
        return new DirectoryFilter(parameter.apply("city"), parameter.apply("industry"), parameter.apply("company"),
                parameter.apply("position"), parameter.apply("school"), parameter.apply("skill"),
                parameter.apply("role"), parameter.apply("verified"), parameter.apply("q"));
    }

    public String value(String s) {
        return s == null ? "" : s;
    }

    /** The filters as a query string (without cursor), for "next page" links. */
    public String query() {
        var b = new StringBuilder();
        append(b, "city", city);
        append(b, "industry", industry);
        append(b, "company", company);
        append(b, "position", position);
        append(b, "school", school);
        append(b, "skill", skill);
        append(b, "role", role);
        append(b, "verified", verified);
        append(b, "q", q);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
