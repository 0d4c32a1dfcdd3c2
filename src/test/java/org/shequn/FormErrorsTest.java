package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shequn.shared.Rejection;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.support.StaticMessageSource;

class FormErrorsTest {

    @Test
    void findsAFieldsMessageByItsExactPathOrByTheListItBelongsTo() {
        var rejection = Rejection.invalid(List.of(
                new Rejection.FieldProblem("education[1].school", "太长了"),
                new Rejection.FieldProblem("questions[2].<list element>", "不能为空"),
                new Rejection.FieldProblem("name", "必填")));
        var errors = FormErrors.of(rejection, new StaticMessageSource(), Locale.SIMPLIFIED_CHINESE);
        assertThat(errors.on("education[1].school")).isEqualTo("太长了");
        assertThat(errors.has("education[0].school")).isFalse();
        assertThat(errors.on("questions")).isEqualTo("不能为空");
        assertThat(errors.on("name")).isEqualTo("必填");
        assertThat(errors.has("nam")).isFalse();
        assertThat(errors.fields()).hasSize(3);
    }
}
