package org.shequn.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An application: one answer per entry question, in the questions' order. */
public record ApplicationAnswers(@Size(max = 5) List<@NotBlank @Size(max = 1000) String> answers) {

    List<String> list() {
        return answers == null ? List.of() : answers;
    }
}
